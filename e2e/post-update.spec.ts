import { expect, test, type Page } from "@playwright/test";
import { ACCOUNTS } from "./support/accounts";
import { submit } from "./support/forms";
import { runScript } from "./support/processes";
import { signIn } from "./support/sign-in";

/** Opens the editor on a new blank draft for the team, from its page's "Post update" button. */
async function startDraft(page: Page, team: string): Promise<number> {
  await page.goto(`/teams/${team}`);
  await page.getByRole("link", { name: "Post update" }).click();
  await expect(page.getByRole("heading", { name: "Post an update" })).toBeVisible();
  await page.getByRole("button", { name: "Start blank" }).click();
  await expect(page).toHaveURL(/\/updates\/\d+\/edit$/);
  return Number(/\/updates\/(\d+)\/edit/.exec(page.url())![1]);
}

test("the Docs lead posts the 10.0 update with a number and a help-wanted item, and it shows on the dashboard and the team page", async ({
  page,
}) => {
  await signIn(page, ACCOUNTS.docsLead);
  const id = await startDraft(page, "docs");

  await page.getByLabel("Headline").fill("Build guide moved into the docs; reviewers wanted");
  await page.getByRole("radio", { name: /At risk/ }).check();
  await page.getByRole("textbox", { name: "Summary" }).fill("The build process now lives in the **main documentation**.");
  await page.getByRole("textbox", { name: "Done" }).fill("- Moved the build guide off the wiki");
  await page.getByRole("textbox", { name: "Help wanted" }).fill("Review the new [build guide](https://docs.starlingx.io).");
  await page.getByLabel("Documentation changes merged").fill("42");
  await expect(page.getByRole("complementary", { name: "Preview" }).getByRole("strong")).toHaveText("main documentation");
  await expect(page.getByText(/Saved at/)).toBeVisible();

  await page.getByText("Add a roadmap item").click();
  const addItem = page.locator("details", { hasText: "Add a roadmap item" });
  await addItem.getByLabel("Title").fill("Review the new build guide");
  await addItem.getByLabel("Help wanted").check();
  await addItem.getByRole("button", { name: "Add item" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Item added." })).toBeVisible();

  await page.getByRole("button", { name: "Publish" }).click();
  await expect(page).toHaveURL(new RegExp(`/updates/${id}$`));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Build guide moved into the docs; reviewers wanted");

  await page.goto("/cycles/10.0");
  const docsCard = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: "Docs", exact: true }) });
  await expect(docsCard.getByRole("link", { name: "Build guide moved into the docs; reviewers wanted" })).toBeVisible();
  await expect(docsCard.getByText("Documentation changes merged")).toBeVisible();
  await expect(docsCard.getByText("42", { exact: true })).toBeVisible();
  await expect(
    page
      .getByRole("region", { name: "At risk" })
      .or(page.locator("section", { hasText: "At risk" }))
      .first(),
  ).toContainText("Docs");
  await expect(page.getByText("Review the new build guide")).toBeVisible();

  await page.goto("/teams/docs");
  await expect(page.getByRole("link", { name: "Build guide moved into the docs; reviewers wanted" }).first()).toBeVisible();
  await expect(page.getByRole("region", { name: "Summary" }).first()).toContainText("main documentation");
  const chart = page.getByRole("figure", { name: "Documentation changes merged" });
  await chart.getByText("Show as a table").click();
  await expect(chart.getByRole("row", { name: /^10\.0/ })).toContainText("42");
});

test("a draft is invisible to anonymous readers", async ({ page, browser }) => {
  // Two sign-ins' worth of pages in two browsers: more than one page's time on two busy cores.
  test.slow();
  await signIn(page, ACCOUNTS.testLead);
  const id = await startDraft(page, "test");
  const headline = `Draft only ${Date.now()}`;
  await page.getByLabel("Headline").fill(headline);
  await expect(page.getByText(/Saved at/)).toBeVisible();

  await page.goto(`/updates/${id}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(headline);
  await expect(page.getByText(/Draft: only the team's leads and the release managers can see it/)).toBeVisible();

  const anonymous = await browser.newContext();
  const reader = await anonymous.newPage();
  expect((await reader.goto(`/updates/${id}`))?.status()).toBe(404);
  for (const path of ["/cycles/10.0", "/teams/test", "/teams", "/"]) {
    await reader.goto(path);
    await expect(reader.getByText(headline)).toHaveCount(0);
  }
  await reader.goto(`/updates/${id}/edit`);
  await expect(reader).toHaveURL(/\/signin\?next=/);
  await anonymous.close();

  const otherLead = await (await browser.newContext()).newPage();
  await signIn(otherLead, ACCOUNTS.cloudLead);
  await otherLead.goto(`/updates/${id}`);
  await expect(otherLead.getByRole("heading", { name: "Nothing here" })).toBeVisible();
});

test("a concurrent edit is refused with what changed, and nothing typed is lost", async ({ browser }) => {
  const first = await browser.newContext();
  const second = await browser.newContext();
  const a = await first.newPage();
  const b = await second.newPage();
  await signIn(a, ACCOUNTS.cloudLead);
  await signIn(b, ACCOUNTS.cloudLead);
  await a.goto("/teams/distributed-cloud");
  await a
    .getByRole("link", { name: /Unified software management/ })
    .first()
    .click();
  await a.getByRole("link", { name: "Edit", exact: true }).click();
  await expect(a).toHaveURL(/\/edit$/);
  await b.goto(a.url());

  await b.getByRole("textbox", { name: "Risks" }).fill("Reviewers for the orchestration patches are scarce.");
  await submit(b, b.getByRole("button", { name: "Save changes" }));
  await expect(b.getByText(/Saved at/)).toBeVisible();

  await a.getByLabel("Headline").fill("Unified software management: first pieces merged");
  await submit(a, a.getByRole("button", { name: "Save changes" }));
  const alert = a.getByRole("alert").filter({ hasText: "Someone saved this update after you opened it." });
  await expect(alert).toContainText("Changed meanwhile: Risks");
  await expect(a.getByLabel("Headline")).toHaveValue("Unified software management: first pieces merged");
  await alert.getByText("Their version of what changed").click();
  await expect(alert).toContainText("Reviewers for the orchestration patches are scarce.");

  await alert.getByRole("button", { name: "Keep mine, then save over theirs" }).click();
  await submit(a, a.getByRole("button", { name: "Save changes" }));
  await expect(a.getByText(/Saved at/)).toBeVisible();
  await a.getByRole("link", { name: "View the published update" }).click();
  await expect(a.getByRole("heading", { level: 1 })).toHaveText("Unified software management: first pieces merged");
  await a
    .getByText(/Version \d+: edited/)
    .first()
    .click();
  await expect(a.getByRole("insertion").first()).toBeVisible();
  await first.close();
  await second.close();
});

test("the lead of another team cannot open the Docs editor, nor save to it through the server action", async ({ page }) => {
  await signIn(page, ACCOUNTS.testLead);
  await page.goto("/teams/docs");
  const docsUpdate = await page
    .getByRole("link", { name: "Build process docs are moving off the wiki" })
    .or(page.getByRole("link", { name: /Build guide moved/ }))
    .first()
    .getAttribute("href");
  const docsId = Number(docsUpdate!.split("/").pop());
  await page.goto(`/updates/${docsId}/edit`);
  await expect(page.getByRole("heading", { name: "Not available to you" })).toBeVisible();
  expect((await page.request.get("/api/roadmap/docs/10.0")).status()).toBe(403);

  // Open his own editor, then aim its save at the Docs update: the server must refuse.
  const ownId = await startDraft(page, "test");
  await page.route(`**/updates/${ownId}/edit`, async (route) => {
    const request = route.request();
    if (request.method() !== "POST") return route.continue();
    await route.continue({ postData: (request.postData() ?? "").replace(`"id":${ownId}`, `"id":${docsId}`) });
  });
  await page.getByLabel("Headline").fill("Hijacked by another team");
  await submit(page, page.getByRole("button", { name: "Save draft" }));
  await expect(page.getByRole("alert").filter({ hasText: "You are not allowed to do this." })).toBeVisible();
  await page.unroute(`**/updates/${ownId}/edit`);
  await page.goto(`/updates/${docsId}`);
  await expect(page.getByRole("heading", { level: 1 })).not.toHaveText("Hijacked by another team");
});

test("unfinished roadmap items are carried over to a new cycle, keeping where they started", async ({ page }) => {
  runScript("e2e/support/create-cycle.ts", ["11.0", "2024-10-01", "2025-03-31"], { CYCLEBOARD_DB: "data/e2e.db" });
  await signIn(page, ACCOUNTS.admin);
  await page.goto("/teams/containers/roadmap?cycle=10.0");
  await expect(page.getByRole("heading", { name: "Roadmap for 10.0" })).toBeVisible();
  await page.getByRole("button", { name: "Carry over" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Carried 2 items over to 11.0." })).toBeVisible();
  await expect(page.getByRole("listitem", { name: "Kubernetes 1.28 and 1.29" })).toContainText("Deferred");

  await page.goto("/teams/containers");
  const group = page
    .locator("section", { has: page.getByRole("heading", { name: "Roadmap" }) })
    .getByRole("listitem")
    .filter({ hasText: "Kubernetes 1.28 and 1.29" });
  await expect(group).toHaveCount(2);
  await expect(group.filter({ hasText: "first planned for 10.0" })).toHaveCount(1);
  await page.goto("/cycles/11.0");
  const card = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: "Containers", exact: true }) });
  await expect(card).toContainText("Roadmap: 0 of 2 done");
});

test("a draft that cannot be saved says so, keeps the text and retries with growing pauses until it can", async ({ page }) => {
  test.slow();
  await signIn(page, ACCOUNTS.containersLead);
  const id = await startDraft(page, "containers");
  // The server unreachable for three saves in a row (as when its database is unavailable), then back.
  const attempts: number[] = [];
  await page.route(`**/updates/${id}/edit`, async (route) => {
    if (route.request().method() !== "POST") return route.continue();
    attempts.push(Date.now());
    return attempts.length <= 3 ? route.abort("connectionrefused") : route.continue();
  });
  const headline = `Typed while the server was away ${Date.now()}`;
  await page.getByLabel("Headline").fill(headline);
  const status = page.getByRole("status").filter({ hasText: /Not saved|Saving|Saved at|Unsaved/ });
  await expect(status).toHaveText("Not saved — retrying in 2 s");
  await expect(page.getByRole("alert").filter({ hasText: "Could not save" })).toBeVisible();
  await expect(status).toHaveText("Not saved — retrying in 4 s");
  await expect(status).toHaveText("Not saved — retrying in 8 s", { timeout: 15_000 });
  await expect(status).toHaveText(/Saved at/, { timeout: 20_000 });
  await expect(page.getByLabel("Headline")).toHaveValue(headline);
  // The pauses the issue sets: 2 s, then 4 s (lower bounds only: a busy machine adds to them).
  expect(attempts[2]! - attempts[1]!).toBeGreaterThanOrEqual(2_000);
  expect(attempts[3]! - attempts[2]!).toBeGreaterThanOrEqual(4_000);
  await page.unroute(`**/updates/${id}/edit`);
  await page.reload();
  await expect(page.getByLabel("Headline")).toHaveValue(headline);
});
