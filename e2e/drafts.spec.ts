import type { Page } from "@playwright/test";
import { EditorPage } from "./support/editor-page";
import { expect, test, type OwnCycle, type OwnTeam } from "./support/fixtures";

/**
 * Drafts are never lost: found again from the team page and "Post update", discarded only
 * when the lead confirms, and kept in the browser while the server cannot take them.
 */

/** Starts a new blank draft in `cycle` from the team page's "Post update", whether or not the team already has one open. */
async function startBlankDraft(page: Page, team: OwnTeam, cycle: OwnCycle, headline: string): Promise<number> {
  await page.goto(`/teams/${team.slug}`);
  await page.getByRole("link", { name: "Post update" }).click();
  await page.getByLabel("Cycle").selectOption(cycle.slug);
  await page.getByRole("button", { name: "Start blank" }).click();
  // The draft is made, then the editor rendered: on a busy machine longer than an expect's 5 s.
  await page.waitForURL(/\/updates\/\d+\/edit$/);
  await page.getByLabel("Headline").fill(headline);
  await expect(page.getByText(/Saved at/)).toBeVisible();
  return Number(/\/updates\/(\d+)\/edit/.exec(page.url())![1]);
}

const escaped = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

test("the team page lists an open draft to its lead, and Post update offers to continue it", async ({
  ownTeam,
  ownCycle,
  ownLead,
  pageOf,
  browser,
}) => {
  test.slow();
  const page = await pageOf(ownLead);
  const headline = "Release draft to come back to";
  const id = await startBlankDraft(page, ownTeam, ownCycle, headline);

  await page.goto(`/teams/${ownTeam.slug}`);
  const drafts = page.getByRole("region", { name: "Open drafts" });
  await expect(drafts.getByRole("link", { name: headline })).toHaveAttribute("href", `/updates/${id}/edit`);

  await page.getByRole("link", { name: "Post update" }).click();
  await page.getByLabel("Cycle").selectOption(ownCycle.slug);
  await expect(page.getByRole("status").filter({ hasText: `Your team already has a draft for ${ownCycle.name}` })).toBeVisible();
  await page.getByRole("link", { name: "Continue the draft" }).click();
  await expect(page).toHaveURL(new RegExp(`/updates/${id}/edit$`));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Write the update");

  const anonymous = await browser.newContext();
  const reader = await anonymous.newPage();
  await reader.goto(`/teams/${ownTeam.slug}`);
  await expect(reader.getByRole("heading", { name: ownTeam.name, level: 1 })).toBeVisible();
  await expect(reader.getByRole("region", { name: "Open drafts" })).toHaveCount(0);
  await expect(reader.getByText(headline)).toHaveCount(0);
  expect((await reader.request.get(`/api/teams/${ownTeam.slug}/drafts`)).status()).toBeGreaterThanOrEqual(401);
  await anonymous.close();
});

test("discarding a draft asks first, and keeping it keeps it", async ({ ownTeam, ownCycle, ownLead, pageOf }) => {
  const page = await pageOf(ownLead);
  const id = await startBlankDraft(page, ownTeam, ownCycle, "Draft to discard");

  await page.getByRole("button", { name: "Discard draft" }).click();
  const dialog = page.getByRole("dialog", { name: "Discard this draft?" });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole("button", { name: "Keep the draft" })).toBeFocused();
  await dialog.getByRole("button", { name: "Keep the draft" }).click();
  await expect(dialog).toBeHidden();
  await expect(page).toHaveURL(new RegExp(`/updates/${id}/edit$`));

  await page.getByRole("button", { name: "Discard draft" }).click();
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();

  await page.getByRole("button", { name: "Discard draft" }).click();
  await dialog.getByRole("button", { name: "Yes, discard it" }).click();
  await expect(page).toHaveURL(new RegExp(`/teams/${ownTeam.slug}$`));
  await page.goto(`/updates/${id}/edit`);
  await expect(page.getByRole("heading", { name: "Nothing here", level: 1 })).toBeVisible();
});

test("text the server could not take is kept in the browser, restored when the draft is opened again, then saved", async ({
  ownTeam,
  ownCycle,
  ownLead,
  pageOf,
}) => {
  test.slow();
  const page = await pageOf(ownLead);
  const id = await startBlankDraft(page, ownTeam, ownCycle, "Before the outage");
  await page.route(`**/updates/${id}/edit`, (route) =>
    route.request().method() === "POST" ? route.abort("connectionrefused") : route.continue(),
  );

  const headline = "Typed while offline";
  await page.getByLabel("Headline").fill(headline);
  await page.getByRole("textbox", { name: "Risks" }).fill("- Subcloud upgrades need more hardware");
  await expect(page.getByRole("status").filter({ hasText: /^Not saved — retrying/ })).toBeVisible();
  // The tab is closed before the server ever had the text.
  await page.close();

  const again = await page.context().newPage();
  await again.goto(`/updates/${id}/edit`);
  await expect(again.getByLabel("Headline")).toHaveValue(headline);
  await expect(again.getByRole("textbox", { name: "Risks" })).toHaveValue("- Subcloud upgrades need more hardware");
  await expect(again.getByText(/Restored what you typed in this browser/)).toBeVisible();
  await expect(again.getByText(/Saved at/)).toBeVisible({ timeout: 15_000 });

  await again.reload();
  await expect(again.getByLabel("Headline")).toHaveValue(headline);
  await expect(again.getByText(/Restored what you typed/)).toHaveCount(0);
  expect(await again.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith("cycleboard:update:")))).toEqual([]);
});

test("starting from the last update copies what carries forward, not what was done, with the last update beside the editor", async ({
  ownTeam,
  ownCycle,
  ownLead,
  pageOf,
}) => {
  test.slow();
  const page = await pageOf(ownLead);
  const last = await EditorPage.startBlank(page, ownTeam.slug, ownCycle.slug);
  await last.headline.fill("Docs moved into the main tree");
  await last.section("Done").fill("- Moved the install guide");
  await last.section("In progress").fill("- Translating the install guide\n- Reviewing the API pages");
  await expect(last.saved).toBeVisible();
  await last.publish();

  await page.goto(`/updates/new?team=${ownTeam.slug}&cycle=${ownCycle.slug}`);
  await page.getByRole("button", { name: /^Start from the last update/ }).click();
  await page.waitForURL(/\/updates\/\d+\/edit$/);

  await expect(page.getByRole("textbox", { name: "Done" })).toHaveValue("");
  await expect(page.getByRole("textbox", { name: "Summary" })).toHaveValue("");
  const lastDone = page.getByRole("note", { name: "Done in the last update" });
  await expect(lastDone).toBeVisible();
  // Rendered as it reads on the update's page, not as its Markdown source.
  await expect(lastDone.getByRole("listitem")).toHaveText("Moved the install guide");
  const carried = await page.getByRole("textbox", { name: "In progress" }).inputValue();
  expect(carried).toBe("- Translating the install guide\n- Reviewing the API pages");
  await expect(page.getByRole("note", { name: "In progress in the last update" })).toContainText("Translating the install guide");

  // On a phone the last update folds into one panel above the form.
  await page.setViewportSize({ width: 390, height: 844 });
  await expect(lastDone).toBeHidden();
  const panel = page.locator("details").filter({ has: page.getByText(/^The last update, /) });
  await panel.getByText(/^The last update, /).click();
  await expect(panel.getByText("Translating the install guide")).toBeVisible();
});

test("a roadmap change is not made inside the update editor, which links to the roadmap page instead", async ({
  ownTeam,
  ownCycle,
  ownLead,
  pageOf,
}) => {
  const page = await pageOf(ownLead);
  await startBlankDraft(page, ownTeam, ownCycle, "Roadmap elsewhere");
  await expect(page.getByText("Add a roadmap item")).toHaveCount(0);
  await page.getByRole("link", { name: `Edit the roadmap for ${ownCycle.name}` }).click();
  await expect(page).toHaveURL(new RegExp(`/teams/${ownTeam.slug}/roadmap\\?cycle=${escaped(ownCycle.slug)}$`));
  await expect(page.getByRole("heading", { name: `Roadmap for ${ownCycle.name}`, level: 1 })).toBeFocused();
});
