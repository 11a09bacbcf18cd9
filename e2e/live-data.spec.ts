import { expect, test } from "@playwright/test";
import fs from "node:fs";
import { getFresh, runScript, startServer } from "./support/processes";

test("a change made through the data layer shows on the very next request of the cycle dashboard", async ({ page, request }) => {
  // The page is rendered and kept before the change; other specs may have posted for Docs meanwhile.
  await page.goto("/cycles/10.0");
  await expect(page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: "Docs" }) })).toBeVisible();

  const headline = `Docs changed by a script at ${Date.now()}`;
  runScript("e2e/support/edit-update.ts", ["docs", "10.0", headline], { CYCLEBOARD_DB: "data/e2e.db" });

  const next = await request.get("/cycles/10.0");
  expect(await next.text()).toContain(headline);
  await page.reload();
  const docsCard = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: "Docs" }) });
  await expect(docsCard.getByRole("link", { name: headline })).toBeVisible();
  await expect(docsCard.getByText("At risk")).toBeVisible();
});

test("a database filled after the build shows on the next request", async () => {
  const db = "data/e2e-late.db";
  for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(db + suffix, { force: true });
  runScript("scripts/prepare-db.ts", [], { CYCLEBOARD_DB: db, CYCLEBOARD_DEMO: "0" });
  const port = 3197;
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
