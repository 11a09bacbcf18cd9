import { EditorPage } from "./support/editor-page";
import { expect, test } from "./support/fixtures";
import fs from "node:fs";
import { getFresh, runScript, startServer, workerFile, workerPort } from "./support/processes";

test("a change made through the data layer shows on the very next request of the cycle dashboard", async ({
  ownTeam,
  ownCycle,
  ownLead,
  pageOf,
  page,
  request,
}) => {
  const lead = await pageOf(ownLead);
  const update = await EditorPage.startBlank(lead, ownTeam.slug, ownCycle.slug);
  await update.headline.fill("Before the script ran");
  await expect(update.saved).toBeVisible();
  await update.publish();
  // The page is rendered and kept before the change.
  await page.goto(`/cycles/${ownCycle.slug}`);
  const card = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: ownTeam.name, exact: true }) });
  await expect(card.getByRole("link", { name: "Before the script ran" })).toBeVisible();

  const headline = "Changed by a script";
  runScript("e2e/support/edit-update.ts", [ownTeam.slug, ownCycle.slug, headline], { CYCLEBOARD_DB: "data/e2e.db" });

  const next = await request.get(`/cycles/${ownCycle.slug}`);
  expect(await next.text()).toContain(headline);
  await page.reload();
  await expect(card.getByRole("link", { name: headline })).toBeVisible();
  await expect(card.getByText("At risk")).toBeVisible();
});

test("a database filled after the build shows on the next request", async () => {
  const db = workerFile("data/e2e-late.db");
  for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(db + suffix, { force: true });
  runScript("scripts/prepare-db.ts", [], { CYCLEBOARD_DB: db, CYCLEBOARD_DEMO: "0" });
  const port = workerPort(3197);
  const server = await startServer(port, { CYCLEBOARD_DB: db });
  try {
    const empty = await (await getFresh(`http://localhost:${port}/`)).text();
    expect(empty).toContain("Welcome to Cycleboard");
    expect(empty).not.toContain("Distributed Cloud");

    runScript("scripts/seed.ts", [], { CYCLEBOARD_DB: db });

    const filled = await (await getFresh(`http://localhost:${port}/`)).text();
    expect(filled).toContain("10.0");
    expect(filled).toContain("Distributed Cloud");
    expect((await getFresh(`http://localhost:${port}/teams/docs`)).status).toBe(200);
  } finally {
    server.kill();
  }
});
