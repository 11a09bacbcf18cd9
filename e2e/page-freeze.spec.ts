import { createToken } from "./support/api-token";
import { expect, test } from "./support/fixtures";
import { FREEZE_PAYLOADS, unrelatedWords } from "./support/freeze-payloads";
import { runScriptInBackground } from "./support/processes";

/**
 * Issue 12's budget: no request holds the one event loop for long. Each page must answer
 * well inside 2 s (the payloads took 8-56 s) while a session check sent meanwhile answers
 * inside 500 ms (it waited 28.7 s); the margins absorb a busy CI machine.
 */
const PAGE_BUDGET_MS = 2_000;
const SESSION_BUDGET_MS = 500;
const DB = { CYCLEBOARD_DB: "data/e2e.db" };

async function timed(url: string): Promise<{ status: number; body: string; ms: number }> {
  const start = performance.now();
  const response = await fetch(url, { cache: "no-store" });
  const body = await response.text();
  return { status: response.status, body, ms: performance.now() - start };
}

/** A fresh server compiles its code on first use: the budgets are about rendering, so warm up first. */
async function warmUp(baseURL: string) {
  for (const path of ["/api/session", "/", "/updates/1", "/cycles/10.0/report"]) await fetch(`${baseURL}${path}`);
}

/** Fetches `url` and, while it renders, the session: both within budget. */
async function expectResponsive(baseURL: string, path: string): Promise<string> {
  const page = timed(`${baseURL}${path}`);
  await new Promise((resolve) => setTimeout(resolve, 30));
  const session = await timed(`${baseURL}/api/session`);
  const answer = await page;
  expect(answer.status, path).toBe(200);
  expect(answer.ms, `${path} answered in`).toBeLessThan(PAGE_BUDGET_MS);
  expect(session.ms, `/api/session while ${path} rendered answered in`).toBeLessThan(SESSION_BUDGET_MS);
  return answer.body;
}

test("Markdown that once froze the server is refused by the API, and stored anyway it renders fast as text everywhere", async ({
  baseURL,
  admin,
  ownTeam,
  ownCycle,
}) => {
  test.setTimeout(120_000);
  const token = await createToken(admin.page, `freeze ${ownTeam.slug}`, ["update.write"], [ownTeam.slug]);
  await warmUp(baseURL!);
  const post = (body: Record<string, unknown>) =>
    fetch(`${baseURL}/api/v1/updates`, {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
      body: JSON.stringify({ team: ownTeam.slug, cycle: ownCycle.slug, health: "on_track", publish: true, ...body }),
    });

  const ids: number[] = [];
  for (const [name, payload] of Object.entries(FREEZE_PAYLOADS)) {
    const refused = await post({ headline: `Freeze ${name}`, summary: payload });
    expect(refused.status, name).toBe(400);
    const { error } = (await refused.json()) as { error: { fields: Record<string, string[]> } };
    expect(Object.keys(error.fields), name).toEqual(["summary"]);

    const created = await post({ headline: `Freeze ${name}`, summary: "Written before the bounds." });
    expect(created.status, name).toBe(201);
    const id = ((await created.json()) as { data: { id: number } }).data.id;
    // Not execFileSync: a blocked test process misses the server closing an idle keep-alive socket, then reuses it.
    await runScriptInBackground("e2e/support/store-markdown.ts", [String(id), name], DB);
    ids.push(id);
  }

  for (const [i, payload] of Object.values(FREEZE_PAYLOADS).entries()) {
    const html = await expectResponsive(baseURL!, `/updates/${ids[i]}`);
    expect(html).toContain("whitespace-pre-wrap break-words");
    expect(html).toContain(payload.slice(0, 20).replace(/>/g, "&gt;"));
  }
  const cycle = `/cycles/${ownCycle.slug}`;
  for (const path of [
    `${cycle}/report`,
    `${cycle}/report.md`,
    cycle,
    `/teams/${ownTeam.slug}`,
    "/feed.xml",
    `/teams/${ownTeam.slug}/feed.xml`,
    `${cycle}/feed.xml`,
  ]) {
    await expectResponsive(baseURL!, path);
  }
});

test("a revision that rewrote 20,000 characters shows both versions fast instead of a word diff", async ({
  baseURL,
  admin,
  ownTeam,
  ownCycle,
}) => {
  const token = await createToken(admin.page, `rewrite ${ownTeam.slug}`, ["update.write"], [ownTeam.slug]);
  await warmUp(baseURL!);
  const send = (method: string, path: string, body: Record<string, unknown>) =>
    fetch(`${baseURL}/api/v1${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
      body: JSON.stringify(body),
    });

  const created = await send("POST", "/updates", {
    team: ownTeam.slug,
    cycle: ownCycle.slug,
    headline: "Rewritten",
    health: "on_track",
    summary: unrelatedWords(1, 20_000),
    publish: true,
  });
  expect(created.status).toBe(201);
  const { id, version: first } = ((await created.json()) as { data: { id: number; version: number } }).data;
  let version = first;
  for (const seed of [2, 3]) {
    const edited = await send("PATCH", `/updates/${id}`, { version, summary: unrelatedWords(seed, 20_000) });
    expect(edited.status).toBe(200);
    version = ((await edited.json()) as { data: { version: number } }).data.version;
  }

  const html = await expectResponsive(baseURL!, `/updates/${id}`);
  expect(html).toContain("Too large to compare");
  expect(html).toContain(unrelatedWords(1, 40));
});
