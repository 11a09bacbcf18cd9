import type { Page } from "@playwright/test";
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { expect, test } from "./support/fixtures";
import { submit } from "./support/forms";

/** The README's CI example, exactly as a reader would copy it. */
function readmeCiExample(): string {
  const readme = fs.readFileSync(path.resolve(import.meta.dirname, "../README.md"), "utf8");
  const block = /<!-- ci-example[^>]*-->\s*```sh\n([\s\S]*?)```/.exec(readme);
  if (!block) throw new Error("README.md has no ci-example block");
  return block[1]!;
}

/** Runs the README's CI job with a token, as a CI runner would. */
function runCiJob(baseURL: string, token: string, executed: number, cycle = "10.0") {
  const job = spawnSync("sh", ["-c", readmeCiExample()], {
    env: { ...process.env, CYCLEBOARD_URL: baseURL, CYCLEBOARD_TOKEN: token, CYCLE: cycle, EXECUTED: String(executed), PASS_RATE: "96.5" },
    encoding: "utf8",
    timeout: 30_000,
  });
  return { status: job.status, output: `${job.stdout}${job.stderr}` };
}

/** Creates a token through the form and returns the secret shown once. */
async function createToken(page: Page, name: string, teams: string[]): Promise<string> {
  await page.goto("/account/tokens");
  await page.getByLabel("Name").fill(name);
  await page.getByLabel("May").selectOption(["metric.record"]);
  await page.getByLabel("For teams").selectOption(teams);
  await page.getByLabel("Expires").selectOption({ label: "In 30 days" });
  await submit(page, page.getByRole("button", { name: "Create token" }));
  const secret = await page.getByLabel(`Secret of ${name}`, { exact: true }).inputValue();
  expect(secret).toMatch(/^cb_[A-Za-z0-9_-]{40,}$/);
  return secret;
}

/** The Test team page's figure for a metric in a cycle, read from its chart's table (0 when nothing is reported yet). */
async function figureIn(page: Page, metric: string, cycle: string): Promise<number> {
  await page.goto("/teams/test");
  const chart = page.getByRole("figure", { name: metric });
  await chart.getByText("Show as a table").click();
  const row = chart.getByRole("row", { name: new RegExp(`^${cycle}`) });
  if ((await row.count()) === 0) return 0;
  const text = (await row.getByRole("cell").first().innerText()).trim();
  return text === "–" || text === "—" ? 0 : Number(text.replace(/[,%]/g, ""));
}

test("a Test lead's CI job posts weekly sanity results with the README's curl command, and the team page shows them", async ({
  pageAs,
  admin,
  ownCycle,
  baseURL,
}) => {
  // Two people, two shell runs of the CI job and five page loads: more than the default budget on a busy machine.
  test.slow();
  // The README's job reports for the Test team; into a cycle of the test's own, so the figures are exact.
  const page = await pageAs("testLead");
  const name = `weekly sanity CI ${Date.now()}`;
  const secret = await createToken(page, name, ["test"]);
  await expect(page.getByText("Copy the token now: it is shown only this once.")).toBeVisible();
  const listed = page.getByRole("listitem", { name: `Token ${name}` });
  await expect(listed).toContainText(secret.slice(0, 11));
  await expect(listed).toContainText("Record metric values");
  await expect(listed).not.toContainText(secret);

  expect(await figureIn(page, "Manual test cases executed", ownCycle.name)).toBe(0);
  const job = runCiJob(baseURL!, secret, 412, ownCycle.slug);
  expect(job.output).toContain('"data":{"id":');
  expect(job.status).toBe(0);

  expect(await figureIn(page, "Manual test cases executed", ownCycle.name)).toBe(412);
  await page.goto("/account/tokens");
  await expect(page.getByRole("listitem", { name: `Token ${name}` }).getByText("Last used")).toBeVisible();
  await expect(page.getByRole("listitem", { name: `Token ${name}` })).not.toContainText(/Last used\s*Never/);

  // Admins see everyone's tokens; revoking one stops it at once: the same job now fails with 401.
  await admin.page.goto("/admin/tokens");
  await expect(admin.page.getByRole("listitem", { name: `Token ${name}` })).toContainText("of Tomas Redfern");
  await submit(admin.page, admin.page.getByRole("button", { name: `Revoke ${name}` }));
  await page.goto("/account/tokens");
  await expect(page.getByRole("listitem", { name: `Token ${name}` }).getByText(/Revoked/)).toBeVisible();
  const refused = runCiJob(baseURL!, secret, 1000, ownCycle.slug);
  expect(refused.status).not.toBe(0);
  expect(refused.output).toContain('"code":"unauthorized"');
  expect(await figureIn(page, "Manual test cases executed", ownCycle.name)).toBe(412);
});

test("a token scoped to another team is refused with 403, and a missing token with 401", async ({ pageAs, baseURL, request }) => {
  const page = await pageAs("testLead");
  const secret = await createToken(page, `docs only ${Date.now()}`, ["docs"]);
  const job = runCiJob(baseURL!, secret, 5);
  expect(job.status).not.toBe(0);
  expect(job.output).toContain('"code":"forbidden"');

  const anonymous = await request.post("/api/v1/metric-values", {
    data: { team: "test", cycle: "10.0", metric: "manual_test_cases", value: 5 },
  });
  expect(anonymous.status()).toBe(401);
});

test("the API reads what the pages show, in pages of at most 100, and documents itself", async ({ request, page }) => {
  const teams = await (await request.get("/api/v1/teams?per_page=2")).json();
  expect(teams.pagination).toEqual({ page: 1, perPage: 2, total: expect.any(Number) });
  expect(teams.data).toHaveLength(2);
  const updates = await (await request.get("/api/v1/cycles/10.0/updates?team=docs")).json();
  expect(
    updates.data.every(
      (u: { state: string; team: { slug: string }; privateNote?: string }) =>
        u.state === "published" && u.team.slug === "docs" && u.privateNote === undefined,
    ),
  ).toBe(true);
  expect((await request.get("/api/v1/cycles/10.0")).status()).toBe(200);
  expect((await request.get("/api/v1/cycles/99.9/updates")).status()).toBe(404);
  const tooMany = await request.get("/api/v1/roadmap-items?per_page=101");
  expect(tooMany.status()).toBe(400);
  expect((await tooMany.json()).error.fields).toHaveProperty("per_page");
  const document = await (await request.get("/api/v1/openapi.json")).json();
  expect(document.openapi).toBe("3.1.0");

  await page.goto("/");
  await page.getByRole("contentinfo").getByRole("link", { name: "API" }).click();
  await expect(page.getByRole("heading", { name: "API reference", level: 1 })).toBeVisible();
  await expect(page.getByRole("heading", { name: /post\s*\/api\/v1\/metric-values/i })).toBeVisible();
});
