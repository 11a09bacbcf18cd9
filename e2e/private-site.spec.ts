import { expect, test } from "@playwright/test";
import fs from "node:fs";
import { ACCOUNTS, DEMO_PASSWORD } from "./support/accounts";
import { submit } from "./support/forms";
import { runScript, startServer } from "./support/processes";

// Private mode changes the whole site, so this journey gets a server and database of its own.
test("an admin makes the site private: visitors must sign in, members read as before", async ({ browser }) => {
  const db = "data/e2e-private.db";
  for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(db + suffix, { force: true });
  const env = { CYCLEBOARD_DB: db, CYCLEBOARD_DEMO_PASSWORD: DEMO_PASSWORD, CYCLEBOARD_ADMIN_PASSWORD: DEMO_PASSWORD, PORT: "3198" };
  runScript("scripts/prepare-db.ts", [], env);
  const server = await startServer(3198, env);
  const base = "http://localhost:3198";
  try {
    const admin = await (await browser.newContext({ baseURL: base })).newPage();
    await admin.goto("/signin");
    await admin.getByLabel("Email").fill(ACCOUNTS.admin);
    await admin.getByLabel("Password").fill(DEMO_PASSWORD);
    await admin.getByRole("button", { name: "Sign in" }).click();
    await expect(admin.getByRole("button", { name: "Sign out" })).toBeVisible();
    await admin.goto("/admin/settings");
    await admin.getByLabel("Private: only signed-in people can read").check();
    await submit(admin, admin.getByRole("button", { name: "Save settings" }));
    await expect(admin.getByRole("main").getByRole("status")).toHaveText("Settings saved.");

    const visitor = await (await browser.newContext({ baseURL: base })).newPage();
    await visitor.goto("/cycles/10.0");
    await expect(visitor).toHaveURL(/\/signin\?next=%2Fcycles%2F10\.0$/);
    expect((await fetch(`${base}/teams/docs`, { redirect: "manual" })).status).toBe(307);
    expect(await (await fetch(`${base}/api/session`)).json()).toEqual({ signedIn: false });

    await visitor.getByLabel("Email").fill(ACCOUNTS.docsLead);
    await visitor.getByLabel("Password").fill(DEMO_PASSWORD);
    await visitor.getByRole("button", { name: "Sign in" }).click();
    await expect(visitor).toHaveURL(/\/cycles\/10\.0$/);
    await expect(visitor.getByRole("heading", { level: 1 })).toHaveText(/10\.0/);
  } finally {
    server.kill();
  }
});
