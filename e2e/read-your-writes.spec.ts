import { expect, test, type Page } from "@playwright/test";
import type { ChildProcess } from "node:child_process";
import fs from "node:fs";
import { ACCOUNTS, DEMO_PASSWORD } from "./support/accounts";
import { submit } from "./support/forms";
import { getFresh, runScript, startServer, workerFile, workerPort } from "./support/processes";
import { signIn } from "./support/sign-in";

// Read-your-writes in the real server: every public page is fetched first (so its data sits
// in the cache), then one write, then the very next request of each page must show it.
// These writes rename teams and move milestones that other journeys read, so this file gets
// a server and database of its own. lib/dal/testing/read-your-writes.test.ts proves the same for
// every write in the data layer; e2e/live-data.spec.ts covers a script's edit on the board.
const port = workerPort(Number(process.env.E2E_PORT ?? 3100) + 7);
const base = `http://localhost:${port}`;
const db = workerFile("data/e2e-read-your-writes.db");
const env = {
  CYCLEBOARD_DB: db,
  CYCLEBOARD_DEMO_PASSWORD: DEMO_PASSWORD,
  CYCLEBOARD_ADMIN_PASSWORD: DEMO_PASSWORD,
  PORT: String(port),
  CYCLEBOARD_REMINDERS: "off",
};

test.describe.configure({ mode: "serial" });
test.use({ baseURL: base });

let server: ChildProcess | undefined;
test.beforeAll(async () => {
  for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(db + suffix, { force: true });
  runScript("scripts/prepare-db.ts", [], env);
  server = await startServer(port, env);
});
test.afterAll(() => {
  server?.kill();
});

/** What an anonymous reader gets for each page, as plain text. */
async function read(paths: string[]): Promise<Map<string, string>> {
  const pages = new Map<string, string>();
  for (const path of paths) {
    const response = await getFresh(base + path);
    expect(response.status, path).toBe(200);
    pages.set(path, await response.text());
  }
  return pages;
}

async function expectEveryPageShows(paths: string[], text: string): Promise<void> {
  for (const [path, body] of await read(paths)) expect(body.includes(text), `${path} shows "${text}" on the next request`).toBe(true);
}

/** Reads each page (so the server caches its data) and checks it does not show `text` yet. */
async function readBefore(paths: string[], text: string): Promise<void> {
  for (const [path, body] of await read(paths)) expect(body.includes(text), `${path} shows "${text}" before the change`).toBe(false);
}

async function signedIn(page: Page, email: string): Promise<Page> {
  await signIn(page, email);
  return page;
}

test("a lead posts an update, then edits it: every page that shows it has it on the next request", async ({ page }) => {
  // Sixteen page reads around two writes: 20-27 s of its 30 on two busy cores.
  test.slow();
  const pages = [
    "/",
    "/cycles/10.0",
    "/teams/docs",
    "/feed.xml",
    "/teams/docs/feed.xml",
    "/cycles/10.0/feed.xml",
    "/cycles/10.0/report",
    "/cycles/10.0/report.md",
  ];
  await readBefore(pages, "Docs posted at");

  await signedIn(page, ACCOUNTS.docsLead);
  await page.goto("/teams/docs");
  await page.getByRole("link", { name: "Post update" }).click();
  await page.getByRole("button", { name: "Start blank" }).click();
  await expect(page).toHaveURL(/\/updates\/\d+\/edit$/);
  const posted = `Docs posted at ${Date.now()}`;
  await page.getByLabel("Headline").fill(posted);
  await expect(page.getByText(/Saved at/)).toBeVisible();
  await page.getByRole("button", { name: "Publish" }).click();
  await expect(page).toHaveURL(/\/updates\/\d+$/);
  const updatePath = new URL(page.url()).pathname;

  await expectEveryPageShows(pages, posted);
  await read([updatePath]);

  await page.getByRole("link", { name: "Edit", exact: true }).click();
  await expect(page).toHaveURL(/\/edit$/);
  const edited = `Docs edited at ${Date.now()}`;
  await page.getByLabel("Headline").fill(edited);
  await submit(page, page.getByRole("button", { name: "Save changes" }));
  await expect(page.getByText(/Saved at/)).toBeVisible();

  await expectEveryPageShows([updatePath, ...pages], edited);
});

test("a release manager moves a milestone: the boards and the calendar have the new date on the next request", async ({ page }) => {
  const pages = ["/", "/cycles/10.0"];
  await readBefore(pages, "29 Jul 2024");
  await readBefore(["/cycles/10.0/schedule.ics"], "20240729");

  await signedIn(page, ACCOUNTS.releaseManager);
  await page.goto("/admin/cycles");
  const cycle = page.locator("section", { has: page.getByRole("heading", { name: /^10\.0/ }) });
  await cycle.getByText(/^Milestones \(/).click();
  await cycle.getByText("Rename or move Feature freeze").click();
  const form = cycle.locator("form", { has: page.getByRole("button", { name: "Save Feature freeze" }) });
  await form.getByLabel("Due on").fill("2024-07-29");
  await submit(page, form.getByRole("button", { name: "Save Feature freeze" }));
  await expect(form.getByRole("status")).toHaveText("Milestone saved.");

  await expectEveryPageShows(pages, "29 Jul 2024");
  await expectEveryPageShows(["/cycles/10.0/schedule.ics"], "20240729");
});

test("an admin renames a team: every page that names it has the new name on the next request", async ({ page }) => {
  const pages = [
    "/",
    "/cycles/10.0",
    "/cycles/9.0",
    "/teams",
    "/teams/containers",
    "/teams/containers/feed.xml",
    "/help-wanted",
    "/cycles/10.0/report",
    "/cycles/compare?a=9.0&b=10.0",
  ];
  await readBefore(pages, "Containers and Images");

  await signedIn(page, ACCOUNTS.admin);
  await page.goto("/admin/teams");
  const card = page.getByRole("listitem").filter({ hasText: "/containers" });
  await card.getByText("Edit", { exact: true }).click();
  await card.getByLabel("Name").fill("Containers and Images");
  await submit(page, card.getByRole("button", { name: "Save Containers" }));
  await expect(card.getByRole("status")).toHaveText("Saved.");

  await expectEveryPageShows(pages, "Containers and Images");
});

test("a command-line tool edits an update and adds a milestone: the pages show it on the next request", async () => {
  const pages = ["/teams/release", "/teams/release/feed.xml", "/feed.xml", "/cycles/10.0/report"];
  await readBefore([...pages, "/cycles/10.0", "/cycles/10.0/schedule.ics"], "by a script");
  await readBefore(["/cycles/10.0", "/cycles/10.0/schedule.ics"], "Docs sprint");

  const headline = `Release changed by a script at ${Date.now()}`;
  runScript("e2e/support/edit-update.ts", ["release", "10.0", headline], { CYCLEBOARD_DB: db });
  await expectEveryPageShows(pages, headline);

  runScript("e2e/support/add-milestone.ts", ["10.0", "Docs sprint", "3"], { CYCLEBOARD_DB: db });
  await expectEveryPageShows(["/cycles/10.0", "/cycles/10.0/schedule.ics"], "Docs sprint");
});
