import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { EditorPage } from "./support/editor-page";
import { expect, test, type OwnCycle } from "./support/fixtures";

/** The figure the cycle's dashboard shows for a metric, in its numbers table. */
async function cycleFigure(page: Page, cycle: OwnCycle, label: string) {
  await page.goto(`/cycles/${cycle.slug}`);
  return page
    .getByRole("region", { name: `Numbers of ${cycle.name}` })
    .getByRole("row")
    .filter({ has: page.getByRole("rowheader", { name: label, exact: true }) })
    .getByRole("cell")
    .last();
}

/** Records a value through the API, as a CI job would (here with the lead's own session). */
async function recordThroughApi(page: Page, body: Record<string, unknown>) {
  const response = await page.request.post("/api/v1/metric-values", { data: body });
  expect(response.status(), await response.text()).toBe(201);
}

test("a lead corrects a figure and deletes a value posted twice, and the cycle's figure follows each time", async ({
  admin,
  ownTeam,
  ownCycle,
  ownLead,
  pageOf,
  unique,
}) => {
  test.slow();
  const label = `Manual test cases ${unique}`;
  const key = `cases_${unique}`;
  await admin.defineMetric(ownTeam.slug, label, key);
  const page = await pageOf(ownLead);

  // The lead records the figure with an update, and a CI job posts the same run again.
  const first = await EditorPage.startBlank(page, ownTeam.slug, ownCycle.slug);
  await first.headline.fill("Feature testing finished");
  await page.getByLabel(label).fill("1660");
  await expect(first.saved).toBeVisible();
  await first.publish();
  await expect(await cycleFigure(page, ownCycle, label)).toHaveText("1,660");
  await recordThroughApi(page, { team: ownTeam.slug, cycle: ownCycle.slug, metric: key, value: 1660, note: "posted twice" });
  await expect(await cycleFigure(page, ownCycle, label)).toHaveText("3,320");

  // In the next update's editor, the numbers section lists what the figure is made of.
  const next = await EditorPage.startBlank(page, ownTeam.slug, ownCycle.slug);
  const values = page.getByRole("list", { name: /figure: 3,320/ });
  await expect(values.getByRole("listitem")).toHaveCount(2);
  await expect(values.getByRole("listitem").filter({ hasText: "from the update “Feature testing finished”" })).toContainText("1,660");
  await expect(values.getByRole("listitem").filter({ hasText: "posted twice" })).toContainText(`by ${ownLead.name}`);

  // The update's figure was wrong: corrected in place, it replaces 1,660 instead of adding to it.
  await page.getByRole("button", { name: /^Correct 1,660 from the update/ }).click();
  const correction = page.getByRole("group", { name: /^Correct 1,660 from the update/ });
  await correction.getByLabel("Value").fill("1,406");
  await correction.getByLabel("Note").fill("reruns counted once");
  const axe = await new AxeBuilder({ page }).include("form").analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
  await correction.getByRole("button", { name: "Save correction" }).click();
  await expect(page.getByRole("list", { name: /figure: 3,066/ })).toContainText("reruns counted once");
  await expect(await cycleFigure(page, ownCycle, label)).toHaveText("3,066");

  // The value posted twice is deleted: the figure is the corrected one alone.
  await EditorPage.open(page, next.id);
  await page.getByRole("button", { name: /^Delete 1,660 by / }).click();
  await page
    .getByRole("group", { name: /^Delete 1,660 by / })
    .getByRole("button", { name: "Delete value" })
    .click();
  await expect(page.getByRole("list", { name: /figure: 1,406/ }).getByRole("listitem")).toHaveCount(1);
  await expect(await cycleFigure(page, ownCycle, label)).toHaveText("1,406");
});

test("a version metric shows 1.27, 1.29 and 1.32 exactly as entered, the newest as the cycle's figure", async ({
  admin,
  ownTeam,
  ownCycle,
  ownLead,
  pageOf,
  unique,
}) => {
  test.slow();
  const label = "Kubernetes version";
  const key = `k8s_${unique}`;
  await admin.defineMetric(ownTeam.slug, label, key, { kind: "Version", aggregation: "latest" });
  const page = await pageOf(ownLead);
  await recordThroughApi(page, {
    team: ownTeam.slug,
    cycle: ownCycle.slug,
    metric: key,
    value: "1.27",
    observedAt: "2001-02-01T00:00:00Z",
  });
  await recordThroughApi(page, {
    team: ownTeam.slug,
    cycle: ownCycle.slug,
    metric: key,
    value: "1.29",
    observedAt: "2001-03-01T00:00:00Z",
  });

  const editor = await EditorPage.startBlank(page, ownTeam.slug, ownCycle.slug);
  await editor.headline.fill("Moved to Kubernetes 1.32");
  await page.getByLabel(label).fill("1.32");
  await expect(editor.saved).toBeVisible();
  await editor.publish();

  await expect(await cycleFigure(page, ownCycle, label)).toHaveText("1.32");
  await page.goto(`/teams/${ownTeam.slug}`);
  const chart = page.getByRole("figure", { name: label });
  await chart.getByText("Show as a table").click();
  await expect(chart.getByRole("row", { name: new RegExp(`^${ownCycle.name}`) }).getByRole("cell")).toHaveText(["1.32"]);

  await EditorPage.open(page, editor.id);
  const values = page.getByRole("list", { name: /figure: 1\.32/ }).getByRole("listitem");
  await expect(values).toHaveCount(3);
  // Each exactly as entered, oldest first: never "1.3".
  await expect(values.nth(0)).toHaveText(/^1\.27 by /);
  await expect(values.nth(1)).toHaveText(/^1\.29 by /);
  await expect(values.nth(2)).toHaveText(/^1\.32 from the update/);
});
