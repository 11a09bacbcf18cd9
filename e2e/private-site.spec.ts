import { expect, test, type Browser } from "@playwright/test";
import fs from "node:fs";
import { ACCOUNTS, DEMO_PASSWORD } from "./support/accounts";
import { submit } from "./support/forms";
import { runScript, startServer, workerFile, workerPort } from "./support/processes";
import { signIn } from "./support/sign-in";
import { callServerReference, cacheFunctionId } from "./support/server-references";

/** Private mode changes the whole site, so each journey here gets a server and database of its own (ports beside the suite's). */
const SUITE_PORT = workerPort(Number(process.env.E2E_PORT ?? 3100));

/** A fresh demo site on its own port whose admin has just made it private through the settings page. */
async function privateSite(browser: Browser, port: number, name: string) {
  const db = workerFile(`data/e2e-${name}.db`);
  for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(db + suffix, { force: true });
  const env = { CYCLEBOARD_DB: db, CYCLEBOARD_DEMO_PASSWORD: DEMO_PASSWORD, CYCLEBOARD_ADMIN_PASSWORD: DEMO_PASSWORD, PORT: String(port) };
  runScript("scripts/prepare-db.ts", [], env);
  const server = await startServer(port, env);
  const base = `http://localhost:${port}`;
  try {
    const context = await browser.newContext({ baseURL: base });
    const admin = await context.newPage();
    await signIn(admin, ACCOUNTS.admin);
    await admin.goto("/admin/settings");
    await admin.getByLabel("Private: only signed-in people can read").check();
    await submit(admin, admin.getByRole("button", { name: "Save settings" }));
    await expect(admin.getByRole("main").getByRole("status")).toHaveText("Settings saved.");
    await context.close();
  } catch (error) {
    server.kill();
    throw error;
  }
  return { server, base };
}

test("an admin makes the site private: visitors must sign in, members read as before", async ({ browser }) => {
  // A server of its own, started and signed into twice: more than the default budget on a busy machine.
  test.slow();
  const { server, base } = await privateSite(browser, SUITE_PORT + 98, "private");
  try {
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

test("a private site answers every public path, feed, export and API list with sign-in, and no entry point reads it", async ({
  browser,
  playwright,
}) => {
  test.slow();
  const { server, base } = await privateSite(browser, SUITE_PORT + 99, "private-sweep");
  const anonymous = await playwright.request.newContext({ baseURL: base });
  try {
    const pages = [
      "/",
      "/about",
      "/cycles",
      "/cycles/10.0",
      "/cycles/10.0/report",
      "/cycles/compare?a=9.0&b=10.0",
      "/teams",
      "/teams/docs",
      "/teams/docs/cycles",
      "/updates/1",
      "/help-wanted",
      "/search?q=docs",
      "/docs/api",
    ];
    const documents = [
      "/feed.xml",
      "/teams/docs/feed.xml",
      "/cycles/10.0/feed.xml",
      "/cycles/10.0/report.md",
      "/cycles/10.0/schedule.ics",
      "/cycles/10.0/export.json",
      "/cycles/10.0/export.csv?part=updates",
    ];
    const api = [
      "/api/v1/openapi.json",
      "/api/v1/teams",
      "/api/v1/cycles",
      "/api/v1/cycles/10.0/updates",
      "/api/v1/updates/1",
      "/api/v1/roadmap-items",
      "/api/v1/metrics",
      "/api/v1/metric-values",
      "/api/v1/help-requests",
      "/api/v1/topics",
      "/api/v1/gatherings",
    ];
    const toSignIn = async (path: string, headers: Record<string, string> = {}) => {
      const response = await anonymous.get(path, { headers, maxRedirects: 0 });
      expect(response.status(), `${path} ${JSON.stringify(headers)}`).toBe(307);
      expect(response.headers().location, path).toMatch(/\/signin\?next=/);
    };
    for (const path of pages) {
      await toSignIn(path);
      await toSignIn(`${path}${path.includes("?") ? "&" : "?"}_rsc=sweep`, { RSC: "1" });
      await toSignIn(`${path}${path.includes("?") ? "&" : "?"}_rsc=sweep`, {
        RSC: "1",
        "Next-Router-Prefetch": "1",
        "Next-Router-Segment-Prefetch": "/_tree",
      });
    }
    for (const path of documents) await toSignIn(path);
    for (const path of api) {
      for (const headers of [{}, { Authorization: "Bearer junk" }, { Authorization: "Basic junk" }] as Record<string, string>[]) {
        const response = await anonymous.get(path, { headers, maxRedirects: 0 });
        expect(response.status(), `${path} ${JSON.stringify(headers)}`).toBe(401);
        expect((await response.json()).error.code).toBe("unauthorized");
      }
    }

    // /signin stays open, and Next would run a 'use cache' function posted to it as an action.
    const siteInfo = await anonymous.post(
      "/signin",
      callServerReference(cacheFunctionId("lib/dal/site/reads.ts", "app/(auth)/signin/page"), ["junk"]),
    );
    expect(siteInfo.status()).toBe(404);
    const body = await siteInfo.text();
    for (const text of ["edge cloud platform", "starlingx.io", "10.0", "On track"]) expect(body).not.toContain(text);
  } finally {
    await anonymous.dispose();
    server.kill();
  }
});
