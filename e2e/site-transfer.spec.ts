import { expect, test } from "@playwright/test";
import Database from "better-sqlite3";
import type { ChildProcess } from "node:child_process";
import fs from "node:fs";
import { ACCOUNTS, DEMO_PASSWORD } from "./support/accounts";
import { submit } from "./support/forms";
import { runScript, startServer, workerFile, workerPort } from "./support/processes";
import { signIn } from "./support/sign-in";

const basePort = workerPort(Number(process.env.E2E_PORT ?? 3100));
const importedPort = basePort + 5;
const sourcePort = basePort + 6;
const emptySitePort = basePort + 7;
const files = {
  source: workerFile("data/e2e-transfer-source.db"),
  imported: workerFile("data/e2e-transfer-imported.db"),
  document: workerFile("data/e2e-transfer-site.json"),
  empty: workerFile("data/e2e-transfer-empty.db"),
  uploaded: workerFile("data/e2e-transfer-upload.json"),
};

function removeDatabase(file: string): void {
  for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(file + suffix, { force: true });
}

/** Same-site links of a page, to walk every public page from the home page. */
function linksOf(html: string): string[] {
  return [...html.matchAll(/href="(\/[^"#]*)"/g)].map((m) => m[1]!.replaceAll("&amp;", "&"));
}

/**
 * What two servers may legitimately say differently about the same data: the React payload
 * in the scripts (its render timings and keys differ per process; the HTML it duplicates is
 * compared) and a calendar's time of writing.
 */
function normalised(body: string, contentType: string): string {
  // "2 minutes ago" counts from each server's page clock (at most a minute old): the two may differ by one.
  if (contentType.startsWith("text/html"))
    return body
      .replace(/<script\b[^>]*>[\s\S]*?<\/script>/g, "<script/>")
      .replace(/\b(just now|\d+ (second|minute|hour)s? ago)/g, "a moment ago");
  if (contentType.startsWith("text/calendar")) return body.replace(/^DTSTAMP:.*$/gm, "DTSTAMP:");
  return body;
}

/** Where two texts part, with a little of each around it. */
function firstDifference(a: string, b: string): string {
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  return `at ${i}: …${a.slice(Math.max(0, i - 80), i + 80)}… vs …${b.slice(Math.max(0, i - 80), i + 80)}…`;
}

const NOT_PUBLIC = [
  /^\/_next\//,
  /^\/api\//,
  /^\/signin/,
  /^\/account/,
  /^\/review/,
  /^\/admin/,
  /^\/updates\/new/,
  /\/edit$/,
  /^\/teams\/[^/]+\/(links|roadmap)$/,
];

test.describe("moving a site", () => {
  // Other journeys write to the main e2e database meanwhile, so the source is a backup of it
  // (one consistent moment) served by a server of its own: both sides then hold still.
  const servers: ChildProcess[] = [];
  test.afterAll(() => {
    for (const server of servers) server.kill();
  });

  test("a site exported with npm run export and imported into an empty database renders every public page the same", async () => {
    test.setTimeout(240_000);
    for (const file of [files.source, files.imported]) removeDatabase(file);
    fs.rmSync(files.document, { force: true });
    runScript("scripts/db-backup.ts", [files.source], { CYCLEBOARD_DB: "data/e2e.db" });
    runScript("scripts/site-export.ts", [files.document], { CYCLEBOARD_DB: files.source });
    runScript("scripts/site-import.ts", [files.document], { CYCLEBOARD_DB: files.imported });

    // One public address for both, so feeds and calendars name the same links.
    const common = { CYCLEBOARD_URL: "http://cycleboard.example", CYCLEBOARD_REMINDERS: "off" };
    servers.push(await startServer(sourcePort, { ...common, CYCLEBOARD_DB: files.source, PORT: String(sourcePort) }));
    servers.push(await startServer(importedPort, { ...common, CYCLEBOARD_DB: files.imported, PORT: String(importedPort) }));
    const source = `http://localhost:${sourcePort}`;
    const imported = `http://localhost:${importedPort}`;

    const start = [
      "/",
      "/cycles",
      "/teams",
      "/help-wanted",
      "/feed.xml",
      "/search?q=arm",
      "/search?q=kubernetes&team=containers",
      "/search?q=review+process",
      "/cycles/compare?a=9.0&b=10.0",
    ];
    const seen = new Set<string>(start);
    const queue = [...start];
    const compared: string[] = [];
    const differences: string[] = [];
    while (queue.length > 0) {
      const path = queue.shift()!;
      const [a, b] = await Promise.all([fetch(source + path, { redirect: "manual" }), fetch(imported + path, { redirect: "manual" })]);
      const type = a.headers.get("content-type") ?? "";
      const [bodyA, bodyB] = (await Promise.all([a.text(), b.text()])).map((body) => normalised(body, type)) as [string, string];
      if (a.status !== b.status) differences.push(`${path}: status ${a.status} vs ${b.status}`);
      else if (bodyA !== bodyB) differences.push(`${path}: ${firstDifference(bodyA, bodyB)}`);
      compared.push(path);
      if (!type.startsWith("text/html")) continue;
      for (const link of linksOf(bodyA)) {
        if (seen.has(link) || NOT_PUBLIC.some((pattern) => pattern.test(link))) continue;
        seen.add(link);
        queue.push(link);
      }
    }
    expect(differences).toEqual([]);
    // Every kind of public page was among them.
    for (const expected of [
      /^\/cycles\/10\.0$/,
      /^\/cycles\/9\.0$/,
      /^\/teams\/docs$/,
      /^\/updates\/\d+$/,
      /\/report$/,
      /\/report\.md/,
      /\/schedule\.ics$/,
      /\/feed\.xml$/,
      /\/export\.json$/,
      /\/export\.csv\?part=roadmap$/,
      /^\/help-wanted/,
    ]) {
      expect(
        compared.some((path) => expected.test(path)),
        `a page like ${expected}`,
      ).toBe(true);
    }
    expect(compared.length).toBeGreaterThan(40);

    // The search index came with the rows (filled by the database's triggers).
    expect(await (await fetch(`${imported}/search?q=arm`)).text()).toContain("<mark");

    // Private mode guards the exports too, not only pages.
    const settings = new Database(files.imported);
    settings.prepare("update community_settings set private_mode = 1").run();
    settings.close();
    for (const path of ["/cycles/10.0/export.json", "/cycles/10.0/export.csv?part=updates", "/admin/export"]) {
      const response = await fetch(imported + path, { redirect: "manual" });
      expect(response.status, path).toBe(307);
      expect(response.headers.get("location"), path).toContain("/signin");
    }
  });

  test("an admin downloads the whole site, and the upload refuses a site that already has one", async ({ page }) => {
    await signIn(page, ACCOUNTS.admin);
    await page.goto("/admin/transfer");
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("link", { name: "Download the site (JSON)" }).click(),
    ]);
    const file = await download.path();
    const document = JSON.parse(fs.readFileSync(file, "utf8"));
    expect(document).toMatchObject({ format: "cycleboard-site", version: 1 });
    expect(document.tables.teams.map((t: { slug: string }) => t.slug)).toContain("docs");
    expect(Object.keys(document.tables)).not.toContain("accounts");

    await page.getByLabel(/Site document/).setInputFiles(file);
    await submit(page, page.getByRole("button", { name: "Import site" }));
    // Said once, beside the file field; the form's alert points to it.
    await expect(page.getByRole("main").getByText(/already holds data/)).toBeVisible();
    await expect(page.getByRole("main").getByRole("alert")).toHaveText("Check the field marked above.");
  });

  test("the admin of a new, empty site uploads a site document and the community is there", async ({ browser }) => {
    removeDatabase(files.empty);
    runScript("scripts/site-export.ts", [files.uploaded], { CYCLEBOARD_DB: "data/e2e.db" });
    const env = {
      CYCLEBOARD_DB: files.empty,
      CYCLEBOARD_DEMO: "0",
      CYCLEBOARD_ADMIN_PASSWORD: DEMO_PASSWORD,
      CYCLEBOARD_REMINDERS: "off",
      PORT: String(emptySitePort),
    };
    runScript("scripts/prepare-db.ts", [], env);
    servers.push(await startServer(emptySitePort, env));
    const page = await (await browser.newContext({ baseURL: `http://localhost:${emptySitePort}` })).newPage();
    await signIn(page, ACCOUNTS.admin);
    await page.goto("/admin/transfer");
    await page.getByLabel(/Site document/).setInputFiles(files.uploaded);
    await submit(page, page.getByRole("button", { name: "Import site" }));
    // The signed-in admin keeps their account (same email); everyone else gets a new password.
    const status = page.getByRole("main").getByRole("status");
    await expect(status).toContainText(/Imported \d+ rows/);
    await expect(status).toContainText("dana.lead@example.org: ");
    await expect(status).not.toContainText("admin@example.org: ");

    await page.goto("/cycles/10.0");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(/10\.0/);
    await page.goto("/admin/audit");
    await expect(page.getByRole("main")).toContainText("site.import");
  });
});
