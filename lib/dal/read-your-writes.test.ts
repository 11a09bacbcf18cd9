/**
 * Read-your-writes for every write in this process. A cached public read stays served until
 * one of the tags it declared is invalidated, so a write must invalidate a tag of every
 * public read whose answer it changes. How: `next/cache` is replaced by a recorder
 * (`cacheTag` notes the tags a read declares while it runs, `revalidateTag` the tags a
 * write expires; `'use cache'` is only a string here). For each row of WRITES (./testing.ts)
 * every public read runs over every parameter value on the untouched template (answer +
 * tags), then on a copy after the write; each answer that differs must share a tag with
 * what the write invalidated. The database is real: a copy of the demo community per write.
 *
 * To cover a new write, add its row to WRITES; a new cached read, a row to READS. A DAL
 * export in neither table (nor in OTHER_EXPORTS) fails the coverage check below.
 */
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { openDatabase, setProcessDatabase, type Db } from "@/db/client";
import { gatherings, releaseCycles, teams, updates } from "@/db/schema";
import { ANONYMOUS, type Actor } from "@/lib/permissions";
import { listCycleUpdates } from "./api-reads";
import { getBurnUp } from "./charts";
import { getCycleExport } from "./cycle-export";
import { getCycleBoard, listCycles } from "./cycles";
import { getFeed } from "./feeds";
import { getGatheringRecap } from "./gathering-recap";
import { getHelpWanted } from "./help-wanted";
import { recordPasswordChange } from "./people";
import { getCycleComparison, getCycleReport } from "./reports";
import { getSiteInfo } from "./site";
import { getTeamProfile, listTeams } from "./teams";
import { actorOf, copyOfTemplate, createWriteTemplate, WRITES, type ActorKind } from "./testing";
import { getUpdate } from "./updates";

const recorder = vi.hoisted(() => ({ declared: [] as string[], invalidated: [] as string[] }));
vi.mock("next/cache", () => ({
  cacheTag: (...tags: string[]) => recorder.declared.push(...tags),
  cacheLife: () => {},
  revalidateTag: (tag: string) => recorder.invalidated.push(tag),
  refresh: () => {},
}));
vi.mock("next/server", () => ({ connection: async () => {} }));

/** The parameter values a read is tried with: everything there is, plus one of each that is not. */
interface Domain {
  cycles: string[];
  cycleIds: number[];
  teams: string[];
  updateIds: number[];
  /** Each gathering as "cycle/gathering", the address its recap has. */
  gatherings: string[];
}

function domainOf(db: Db): Domain {
  const maxUpdate = db.select({ id: updates.id }).from(updates).all().reduce((max, u) => Math.max(max, u.id), 0);
  return {
    cycles: [...db.select({ slug: releaseCycles.slug }).from(releaseCycles).all().map((c) => c.slug), "no-such-cycle"],
    cycleIds: [...db.select({ id: releaseCycles.id }).from(releaseCycles).all().map((c) => c.id), 0],
    teams: [...db.select({ slug: teams.slug }).from(teams).all().map((t) => t.slug), "no-such-team"],
    updateIds: Array.from({ length: maxUpdate + 1 }, (_, i) => i + 1),
    gatherings: [
      ...db.select({ gathering: gatherings.slug }).from(gatherings).all().map((g) => g.gathering),
      "10.0/no-such-gathering",
    ],
  };
}

function union(a: Domain, b: Domain): Domain {
  const merge = <T,>(x: T[], y: T[]) => [...new Set([...x, ...y])];
  return { cycles: merge(a.cycles, b.cycles), cycleIds: merge(a.cycleIds, b.cycleIds), teams: merge(a.teams, b.teams), updateIds: merge(a.updateIds, b.updateIds), gatherings: merge(a.gatherings, b.gatherings) };
}

interface Read {
  fn: (...args: never[]) => unknown;
  /** Every call of the read worth trying over `d`, each a label and a thunk. */
  calls: (d: Domain) => [string, () => Promise<unknown>][];
}

/** Every public cached read, over all its parameter values. */
const READS: Read[] = [
  { fn: getSiteInfo, calls: () => [["getSiteInfo()", () => getSiteInfo()]] },
  { fn: listCycles, calls: () => [["listCycles()", () => listCycles()]] },
  { fn: listTeams, calls: () => [["listTeams()", () => listTeams()]] },
  { fn: getCycleBoard, calls: (d) => d.cycles.map((cycle) => [`getCycleBoard(${cycle})`, () => getCycleBoard({ cycle })]) },
  {
    fn: getTeamProfile,
    calls: (d) => d.teams.flatMap((team): [string, () => Promise<unknown>][] => [
      [`getTeamProfile(${team})`, () => getTeamProfile({ team })],
      [`getTeamProfile(${team}, every cycle)`, () => getTeamProfile({ team, allCycles: true })],
    ]),
  },
  // Mid-cycle for the demo's 10.0, so "today" falls inside a burn-up.
  { fn: getBurnUp, calls: (d) => d.cycleIds.map((cycleId) => [`getBurnUp(${cycleId})`, () => getBurnUp({ cycleId, now: Date.parse("2024-07-10T12:00:00Z") })]) },
  {
    fn: listCycleUpdates,
    calls: (d) => d.cycles.map((cycle) => [`listCycleUpdates(${cycle})`, () => listCycleUpdates({ actor: ANONYMOUS, cycle, filters: {}, page: { page: 1, perPage: 100 } })]),
  },
  { fn: getCycleExport, calls: (d) => d.cycles.map((cycle) => [`getCycleExport(${cycle})`, () => getCycleExport({ cycle })]) },
  { fn: getUpdate, calls: (d) => d.updateIds.map((id) => [`getUpdate(${id})`, () => getUpdate({ id })]) },
  {
    fn: getFeed,
    calls: (d) => [
      ["getFeed()", () => getFeed({})],
      ...d.teams.map((team): [string, () => Promise<unknown>] => [`getFeed(team ${team})`, () => getFeed({ team })]),
      ...d.cycles.map((cycle): [string, () => Promise<unknown>] => [`getFeed(cycle ${cycle})`, () => getFeed({ cycle })]),
    ],
  },
  {
    fn: getHelpWanted,
    // Both filters together show what each one alone shows too, so single filters suffice.
    calls: (d) => [
      ["getHelpWanted()", () => getHelpWanted({})],
      ...d.teams.map((team): [string, () => Promise<unknown>] => [`getHelpWanted(team ${team})`, () => getHelpWanted({ team })]),
      ...d.cycles.map((cycle): [string, () => Promise<unknown>] => [`getHelpWanted(cycle ${cycle})`, () => getHelpWanted({ cycle })]),
    ],
  },
  {
    fn: getCycleReport,
    calls: (d) => [
      ...d.cycles.map((cycle): [string, () => Promise<unknown>] => [`getCycleReport(${cycle})`, () => getCycleReport({ cycle })]),
    ],
  },
  {
    fn: getGatheringRecap,
    // As of the gathering's last day the writes of this test (made today) change nothing; the current view shows them.
    calls: (d) => d.gatherings.flatMap((gathering): [string, () => Promise<unknown>][] => [
      [`getGatheringRecap(${gathering})`, () => getGatheringRecap({ gathering })],
      [`getGatheringRecap(${gathering}, now)`, () => getGatheringRecap({ gathering, asOf: "now" })],
    ]),
  },
  {
    fn: getCycleComparison,
    // Each pair once: read the other way round, a comparison shows the same rows.
    calls: (d) => d.cycles.flatMap((a, i) => d.cycles.slice(i + 1).map((b): [string, () => Promise<unknown>] => [`getCycleComparison(${a}, ${b})`, () => getCycleComparison({ a, b })])),
  },
];

/** Writes outside WRITES: no permission check of their own, so not in the permission matrix. */
const MORE_WRITES = [{ name: "record a password change", covers: recordPasswordChange, actor: "member" as ActorKind, run: (actor: Actor, db: Db) => recordPasswordChange(actor, db) }];

/** Writes no public page shows: their answers must leave every read unchanged (checked, so this list cannot go stale). */
const WRITES_WITHOUT_PUBLIC_EFFECT = [
  // drafts, review threads and review comments show only to signed-in people
  "start an update", "save an update from the editor", "discard a draft", "reply in the review thread", "resolve a change request",
  "reply to a note for release managers only", "resolve a note for release managers only",
  // the docs update already awaits changes: a further request adds only a comment
  "request changes",
  // people who lead no team appear on no public page
  "create a person", "deactivate a person", "record a password change",
];

/** DAL exports that are neither a write nor a cached public read: signed-in reads, pure reads taking a handle, helpers. */
const OTHER_EXPORTS = [
  // the session and sign-in
  "actorForPerson", "actorFromSession", "requireSignedIn", "getSessionInfo", "getCurrentActor", "getAuth", "publicBaseUrl", "oidcEnabled", "oidcName", "generatePassword", "hasAdmin",
  // the cache contract itself
  "liveDataVersion", "invalidate", "requestTime", "pageTime", "writeCount", "pageRendersSettled",
  // reads never cached (signed-in pages, search), and the plain reads the cached ones wrap
  "listAuditEntries", "auditEntityTypes", "getCyclesForManaging", "listPeople", "previewReminders", "pendingReminders", "getReviewQueue", "getReviewThread", "openChangeRequests", "getRoadmapForEditing", "getSettingsForEditing", "isPrivateMode", "listTeamsForAdmin", "listShepherdCandidates", "getTeamLinksForEditing", "getStartOptions", "getUpdateForEditing", "dueSince", "teamsDue", "routeTargetExists", "searchCommunity", "ftsQuery",
  "getHelpRequestsForEditing", "getApiUpdate", "listRoadmapItems", "listMetricDefinitions", "listMetricValues", "listHelpRequests", "listTopics", "listGatherings", "readCycleUpdates",
  // the whole-site transfer: import takes an empty site only and expires every tag (site-transfer.test.ts)
  "exportSite", "importSite", "readSite", "describeDocumentErrors", "readCycleExport",
  // API credentials: signed-in pages only, tested in api-tokens.test.ts
  "actorFromRequest", "readerFromRequest", "writerFromRequest", "authenticateApiToken", "createApiToken", "listApiTokens", "revokeApiToken", "hashToken",
  "readCycles", "readBurnUp", "readCycleBoard", "readCycleSummary", "readAtRisk", "readCycleHelpWanted", "readFeed", "readHelpWanted", "readCycleNumbers", "readTeamNumbers", "readDelivery", "readCycleReport", "readGatheringRecap", "readCycleComparison", "readSiteInfo", "readTeams", "readTeamProfile", "readUpdateSections", "readUpdate", "updatesVisibleTo", "latestPublishedUpdateId",
  // parts of writes, covered through the rows that call them: the audit entry, the one path of every update change; and the reminder timer
  "recordAudit", "changeUpdate", "startReminderSchedule",
];

const ALLOWED_FIRST: ActorKind[] = ["lead of the team", "release manager", "admin", "member"];
const ALL_WRITES = [...WRITES.map((w) => ({ name: w.name, covers: w.covers, actor: ALLOWED_FIRST.find((k) => w.allowed.includes(k))!, run: w.run })), ...MORE_WRITES];

interface Answer {
  json: string;
  tags: string[];
}

/** Every read's answer and tags over `d`; answers already in `known` are not read again. */
async function snapshot(d: Domain, known = new Map<string, Answer>()): Promise<Map<string, Answer>> {
  const answers = new Map<string, Answer>();
  for (const read of READS) {
    for (const [label, call] of read.calls(d)) {
      const seen = known.get(label);
      if (seen) {
        answers.set(label, seen);
        continue;
      }
      recorder.declared = [];
      const json = JSON.stringify(await call());
      answers.set(label, { json, tags: recorder.declared });
    }
  }
  return answers;
}

let templateFile: string;
let cleanupTemplate: () => void;
let templateDb: Db;
/** The template never changes, so its answers are read once. */
const templateAnswers = new Map<string, Answer>();

beforeAll(async () => {
  vi.stubEnv("NEXT_RUNTIME", "nodejs");
  ({ file: templateFile, cleanup: cleanupTemplate } = await createWriteTemplate());
  templateDb = openDatabase(templateFile);
});
afterAll(() => {
  templateDb.$client.close();
  cleanupTemplate();
  vi.unstubAllEnvs();
});

describe.each(ALL_WRITES)("$name", (write) => {
  it("invalidates a tag of every public read it changes", async () => {
    const copy = copyOfTemplate(templateFile);
    try {
      setProcessDatabase(copy.db);
      recorder.invalidated = [];
      await write.run(actorOf(write.actor, copy.db), copy.db);
      const invalidated = new Set(recorder.invalidated);
      // The rows a write adds (a cycle, a team, an update) are parameters too, read on both sides.
      const domain = union(domainOf(templateDb), domainOf(copy.db));
      const after = await snapshot(domain);
      setProcessDatabase(templateDb);
      const before = await snapshot(domain, templateAnswers);
      for (const [label, answer] of before) templateAnswers.set(label, answer);

      const changed: string[] = [];
      const stale: string[] = [];
      for (const [label, answer] of after) {
        const was = before.get(label)!;
        if (was.json === answer.json) continue;
        changed.push(label);
        const declared = new Set([...was.tags, ...answer.tags]);
        if (![...declared].some((tag) => invalidated.has(tag))) stale.push(`${label} declares ${[...declared].join(" ")}`);
      }
      expect(stale, `${write.name} invalidated only: ${[...invalidated].join(" ") || "nothing"}`).toEqual([]);
      expect({ changesPublicReads: changed.length > 0 }, changed.slice(0, 5).join("; ")).toEqual({ changesPublicReads: !WRITES_WITHOUT_PUBLIC_EFFECT.includes(write.name) });
    } finally {
      copy.dispose();
    }
  });
});

it("covers every write and every cached read the data layer exports", async () => {
  const dir = import.meta.dirname;
  const exported: string[] = [];
  for (const file of fs.readdirSync(dir).filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts") && f !== "testing.ts")) {
    const mod = (await import(path.join(dir, file))) as Record<string, unknown>;
    exported.push(...Object.entries(mod).filter(([, value]) => typeof value === "function").map(([name]) => name));
  }
  const known = new Set([...ALL_WRITES.map((w) => w.covers.name), ...READS.map((r) => r.fn.name), ...OTHER_EXPORTS]);
  expect(exported.filter((name) => !known.has(name)).sort()).toEqual([]);
});
