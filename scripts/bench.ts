/**
 * `npm run bench [-- --duration 10 --connections 20 --port 3151]`: builds if needed,
 * prepares the demo database and the large one (`npm run bench:data`), serves each with
 * `next start`, and measures every row with autocannon, one at a time. Prints one table
 * with req/s, latency, the ratio to a static page of the same app, and the change from
 * demo to large data, then the first-load JavaScript of each public page, each against
 * the targets of issue 7. Not part of `npm test`. `--only "/review,floor"` measures only the
 * rows whose names contain one of those words (the floor and the static page are then
 * measured only if named).
 */
import autocannon from "autocannon";
import Database from "better-sqlite3";
import type { ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { gzipSync } from "node:zlib";
import { BENCH_DB, benchPassword, createBenchDatabase } from "./bench-data";
import { buildIfNeeded, startServer } from "./start";

const DEMO_DB = "data/bench-demo.db";
const SEARCH_WORDS = "kubernetes upgrade";

const { values: options } = parseArgs({
  args: process.argv.slice(2),
  options: {
    duration: { type: "string", default: "10" },
    warmup: { type: "string", default: "2" },
    connections: { type: "string", default: "20" },
    port: { type: "string", default: "3151" },
    teams: { type: "string", default: "60" },
    cycles: { type: "string", default: "30" },
    updates: { type: "string", default: "20" },
    only: { type: "string", default: "" },
  },
});
const DURATION = Number(options.duration);
const WARMUP = Number(options.warmup);
const CONNECTIONS = Number(options.connections);

type Dataset = "demo" | "large";

/** What a run needs to know about a database: names to put in URLs, and who signs in. */
interface Fixture {
  cycle: string;
  team: string;
  releaseManager: string;
  lead: string;
  /** The lead's team's latest update in the active cycle, opened in the editor. */
  editUpdateId: number | null;
}

interface Row {
  name: string;
  path: (f: Fixture) => string;
  as?: "releaseManager" | "lead";
  post?: (f: Fixture) => object;
  /** The page is public: report its first-load JavaScript. */
  publicPage?: boolean;
  target: "ceiling" | "dashboard" | "signedIn" | "read" | "post";
  /** Server CPU per request at most this many times the framework floor's (issue 14). */
  cpuVsFloor?: number;
  /** p50 under this many ms (meant for `--connections 1`). */
  p50Under?: number;
}

const STATIC_ROW = "static page (/about)";
const FLOOR_ROW = "framework floor (empty page per request)";
const ALL_ROWS: Row[] = [
  { name: STATIC_ROW, path: () => "/about", target: "ceiling", publicPage: true },
  { name: FLOOR_ROW, path: () => "/bench/floor", target: "ceiling" },
  { name: "/", path: () => "/", target: "dashboard", publicPage: true },
  { name: "/cycles/[active]", path: (f) => `/cycles/${f.cycle}`, target: "dashboard", publicPage: true },
  { name: "/teams/[slug]", path: (f) => `/teams/${f.team}`, target: "dashboard", publicPage: true },
  {
    name: "/search?q=…",
    path: () => `/search?q=${encodeURIComponent(SEARCH_WORDS)}`,
    target: "read",
    publicPage: true,
    // Paged, and ranking a bounded window of matches: the large data costs no more than the demo.
    cpuVsFloor: 3,
  },
  { name: "/review (release manager)", path: () => "/review", as: "releaseManager", target: "signedIn", cpuVsFloor: 3, p50Under: 50 },
  { name: "update editor (lead)", path: (f) => `/updates/${f.editUpdateId}/edit`, as: "lead", target: "signedIn" },
  // Near the framework's floor for a route handler: anonymous, so no session to look up.
  { name: "GET /api/session (anonymous)", path: () => "/api/session", target: "read" },
  { name: "GET /api/v1/teams", path: () => "/api/v1/teams", target: "read" },
  { name: "GET /api/v1/cycles/[name]/updates", path: (f) => `/api/v1/cycles/${f.cycle}/updates`, target: "read" },
  {
    name: "POST /api/v1/updates",
    path: () => "/api/v1/updates",
    post: (f) => ({
      team: f.team,
      cycle: f.cycle,
      headline: "Benchmark update",
      health: "on_track",
      summary: "Posted by npm run bench.",
      publish: true,
    }),
    target: "post",
  },
];

const ONLY = options.only
  .split(",")
  .map((word) => word.trim())
  .filter(Boolean);
const ROWS = ONLY.length === 0 ? ALL_ROWS : ALL_ROWS.filter((row) => ONLY.some((word) => row.name.includes(word)));

interface Measure {
  reqPerSec: number;
  p50: number;
  p99: number;
  /** Server CPU time per answered request, when the platform tells. */
  cpuMsPerRequest: number | null;
  errors: number;
}
type Outcome = Measure | { unavailable: string };

// ---------------------------------------------------------------------------
// Databases and servers

function readFixture(file: string): Fixture {
  const db = new Database(file, { readonly: true });
  try {
    const one = <T>(query: string) => db.prepare(query).get() as T;
    const cycle = one<{ id: number; slug: string }>("select id, slug from release_cycles where status = 'active'");
    const team = one<{ id: number; slug: string }>("select id, slug from teams where archived = 0 order by sort_order, name limit 1");
    const lead = one<{ email: string }>(
      `select p.email from team_leads l join people p on p.id = l.person_id where l.team_id = ${team.id} order by p.email limit 1`,
    );
    const releaseManager = one<{ email: string }>("select email from people where role = 'release_manager' order by email limit 1");
    const update = one<{ id: number } | undefined>(
      `select id from updates where team_id = ${team.id} and cycle_id = ${cycle.id} order by id desc limit 1`,
    );
    return { cycle: cycle.slug, team: team.slug, lead: lead.email, releaseManager: releaseManager.email, editUpdateId: update?.id ?? null };
  } finally {
    db.close();
  }
}

async function prepareDemoDatabase(): Promise<void> {
  for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(`${DEMO_DB}${suffix}`, { force: true });
  process.env.CYCLEBOARD_DB = DEMO_DB;
  process.env.CYCLEBOARD_DEMO_PASSWORD = benchPassword();
  process.env.CYCLEBOARD_ADMIN_PASSWORD = benchPassword();
  const { prepareDatabase } = await import("./prepare-db");
  await prepareDatabase();
}

async function waitUntilUp(base: string, server: ChildProcess): Promise<void> {
  for (let i = 0; i < 300; i++) {
    if (server.exitCode !== null) throw new Error(`The server for ${base} exited with ${server.exitCode}`);
    try {
      if ((await fetch(`${base}/api/session`)).ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`The server at ${base} did not answer within 60 s`);
}

async function serve(file: string, port: number): Promise<{ base: string; server: ChildProcess }> {
  const server = startServer(String(port), {
    stdio: ["ignore", "ignore", "inherit"],
    // PORT: the sign-in endpoint trusts only the origin the app believes it serves (publicBaseUrl).
    env: {
      ...process.env,
      PORT: String(port),
      CYCLEBOARD_DB: file,
      CYCLEBOARD_REMINDERS: "off",
      CYCLEBOARD_SIGNIN_ATTEMPTS_PER_ADDRESS: "1000",
      NEXT_TELEMETRY_DISABLED: "1",
    },
  });
  const base = `http://localhost:${port}`;
  await waitUntilUp(base, server);
  return { base, server };
}

// ---------------------------------------------------------------------------
// Credentials

async function signIn(base: string, email: string): Promise<string> {
  const response = await fetch(`${base}/api/auth/sign-in/email`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: base },
    body: JSON.stringify({ email, password: benchPassword() }),
  });
  if (!response.ok) throw new Error(`Signing in as ${email} failed: ${response.status} ${await response.text()}`);
  return response.headers
    .getSetCookie()
    .map((cookie) => cookie.split(";")[0])
    .join("; ");
}

/**
 * An API token for the team's lead, made by the data layer's own `createApiToken` when the
 * /api/v1 API is present (lib/dal/identity/api-tokens.ts, which returns `{ id, secret }`); null otherwise.
 */
async function createToken(file: string, leadEmail: string, teamSlug: string): Promise<string | null> {
  const dal = path.resolve("lib/dal/identity/api-tokens.ts");
  if (!fs.existsSync(dal)) return null;
  const { createApiToken } = (await import(pathToFileURL(dal).href)) as { createApiToken?: (...args: unknown[]) => unknown };
  if (typeof createApiToken !== "function") return null;
  const { actorForPerson } = await import("@/lib/dal/identity/person-actor");
  const { openDatabase } = await import("@/db/client");
  const db = openDatabase(file);
  try {
    const person = db.$client.prepare("select id from people where lower(email) = ?").get(leadEmail) as { id: string };
    const input = { name: "npm run bench", scopes: ["update.write"], teams: [teamSlug], expiresInDays: 1 };
    const created = createApiToken({ actor: actorForPerson(db, person.id), input }, db) as { secret?: unknown };
    return typeof created.secret === "string" ? created.secret : null;
  } finally {
    db.$client.close();
  }
}

// ---------------------------------------------------------------------------
// Measuring

/** Clock ticks per second of /proc/<pid>/stat on Linux. */
const TICKS_PER_SECOND = 100;

/**
 * CPU time (user + system, in ms) used so far by the server and its child processes, from
 * /proc; null elsewhere. Unlike latency it hardly depends on what else the machine runs.
 */
function serverCpuMs(rootPid: number): number | null {
  if (!fs.existsSync("/proc/self/stat")) return null;
  const stats = fs
    .readdirSync("/proc")
    .filter((entry) => /^[0-9]+$/.test(entry))
    .flatMap((pid) => {
      try {
        // Fields after the command name, which is in parentheses and may hold spaces.
        const fields = fs.readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]?.split(" ") ?? [];
        return [{ pid: Number(pid), ppid: Number(fields[1]), ticks: Number(fields[11]) + Number(fields[12]) }];
      } catch {
        return [];
      }
    });
  const tree = new Set([rootPid]);
  for (let grew = true; grew;) {
    grew = false;
    for (const p of stats) {
      if (tree.has(p.pid) || !tree.has(p.ppid)) continue;
      tree.add(p.pid);
      grew = true;
    }
  }
  return (stats.filter((p) => tree.has(p.pid)).reduce((sum, p) => sum + p.ticks, 0) * 1000) / TICKS_PER_SECOND;
}

function requestOf(row: Row, fixture: Fixture, headers: Record<string, string>) {
  const body = row.post ? JSON.stringify(row.post(fixture)) : undefined;
  return {
    method: row.post ? ("POST" as const) : ("GET" as const),
    headers: body ? { ...headers, "content-type": "application/json" } : headers,
    body,
  };
}

async function cannon(url: string, request: ReturnType<typeof requestOf>, seconds: number): Promise<autocannon.Result> {
  return autocannon({ url, connections: CONNECTIONS, duration: seconds, ...request });
}

async function measure(
  base: string,
  serverPid: number,
  row: Row,
  fixture: Fixture,
  headers: Record<string, string> | null,
): Promise<Outcome> {
  if (headers === null) return { unavailable: "no token (the API token DAL is missing)" };
  if (row.path(fixture).includes("/null")) return { unavailable: "no update to open" };
  const url = base + row.path(fixture);
  const request = requestOf(row, fixture, headers);
  const probe = await fetch(url, { ...request, redirect: "manual" });
  if (probe.status === 404) return { unavailable: "404" };
  if (probe.status >= 300) return { unavailable: `HTTP ${probe.status}` };
  if (WARMUP > 0) await cannon(url, request, WARMUP);
  const cpuBefore = serverCpuMs(serverPid);
  const result = await cannon(url, request, DURATION);
  const cpuAfter = serverCpuMs(serverPid);
  const answered = result["2xx"];
  if (answered === 0)
    return {
      unavailable: `no request answered with 2xx in ${DURATION} s (${result.errors} errors, ${result.timeouts} timeouts, ${result.non2xx} non-2xx)`,
    };
  return {
    reqPerSec: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    cpuMsPerRequest: cpuBefore === null || cpuAfter === null ? null : (cpuAfter - cpuBefore) / answered,
    errors: result.non2xx + result.errors + result.timeouts,
  };
}

/** Gzipped bytes of every script the page's HTML loads in a current browser (not the `nomodule` polyfills). */
async function firstLoadJs(base: string, pagePath: string): Promise<number> {
  const html = await (await fetch(base + pagePath)).text();
  const tags = [...html.matchAll(/<script[^>]*\ssrc="([^"]+)"[^>]*>/g)].filter((m) => !/\snomodule\b/i.test(m[0]));
  const sources = new Set(tags.map((m) => (m[1] ?? "").replaceAll("&amp;", "&")));
  let bytes = 0;
  for (const src of sources) bytes += gzipSync(Buffer.from(await (await fetch(new URL(src, base))).arrayBuffer())).length;
  return bytes;
}

async function runDataset(dataset: Dataset, file: string, port: number) {
  const fixture = readFixture(file);
  const { base, server } = await serve(file, port);
  try {
    const cookies = { releaseManager: await signIn(base, fixture.releaseManager), lead: await signIn(base, fixture.lead) };
    const token = await createToken(file, fixture.lead, fixture.team);
    const outcomes = new Map<string, Outcome>();
    const javascript = new Map<string, number>();
    for (const row of ROWS) {
      const headers: Record<string, string> | null = row.post
        ? token
          ? { authorization: `Bearer ${token}` }
          : null
        : row.as
          ? { cookie: cookies[row.as] }
          : {};
      process.stderr.write(`${dataset}: ${row.name}…\n`);
      outcomes.set(row.name, await measure(base, server.pid ?? 0, row, fixture, headers));
      if (row.publicPage) javascript.set(row.name, await firstLoadJs(base, row.path(fixture)));
    }
    return { outcomes, javascript };
  } finally {
    server.kill("SIGTERM");
  }
}

// ---------------------------------------------------------------------------
// Report

const TARGETS = {
  ceiling: "",
  dashboard: "≥0.8× static, p99<50 ms",
  signedIn: "p99<150 ms",
  read: "",
  post: "≥500 req/s",
} as const;
const SLOWDOWN_LIMIT = 1.5;
const JS_LIMIT_KB = 120;

function printTable(title: string, header: string[], rows: string[][]): void {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join(" | ")} |`;
  console.log(`\n${title}\n`);
  console.log(line(header));
  console.log(`|${widths.map((w) => "-".repeat(w + 2)).join("|")}|`);
  for (const row of rows) console.log(line(row));
}

const isMeasure = (o: Outcome | undefined): o is Measure => o !== undefined && "reqPerSec" in o;
const verdict = (ok: boolean) => (ok ? "met" : "NOT met");

function floorVerdicts(row: Row, large: Measure, floor: Measure | undefined): string[] {
  const verdicts: string[] = [];
  if (row.cpuVsFloor !== undefined && floor?.cpuMsPerRequest && large.cpuMsPerRequest !== null) {
    const ratio = large.cpuMsPerRequest / floor.cpuMsPerRequest;
    verdicts.push(`CPU ${ratio.toFixed(2)}× floor (≤${row.cpuVsFloor}×): ${verdict(ratio <= row.cpuVsFloor)}`);
  }
  if (row.p50Under !== undefined) verdicts.push(`p50<${row.p50Under} ms: ${verdict(large.p50 < row.p50Under)}`);
  return verdicts;
}

function meetsTarget(row: Row, large: Measure, ceiling: Measure | undefined): boolean | null {
  if (row.target === "dashboard") return ceiling !== undefined && large.reqPerSec >= 0.8 * ceiling.reqPerSec && large.p99 < 50;
  if (row.target === "signedIn") return large.p99 < 150;
  if (row.target === "post") return large.reqPerSec >= 500;
  return null;
}

const ms = (value: number | null | undefined) => (value === null || value === undefined ? "n/a" : value.toFixed(1));

function report(demo: Awaited<ReturnType<typeof runDataset>>, large: Awaited<ReturnType<typeof runDataset>>): void {
  const ceiling = large.outcomes.get(STATIC_ROW);
  const largeCeiling = isMeasure(ceiling) ? ceiling : undefined;
  const floor = large.outcomes.get(FLOOR_ROW);
  const largeFloor = isMeasure(floor) ? floor : undefined;
  const rows = ROWS.map((row) => {
    const l = large.outcomes.get(row.name);
    const d = demo.outcomes.get(row.name);
    if (!isMeasure(l)) return [row.name, `not available: ${l && "unavailable" in l ? l.unavailable : "?"}`, "", "", "", "", "", "", ""];
    // Server CPU per request: the part of "time" that the machine's other load does not inflate.
    const slowdown = isMeasure(d) && d.cpuMsPerRequest && l.cpuMsPerRequest !== null ? l.cpuMsPerRequest / d.cpuMsPerRequest : null;
    const target = meetsTarget(row, l, largeCeiling);
    const slowOk = slowdown === null || row.target === "post" ? null : slowdown < SLOWDOWN_LIMIT;
    const verdicts = [
      target === null ? "" : `${TARGETS[row.target]}: ${verdict(target)}`,
      slowOk === null ? "" : `<${SLOWDOWN_LIMIT}× on large: ${verdict(slowOk)}`,
      ...floorVerdicts(row, l, largeFloor),
    ].filter(Boolean);
    return [
      row.name,
      `${Math.round(l.reqPerSec)}${l.errors ? ` (${l.errors} failed)` : ""}`,
      String(l.p50),
      String(l.p99),
      largeCeiling ? (l.reqPerSec / largeCeiling.reqPerSec).toFixed(2) : "",
      ms(l.cpuMsPerRequest),
      isMeasure(d) ? `${Math.round(d.reqPerSec)} / ${ms(d.cpuMsPerRequest)}` : "n/a",
      slowdown === null ? "n/a" : `${slowdown.toFixed(2)}×`,
      verdicts.join("; "),
    ];
  });
  printTable(
    `Large data (${options.teams} teams × ${options.cycles} cycles × ${options.updates} updates), ${CONNECTIONS} connections, ${DURATION} s per row`,
    ["route", "req/s", "p50 ms", "p99 ms", "× static", "CPU ms/req", "demo req/s / CPU ms/req", "CPU large÷demo", "targets"],
    rows,
  );
  printTable(
    "First-load JavaScript of public pages (gzipped, large data)",
    ["page", "kB", "target"],
    ROWS.filter((r) => r.publicPage).map((row) => {
      const kb = (large.javascript.get(row.name) ?? 0) / 1024;
      return [row.name, kb.toFixed(1), `≤${JS_LIMIT_KB} kB: ${verdict(kb <= JS_LIMIT_KB)}`];
    }),
  );
}

async function main() {
  buildIfNeeded();
  await prepareDemoDatabase();
  const size = { teams: Number(options.teams), cycles: Number(options.cycles), updates: Number(options.updates) };
  const filled = await createBenchDatabase(BENCH_DB, size);
  console.log(`Large database ${BENCH_DB} filled in ${filled.seconds.toFixed(1)} s.`);
  const port = Number(options.port);
  const demo = await runDataset("demo", DEMO_DB, port);
  const large = await runDataset("large", BENCH_DB, port + 1);
  report(demo, large);
}

await main();
