import { EditorPage } from "./support/editor-page";
import { expect, test } from "./support/fixtures";

test("a team lead posts an update with a number and a help-wanted item, and it shows on the cycle's dashboard and the team page", async ({
  admin,
  ownTeam,
  ownCycle,
  ownLead,
  pageOf,
  unique,
}) => {
  // Two more page loads than it had: the roadmap is edited on its own page.
  test.slow();
  await admin.defineMetric(ownTeam.slug, "Documentation changes merged", `merged_${unique}`);
  const page = await pageOf(ownLead);
  const editor = await EditorPage.startBlank(page, ownTeam.slug, ownCycle.slug);

  await editor.headline.fill("Build guide moved into the docs; reviewers wanted");
  await editor.setHealth(/At risk/);
  await editor.section("Summary").fill("The build process now lives in the **main documentation**.");
  await editor.section("Done").fill("- Moved the build guide off the wiki");
  await editor.section("Help wanted").fill("Review the new [build guide](https://docs.starlingx.io).");
  await page.getByLabel("Documentation changes merged").fill("42");
  await expect(page.getByRole("complementary", { name: "Preview" }).getByRole("strong")).toHaveText("main documentation");
  await expect(editor.saved).toBeVisible();
  await editor.addRoadmapItem("Review the new build guide", { helpWanted: true });

  await editor.publish();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Build guide moved into the docs; reviewers wanted");

  await page.goto(`/cycles/${ownCycle.slug}`);
  const card = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: ownTeam.name, exact: true }) });
  await expect(card.getByRole("link", { name: "Build guide moved into the docs; reviewers wanted" })).toBeVisible();
  await expect(card.getByText("Documentation changes merged")).toBeVisible();
  await expect(card.getByText("42", { exact: true })).toBeVisible();
  await expect(
    page.locator("section", { has: page.getByRole("heading", { name: "At risk", exact: true }) }).getByRole("listitem"),
  ).toHaveText([new RegExp(ownTeam.name)]);
  await expect(page.getByText("Review the new build guide")).toBeVisible();

  // Every cycle of the team: its page alone shows the newest few, and a test's own cycle is older than the demo's.
  await page.goto(`/teams/${ownTeam.slug}/cycles`);
  // The latest update heads the page and is listed again in the team's history.
  await expect(page.getByRole("link", { name: "Build guide moved into the docs; reviewers wanted" })).toHaveCount(2);
  await expect(page.getByRole("region", { name: "Summary" }).first()).toContainText("main documentation");
  const chart = page.getByRole("figure", { name: "Documentation changes merged" });
  await chart.getByText("Show as a table").click();
  await expect(chart.getByRole("row", { name: new RegExp(`^${ownCycle.name}`) })).toContainText("42");
});

test("a draft is invisible to anonymous readers", async ({ ownTeam, ownCycle, ownLead, pageOf, pageAs, browser }) => {
  const page = await pageOf(ownLead);
  const editor = await EditorPage.startBlank(page, ownTeam.slug, ownCycle.slug);
  const headline = "Draft only, not for readers yet";
  await editor.headline.fill(headline);
  await expect(editor.saved).toBeVisible();

  await page.goto(`/updates/${editor.id}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(headline);
  await expect(page.getByText(/Draft: only the team's leads and the release managers can see it/)).toBeVisible();

  const anonymous = await browser.newContext();
  const reader = await anonymous.newPage();
  expect((await reader.goto(`/updates/${editor.id}`))?.status()).toBe(404);
  for (const path of [`/cycles/${ownCycle.slug}`, `/teams/${ownTeam.slug}`, "/teams", "/"]) {
    await reader.goto(path);
    await expect(reader.getByText(headline)).toHaveCount(0);
  }
  await reader.goto(`/updates/${editor.id}/edit`);
  await expect(reader).toHaveURL(/\/signin\?next=/);
  await anonymous.close();

  const otherLead = await pageAs("cloudLead");
  await otherLead.goto(`/updates/${editor.id}`);
  await expect(otherLead.getByRole("heading", { name: "Nothing here" })).toBeVisible();
});

test("a concurrent edit is refused with what changed, and nothing typed is lost", async ({ ownTeam, ownCycle, ownLead, pageOf }) => {
  const a = await pageOf(ownLead);
  const b = await pageOf(ownLead);
  const published = await EditorPage.startBlank(a, ownTeam.slug, ownCycle.slug);
  await published.headline.fill("Unified software management");
  await expect(published.saved).toBeVisible();
  await published.publish();

  const mine = await EditorPage.open(a, published.id);
  const theirs = await EditorPage.open(b, published.id);
  await theirs.section("Risks").fill("Reviewers for the orchestration patches are scarce.");
  await theirs.save();
  await expect(theirs.saved).toBeVisible();

  await mine.headline.fill("Unified software management: first pieces merged");
  await mine.save();
  const alert = a.getByRole("alert").filter({ hasText: "Someone saved this update after you opened it." });
  await expect(alert).toContainText("Changed meanwhile: Risks");
  await expect(mine.headline).toHaveValue("Unified software management: first pieces merged");
  await alert.getByText("Their version of what changed").click();
  await expect(alert).toContainText("Reviewers for the orchestration patches are scarce.");

  await alert.getByRole("button", { name: "Keep mine, then save over theirs" }).click();
  await mine.save();
  await expect(mine.saved).toBeVisible();
  await a.getByRole("link", { name: "View the published update" }).click();
  await expect(a.getByRole("heading", { level: 1 })).toHaveText("Unified software management: first pieces merged");
  await a
    .getByText(/Version \d+: edited/)
    .first()
    .click();
  await expect(a.getByRole("insertion").first()).toBeVisible();
});

test("the lead of another team cannot open the Docs editor, nor save to it through the server action", async ({
  ownTeam,
  ownCycle,
  ownLead,
  pageOf,
}) => {
  const page = await pageOf(ownLead);
  await page.goto("/teams/docs");
  const docsUpdate = await page.getByRole("link", { name: "Build process docs are moving off the wiki" }).first().getAttribute("href");
  const docsId = Number(docsUpdate!.split("/").pop());
  await page.goto(`/updates/${docsId}/edit`);
  await expect(page.getByRole("heading", { name: "Not available to you" })).toBeVisible();
  expect((await page.request.get("/api/roadmap/docs/10.0")).status()).toBe(403);

  // Open their own editor, then aim its save at the Docs update: the server must refuse.
  const own = await EditorPage.startBlank(page, ownTeam.slug, ownCycle.slug);
  await page.route(`**/updates/${own.id}/edit`, async (route) => {
    const request = route.request();
    if (request.method() !== "POST") return route.continue();
    await route.continue({ postData: (request.postData() ?? "").replace(`"id":${own.id}`, `"id":${docsId}`) });
  });
  await own.headline.fill("Hijacked by another team");
  await own.save("Save draft");
  await expect(page.getByRole("alert").filter({ hasText: "You are not allowed to do this." })).toBeVisible();
  await page.unroute(`**/updates/${own.id}/edit`);
  await page.goto(`/updates/${docsId}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Build process docs are moving off the wiki");
});

test("unfinished roadmap items are carried over to a new cycle, keeping where they started", async ({
  admin,
  ownTeam,
  ownCycle,
  ownLead,
  pageOf,
  unique,
}) => {
  // After the test's own cycle, still years before the demo's (OWN_CYCLE_DATES).
  const next = await admin.createCycle(`e2e-${unique}-next`, "2001-07-02", "2001-12-31");
  const page = await pageOf(ownLead);
  await page.goto(`/teams/${ownTeam.slug}/roadmap?cycle=${ownCycle.slug}`);
  await expect(page.getByRole("heading", { name: `Roadmap for ${ownCycle.name}` })).toBeVisible();
  const form = page.locator("details", { hasText: "Add a roadmap item" });
  for (const title of ["Kubernetes 1.28 and 1.29", "Rook-Ceph upgrade"]) {
    // The form stays open after an item is added.
    if (!(await form.getByLabel("Title").isVisible())) await page.getByText("Add a roadmap item").click();
    await form.getByLabel("Title").fill(title);
    await form.getByRole("button", { name: "Add item" }).click();
    await expect(page.getByRole("listitem", { name: title })).toBeVisible();
  }
  await page.getByLabel("Carry the 2 unfinished items over to").selectOption(next.slug);
  await page.getByRole("button", { name: "Carry over" }).click();
  await expect(page.getByRole("status").filter({ hasText: `Carried 2 items over to ${next.name}.` })).toBeVisible();
  await expect(page.getByRole("listitem", { name: "Kubernetes 1.28 and 1.29" })).toContainText("Deferred");

  await page.goto(`/teams/${ownTeam.slug}/cycles`);
  const group = page
    .locator("section", { has: page.getByRole("heading", { name: "Roadmap" }) })
    .getByRole("listitem")
    .filter({ hasText: "Kubernetes 1.28 and 1.29" });
  await expect(group).toHaveCount(2);
  await expect(group.filter({ hasText: `first planned for ${ownCycle.name}` })).toHaveCount(1);
  await page.goto(`/cycles/${next.slug}`);
  const card = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: ownTeam.name, exact: true }) });
  await expect(card).toContainText("Roadmap: 0 of 2 done");
});

test("a draft that cannot be saved says so, keeps the text and retries with growing pauses until it can", async ({
  ownTeam,
  ownCycle,
  ownLead,
  pageOf,
}) => {
  test.slow();
  const page = await pageOf(ownLead);
  const editor = await EditorPage.startBlank(page, ownTeam.slug, ownCycle.slug);
  // The server unreachable for three saves in a row (as when its database is unavailable), then back.
  const attempts: number[] = [];
  await page.route(`**/updates/${editor.id}/edit`, async (route) => {
    if (route.request().method() !== "POST") return route.continue();
    attempts.push(Date.now());
    return attempts.length <= 3 ? route.abort("connectionrefused") : route.continue();
  });
  const headline = "Typed while the server was away";
  await editor.headline.fill(headline);
  await expect(editor.saveStatus).toHaveText("Not saved — retrying in 2 s");
  await expect(page.getByRole("alert").filter({ hasText: "Could not save" })).toBeVisible();
  await expect(editor.saveStatus).toHaveText("Not saved — retrying in 4 s");
  await expect(editor.saveStatus).toHaveText("Not saved — retrying in 8 s", { timeout: 15_000 });
  await expect(editor.saveStatus).toHaveText(/Saved at/, { timeout: 20_000 });
  await expect(editor.headline).toHaveValue(headline);
  // The pauses the issue sets: 2 s, then 4 s (lower bounds only: a busy machine adds to them).
  expect(attempts[2]! - attempts[1]!).toBeGreaterThanOrEqual(2_000);
  expect(attempts[3]! - attempts[2]!).toBeGreaterThanOrEqual(4_000);
  await page.unroute(`**/updates/${editor.id}/edit`);
  await page.reload();
  await expect(editor.headline).toHaveValue(headline);
});
