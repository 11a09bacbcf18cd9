/**
 * Read-your-writes for every write in this process. A cached public read stays served until
 * one of the tags it declared is invalidated, so a write must invalidate a tag of every
 * public read whose answer it changes. How: `next/cache` is replaced by a recorder
 * (`cacheTag` notes the tags a read declares while it runs, `revalidateTag` the tags a
 * write expires; `'use cache'` is only a string here). For each row of WRITES (./tables.ts)
 * every public read runs over every parameter value on the untouched template (answer +
 * tags), then on a copy after the write; each answer that differs must share a tag with
 * what the write invalidated. The database is real: a copy of the demo community per write.
 *
 * To cover a new write, add its row to WRITES; a new cached read, a row to READS. A DAL
 * export in neither table (nor classified in UNLISTED) fails the coverage check below.
 */
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { openDatabase, setProcessDatabase, type Db } from "@/db/client";
import { gatherings, releaseCycles, teams, updates } from "@/db/schema";
import { ANONYMOUS, type Actor } from "@/lib/permissions";
import { listCycleUpdates } from "../updates/reads";
import { getBurnUp } from "../views/charts";
import { getCycleExport } from "../views/cycle-export";
import { getCycleBoard, listCycles } from "../cycles/reads";
import { getFeed } from "../views/feeds";
import { getGatheringRecap } from "../gatherings/recap";
import { getHelpWanted } from "../views/help-wanted";
import { recordPasswordChange } from "../people/admin";
import { getCycleComparison, getCycleReport } from "../views/reports";
import { getSiteInfo } from "../site/reads";
import { getTeamProfile, listTeams } from "../teams/reads";
import { actorOf, copyOfTemplate, createWriteTemplate, DRAFT_READS, WRITES, type ActorKind } from "./tables";
import { getUpdate } from "../updates/reads";

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
  const maxUpdate = db
    .select({ id: updates.id })
    .from(updates)
    .all()
    .reduce((max, u) => Math.max(max, u.id), 0);
  return {
    cycles: [
      ...db
        .select({ slug: releaseCycles.slug })
        .from(releaseCycles)
        .all()
        .map((c) => c.slug),
      "no-such-cycle",
    ],
    cycleIds: [
      ...db
        .select({ id: releaseCycles.id })
        .from(releaseCycles)
        .all()
        .map((c) => c.id),
      0,
    ],
    teams: [
      ...db
        .select({ slug: teams.slug })
        .from(teams)
        .all()
        .map((t) => t.slug),
      "no-such-team",
    ],
    updateIds: Array.from({ length: maxUpdate + 1 }, (_, i) => i + 1),
    gatherings: [
      ...db
        .select({ gathering: gatherings.slug })
        .from(gatherings)
        .all()
        .map((g) => g.gathering),
      "10.0/no-such-gathering",
    ],
  };
}

function union(a: Domain, b: Domain): Domain {
  const merge = <T>(x: T[], y: T[]) => [...new Set([...x, ...y])];
  return {
    cycles: merge(a.cycles, b.cycles),
    cycleIds: merge(a.cycleIds, b.cycleIds),
    teams: merge(a.teams, b.teams),
    updateIds: merge(a.updateIds, b.updateIds),
    gatherings: merge(a.gatherings, b.gatherings),
  };
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
    calls: (d) =>
      d.teams.flatMap((team): [string, () => Promise<unknown>][] => [
        [`getTeamProfile(${team})`, () => getTeamProfile({ team })],
        [`getTeamProfile(${team}, every cycle)`, () => getTeamProfile({ team, allCycles: true })],
      ]),
  },
  // Mid-cycle for the demo's 10.0, so "today" falls inside a burn-up.
  {
    fn: getBurnUp,
    calls: (d) =>
      d.cycleIds.map((cycleId) => [`getBurnUp(${cycleId})`, () => getBurnUp({ cycleId, now: Date.parse("2024-07-10T12:00:00Z") })]),
  },
  {
    fn: listCycleUpdates,
    calls: (d) =>
      d.cycles.map((cycle) => [
        `listCycleUpdates(${cycle})`,
        () => listCycleUpdates({ actor: ANONYMOUS, cycle, filters: {}, page: { page: 1, perPage: 100 } }),
      ]),
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
    calls: (d) =>
      d.gatherings.flatMap((gathering): [string, () => Promise<unknown>][] => [
        [`getGatheringRecap(${gathering})`, () => getGatheringRecap({ gathering })],
        [`getGatheringRecap(${gathering}, now)`, () => getGatheringRecap({ gathering, asOf: "now" })],
      ]),
  },
  {
    fn: getCycleComparison,
    // Each pair once: read the other way round, a comparison shows the same rows.
    calls: (d) =>
      d.cycles.flatMap((a, i) =>
        d.cycles
          .slice(i + 1)
          .map((b): [string, () => Promise<unknown>] => [`getCycleComparison(${a}, ${b})`, () => getCycleComparison({ a, b })]),
      ),
  },
];

/** Writes outside WRITES: no permission check of their own, so not in the permission matrix. */
const MORE_WRITES = [
  {
    name: "record a password change",
    covers: recordPasswordChange,
    actor: "member" as ActorKind,
    run: (actor: Actor, db: Db) => recordPasswordChange(actor, db),
  },
];

/** Writes no public page shows: their answers must leave every read unchanged (checked, so this list cannot go stale). */
const WRITES_WITHOUT_PUBLIC_EFFECT = [
  // drafts, review threads and review comments show only to signed-in people
  "start an update",
  "save an update from the editor",
  "discard a draft",
  "reply in the review thread",
  "resolve a change request",
  "reply to a note for release managers only",
  "resolve a note for release managers only",
  // only the review queue and the team's leads see that another look was asked
  "ask for another look",
  // the docs update already awaits changes: a further request adds only a comment
  "request changes",
  // people who lead no team appear on no public page
  "create a person",
  "deactivate a person",
  "record a password change",
  // following and email choices are the person's own, shown only to them
  "follow a team",
  "choose what is mailed",
];

/**
 * Every other DAL export, classified, each with why it is in neither table above; a new
 * export fails the coverage check until it is in a table or here. "part of" names the
 * cached reads it answers through (checked to be in READS), "draft read" rows must be in
 * DRAFT_READS (the read matrix), and a "write" says why neither matrix tries it.
 */
type Unlisted =
  | { kind: "part of"; reads: Read["fn"][] }
  | { kind: "draft read" }
  | { kind: "signed-in read"; why: string }
  | { kind: "write"; why: string }
  | { kind: "helper"; why: string };

const SESSION: Unlisted = { kind: "helper", why: "who is asking: the session, sign-in and single sign-on" };
const CACHE: Unlisted = { kind: "helper", why: "the cache contract itself" };
const LOOKUP: Unlisted = { kind: "helper", why: "finds a team or cycle for the writes and reads that call it" };
const PAGING: Unlisted = { kind: "helper", why: "pages and filters the API's lists (paging.ts)" };
const NEVER_CACHED: Unlisted = { kind: "signed-in read", why: "a signed-in page's read, never cached, so no tag to expire" };
const API_READ: Unlisted = { kind: "signed-in read", why: "an API read of public rows, never cached (testing/api-routes.test.ts)" };
const TOKENS: Unlisted = { kind: "write", why: "API credentials of the signed-in person, on no public page (identity/api-tokens.test.ts)" };
const INBOX: Unlisted = { kind: "write", why: "the person's own inbox, on no cached page (notifications/inbox.test.ts)" };
const MAIL: Unlisted = {
  kind: "write",
  why: "the mail queue and the hourly job; notifications show on no cached page (notifications/mail.test.ts)",
};
const TRANSFER: Unlisted = { kind: "write", why: "import takes an empty site only and expires every tag (site/transfer.test.ts)" };

const UNLISTED: Record<string, Unlisted> = {
  actorForPerson: SESSION,
  actorFromSession: SESSION,
  requireSignedIn: SESSION,
  getSessionInfo: SESSION,
  getCurrentActor: SESSION,
  getAuth: SESSION,
  publicBaseUrl: SESSION,
  oidcEnabled: SESSION,
  oidcName: SESSION,
  generatePassword: SESSION,
  hasAdmin: SESSION,
  actorFromRequest: SESSION,
  readerFromRequest: SESSION,
  writerFromRequest: SESSION,
  authenticateApiToken: SESSION,
  hashToken: SESSION,
  liveDataVersion: CACHE,
  invalidate: CACHE,
  requestTime: CACHE,
  pageTime: CACHE,
  writeCount: CACHE,
  pageRendersSettled: CACHE,
  teamForWriting: LOOKUP,
  teamForReading: LOOKUP,
  cycleBySlug: LOOKUP,
  iso: PAGING,
  pageWindow: PAGING,
  idOf: PAGING,
  paged: PAGING,
  cycleFilter: PAGING,
  updatesVisibleTo: { kind: "helper", why: "the where-clause of every update read; the read matrix tries it through DRAFT_READS" },
  queueStatus: { kind: "helper", why: "words where a review stands for the queue, from a row already read" },
  latestPublishedUpdateId: { kind: "helper", why: "a subquery of the board and team reads" },
  asOfMoment: { kind: "helper", why: "the moment an update speaks for, inside the writes that publish or date it" },
  dateReportedValues: { kind: "helper", why: "moves an update's reported numbers with its date, inside those writes" },
  isPrivateMode: { kind: "helper", why: "read per request by the proxy and pages, never cached" },
  ftsQuery: { kind: "helper", why: "turns search words into an FTS5 query" },
  describeDocumentErrors: { kind: "helper", why: "words a site document's validation errors" },
  routeTargetExists: { kind: "helper", why: "the proxy's 404 check, per request" },
  listAuditEntries: NEVER_CACHED,
  auditEntityTypes: NEVER_CACHED,
  getCyclesForManaging: NEVER_CACHED,
  listPeople: NEVER_CACHED,
  previewReminders: NEVER_CACHED,
  pendingReminders: NEVER_CACHED,
  getReviewQueue: NEVER_CACHED,
  openChangeRequests: NEVER_CACHED,
  changeRequestOf: NEVER_CACHED,
  getReviewReading: NEVER_CACHED,
  getRoadmapForEditing: NEVER_CACHED,
  getSettingsForEditing: NEVER_CACHED,
  listTeamsForAdmin: NEVER_CACHED,
  listShepherdCandidates: NEVER_CACHED,
  getTeamLinksForEditing: NEVER_CACHED,
  getStartOptions: NEVER_CACHED,
  dueSince: NEVER_CACHED,
  teamsDue: NEVER_CACHED,
  getHelpRequestsForEditing: NEVER_CACHED,
  listApiTokens: NEVER_CACHED,
  exportSite: NEVER_CACHED,
  readSite: NEVER_CACHED,
  searchCommunity: { kind: "signed-in read", why: "search reads the index fresh on every request (views/search.test.ts)" },
  getApiUpdate: { kind: "signed-in read", why: "for a signed-in caller reads fresh; for anyone else, getUpdate's cached answer" },
  listRoadmapItems: API_READ,
  listMetricDefinitions: API_READ,
  listMetricValues: API_READ,
  listHelpRequests: API_READ,
  listTopics: API_READ,
  listGatherings: API_READ,
  readUpdate: { kind: "draft read" },
  readCycleUpdates: { kind: "draft read" },
  getUpdateForEditing: { kind: "draft read" },
  getReviewThread: { kind: "draft read" },
  listOpenDrafts: { kind: "draft read" },
  listLeadsOpenDrafts: { kind: "draft read" },
  readCycles: { kind: "part of", reads: [listCycles] },
  readBurnUp: { kind: "part of", reads: [getBurnUp] },
  readCycleBoard: { kind: "part of", reads: [getCycleBoard] },
  readCycleSummary: { kind: "part of", reads: [getCycleBoard] },
  readAtRisk: { kind: "part of", reads: [getCycleBoard] },
  readCycleHelpWanted: { kind: "part of", reads: [getCycleBoard] },
  readFeed: { kind: "part of", reads: [getFeed] },
  readHelpWanted: { kind: "part of", reads: [getHelpWanted] },
  readCycleNumbers: { kind: "part of", reads: [getCycleBoard, getCycleReport, getGatheringRecap] },
  readTeamNumbers: { kind: "part of", reads: [getTeamProfile] },
  readFigureValues: { kind: "helper", why: "the values behind a team's figures, for the editor (a draft read) and the API's list" },
  inFigure: { kind: "helper", why: "the where-clause of which values make up a figure (metrics/writes.test.ts)" },
  storedValue: { kind: "helper", why: "reads a value by its metric's kind for the writes that call it" },
  readMetricValue: { kind: "helper", why: "a corrected value as the API answers it, read by the write that corrected it" },
  readDelivery: { kind: "part of", reads: [getCycleBoard, getCycleReport] },
  readCycleReport: { kind: "part of", reads: [getCycleReport] },
  readGatheringRecap: { kind: "part of", reads: [getGatheringRecap] },
  readCycleComparison: { kind: "part of", reads: [getCycleComparison] },
  readSiteInfo: { kind: "part of", reads: [getSiteInfo] },
  readTeams: { kind: "part of", reads: [listTeams] },
  readTeamProfile: { kind: "part of", reads: [getTeamProfile] },
  readUpdateSections: { kind: "part of", reads: [getTeamProfile] },
  readCycleExport: { kind: "part of", reads: [getCycleExport] },
  createApiToken: TOKENS,
  revokeApiToken: TOKENS,
  importSite: TRANSFER,
  recordAudit: { kind: "write", why: "the audit entry of every write, made inside that write's transaction" },
  changeUpdate: { kind: "write", why: "the one path of every update change, tried through the WRITES rows that call it" },
  followCarriedItems: { kind: "write", why: "moves help requests inside carryOverRoadmap's transaction, a WRITES row" },
  carryStrandedHelpRequests: {
    kind: "write",
    why: "moves help requests inside the transactions of the cycle writes (release, create), WRITES rows",
  },
  tagsOfMoves: { kind: "helper", why: "the tags the help-request moves expire, for the writes that call them" },
  startReminderSchedule: { kind: "write", why: "the reminder timer; what it runs is sendReminders, a WRITES row" },
  authSecret: SESSION,
  listInbox: NEVER_CACHED,
  unreadCount: NEVER_CACHED,
  isFollowing: NEVER_CACHED,
  getEmailPreferences: NEVER_CACHED,
  emailChoices: { kind: "helper", why: "a person's email choice per kind, for notify() and the mailers" },
  mayRead: { kind: "helper", why: "notify()'s privacy check (notifications/matrix.test.ts)" },
  unsubscribeToken: { kind: "helper", why: "signs the unsubscribe link (notifications/mail.test.ts)" },
  unsubscribeUrl: { kind: "helper", why: "signs the unsubscribe link (notifications/mail.test.ts)" },
  verifyUnsubscribeToken: { kind: "helper", why: "checks the unsubscribe link (notifications/mail.test.ts)" },
  withUnsubscribe: { kind: "helper", why: "puts the unsubscribe link in a mail (notifications/mail.test.ts, reminders.test.ts)" },
  notify: { kind: "write", why: "writes notifications inside the transaction of the write that calls it (notifications/matrix.test.ts)" },
  markRead: INBOX,
  markAllRead: INBOX,
  unsubscribe: {
    kind: "write",
    why: "from a signed link, without an actor; only the person's own email choices (notifications/mail.test.ts)",
  },
  mailSoon: MAIL,
  sendAtOnce: MAIL,
  sendDigests: MAIL,
  notifyExpiringTokens: MAIL,
};

const ALLOWED_FIRST: ActorKind[] = ["lead of the team", "release manager", "admin", "member"];
const ALL_WRITES = [
  ...WRITES.map((w) => ({ name: w.name, covers: w.covers, actor: ALLOWED_FIRST.find((k) => w.allowed.includes(k))!, run: w.run })),
  ...MORE_WRITES,
];

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
      expect({ changesPublicReads: changed.length > 0 }, changed.slice(0, 5).join("; ")).toEqual({
        changesPublicReads: !WRITES_WITHOUT_PUBLIC_EFFECT.includes(write.name),
      });
    } finally {
      copy.dispose();
    }
  });
});

it("covers every write and every cached read the data layer exports", async () => {
  // Every production module of the data layer, in every entity's folder; this folder is test support.
  const dir = path.dirname(import.meta.dirname);
  const exported: string[] = [];
  const files = fs.readdirSync(dir, { recursive: true, encoding: "utf8" });
  for (const file of files.filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts") && !f.startsWith(`testing${path.sep}`))) {
    const mod = (await import(path.join(dir, file))) as Record<string, unknown>;
    exported.push(
      ...Object.entries(mod)
        .filter(([, value]) => typeof value === "function")
        .map(([name]) => name),
    );
  }
  const known = new Set([...ALL_WRITES.map((w) => w.covers.name), ...READS.map((r) => r.fn.name), ...Object.keys(UNLISTED)]);
  expect(exported.filter((name) => !known.has(name)).sort(), "new exports: add each to WRITES, READS or UNLISTED").toEqual([]);
  expect(
    Object.keys(UNLISTED)
      .filter((name) => !exported.includes(name))
      .sort(),
    "UNLISTED names no longer exported",
  ).toEqual([]);
});

it("classifies every other export by what checks it", () => {
  const cached = new Set<unknown>(READS.map((r) => r.fn));
  const draftReads = new Set(DRAFT_READS.map((r) => r.covers.name));
  const wrong = Object.entries(UNLISTED).flatMap(([name, entry]) => {
    if (entry.kind === "part of" && !entry.reads.every((read) => cached.has(read))) return [`${name}: part of a read not in READS`];
    if (entry.kind === "draft read" && !draftReads.has(name)) return [`${name}: not in DRAFT_READS`];
    return [];
  });
  expect(wrong).toEqual([]);
});
