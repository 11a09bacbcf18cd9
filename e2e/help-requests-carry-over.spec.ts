import { expect, test, type OwnCycle } from "./support/fixtures";
import type { Page } from "@playwright/test";
import { submit } from "./support/forms";

/** The cycle dashboard's "open, taken" help counts for the whole cycle: the test's own cycles, so exact. */
async function helpTotal(page: Page, cycle: OwnCycle): Promise<string> {
  await page.goto(`/cycles/${cycle.slug}`);
  const total = page.getByRole("link", { name: new RegExp(`^Help requests in ${cycle.name}: \\d+ open, \\d+ taken$`) });
  return (await total.textContent())!.replace(/^.*: /, "");
}

test("a help request on a roadmap item carried over moves to the next cycle with its history, is counted there and found by search", async ({
  admin,
  ownTeam,
  ownCycle,
  ownLead,
  pageOf,
  unique,
}) => {
  test.slow();
  // After the test's own cycle, still years before the demo's (OWN_CYCLE_DATES).
  const next = await admin.createCycle(`e2e-${unique}-next`, "2001-07-02", "2001-12-31");
  const item = `Ceph upgrade guide ${unique}`;
  const title = `Newcomers: walk through the Ceph upgrade ${unique}`;
  const page = await pageOf(ownLead);

  await page.goto(`/teams/${ownTeam.slug}/roadmap?cycle=${ownCycle.slug}`);
  await page.getByText("Add a roadmap item").click();
  await page.locator("details", { hasText: "Add a roadmap item" }).getByLabel("Title").fill(item);
  await page.getByRole("button", { name: "Add item" }).click();
  await expect(page.getByRole("listitem", { name: item })).toBeVisible();

  await page.goto(`/teams/${ownTeam.slug}/help`);
  await page.getByLabel("What help is needed").fill(title);
  await page.getByLabel("Details").fill("Tell us which steps are hard to follow.");
  await page.getByLabel("Cycle").selectOption(ownCycle.slug);
  await page.getByLabel("Roadmap item (optional)").selectOption({ label: `${item} (${ownCycle.name})` });
  await submit(page, page.getByRole("button", { name: "Open help request" }));
  await expect(page.getByRole("status")).toHaveText(/Help request opened/);
  const request = page.getByRole("listitem").filter({ hasText: title });
  await request.getByLabel("Or by a newcomer (name)").fill("Ada Newcomer");
  await submit(page, request.getByRole("button", { name: "Mark as taken" }));
  await expect(request.getByText("Taken by Ada Newcomer")).toBeVisible();
  expect(await helpTotal(page, ownCycle)).toBe("0 open, 1 taken");

  await page.goto(`/teams/${ownTeam.slug}/roadmap?cycle=${ownCycle.slug}`);
  await page.getByLabel("Carry the 1 unfinished item over to").selectOption(next.slug);
  await page.getByRole("button", { name: "Carry over" }).click();
  await expect(page.getByRole("status").filter({ hasText: `Carried 1 item over to ${next.name}, with 1 help request.` })).toBeVisible();

  expect(await helpTotal(page, ownCycle)).toBe("0 open, 0 taken");
  expect(await helpTotal(page, next)).toBe("0 open, 1 taken");
  const card = page.getByRole("region", { name: "Teams" }).getByRole("listitem").filter({ hasText: ownTeam.name });
  await expect(card.getByRole("link", { name: "Help wanted: 0 open, 1 taken" })).toBeVisible();
  await expect(page.getByRole("listitem").filter({ hasText: title })).toContainText(`asked in ${ownCycle.name}`);

  await page.goto(`/teams/${ownTeam.slug}/help`);
  await expect(request).toContainText(`${next.name} · asked in ${ownCycle.name} · for “${item}”`);
  await expect(request.getByText("Taken by Ada Newcomer")).toBeVisible();

  await page.goto(`/search?q=${encodeURIComponent(`hard to follow ${unique}`)}`);
  const hit = page.getByRole("list", { name: "Results" }).getByRole("listitem").filter({ hasText: "Help wanted" });
  await expect(hit).toHaveCount(1);
  await expect(hit).toContainText(ownTeam.name);
  await expect(hit).toContainText(`· ${next.name}`);
  await hit.getByRole("link").click();
  await expect(page).toHaveURL(new RegExp(`/help-wanted\\?team=${ownTeam.slug}&cycle=${next.slug}#request-\\d+$`));
  await expect(page.getByRole("listitem").filter({ hasText: title })).toContainText("Taken up by Ada Newcomer");

  // Its audit trail is one row's: opened, taken, carried over.
  await admin.page.goto(`/admin/audit?actor=${encodeURIComponent(ownLead.name)}&action=help.`);
  const rows = admin.page.getByRole("table").getByRole("row").filter({ hasText: "help_request" });
  await expect(rows).toHaveCount(3);
  expect(await rows.locator("td:nth-child(3)").allTextContents()).toEqual(["help.carry_over", "help.assign", "help.open"]);
  expect(new Set(await rows.locator("td:nth-child(4)").allTextContents()).size).toBe(1);
});
