/**
 * `npm run bench:data -- --teams 60 --cycles 30 --updates 20 [--db data/bench.db]`: fills a
 * fresh database with a large, deterministic community for `npm run bench`: teams with leads
 * and a shepherd, cycles with milestones (the last one active and containing today), N
 * updates per team and cycle (every tenth a draft), revisions, roadmap items (some carried
 * over, some help wanted), metric values, review comments, help requests and topics.
 * Rows go in with bulk inserts, in chunks, inside one transaction; the search triggers of
 * migration 0001 index the published updates as they land.
 */
import { hashPassword } from "better-auth/crypto";
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { databasePath, openDatabase, type Db } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import * as t from "@/db/schema";
import { demoCommunity } from "@/db/seed/demo-data";
import type { Health, ReviewState, RoadmapStatus } from "@/lib/domain";

export const BENCH_DB = "data/bench.db";
/** Every bench account shares this password unless CYCLEBOARD_DEMO_PASSWORD is set. */
export const benchPassword = () => process.env.CYCLEBOARD_DEMO_PASSWORD || "bench-password-2026";
export const BENCH_RELEASE_MANAGER = "rm-1@bench.example.org";
export const benchLeadEmail = (team: number) => `lead-${team + 1}a@bench.example.org`;
export const benchTeamSlug = (team: number) => `team-${team + 1}`;
export const benchCycleName = (cycle: number) => `${cycle + 1}.0`;

export interface BenchSize {
  teams: number;
  cycles: number;
  updates: number;
}

const DAY = 86_400_000;
const CYCLE_DAYS = 180;
const ROADMAP_PER_TEAM = 6;
const RELEASE_MANAGERS = 3;
/** Rows per INSERT: well below SQLite's 32766 bound variables for the widest table. */
const CHUNK = 400;

const WORDS = (
  "kubernetes ceph openstack upgrade patch platform edge controller worker subcloud distributed cloud container image " +
  "release build pipeline mirror debian kernel driver firmware network storage volume helm chart armada flux certificate " +
  "rollback backup restore install bootstrap ansible puppet sysinv fault alarm metric dashboard test sanity regression " +
  "review gerrit storyboard launchpad feature freeze milestone branch cherry pick stable security vulnerability scan " +
  "performance latency throughput memory cpu isolation realtime ptp timing gnss sriov accelerator fpga gpu operator " +
  "documentation guide tutorial newcomer mentor meeting etherpad decision action owner blocked waiting hardware lab"
).split(" ");

/** mulberry32: a small seeded generator, so two runs of the same size write the same rows. */
function seededRandom(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let r = Math.imul(a ^ (a >>> 15), 1 | a);
    r = (r + Math.imul(r ^ (r >>> 7), 61 | r)) ^ r;
    return ((r ^ (r >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  const pick = <V>(values: readonly V[]): V => values[int(values.length)] as V;
  const words = (n: number) => Array.from({ length: n }, () => pick(WORDS)).join(" ");
  const sentence = (n: number) => {
    const text = words(n);
    return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
  };
  return { next, int, pick, words, sentence };
}

const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

function insertChunked<T extends Parameters<Db["insert"]>[0]>(db: Db, table: T, rows: T["$inferInsert"][]): void {
  for (let i = 0; i < rows.length; i += CHUNK)
    db.insert(table)
      .values(rows.slice(i, i + CHUNK))
      .run();
}

/** Counts of what was written, for the summary line. */
type Written = Record<string, number>;

function fillCommunity(db: Db, size: BenchSize, passwordHash: string, now: number): Written {
  const rnd = seededRandom(20261126);
  const written: Written = {};
  const put = <T extends Parameters<Db["insert"]>[0]>(name: string, table: T, rows: T["$inferInsert"][]) => {
    insertChunked(db, table, rows);
    written[name] = (written[name] ?? 0) + rows.length;
  };

  put("settings", t.communitySettings, [{ id: 1, ...demoCommunity.settings, name: "Bench community" }]);
  put(
    "health definitions",
    t.healthDefinitions,
    demoCommunity.healthDefinitions.map((h, i) => ({ ...h, sortOrder: i })),
  );

  // People: release managers, an admin, and two leads per team, all with the bench password.
  const person = (id: string, name: string, email: string, role: "admin" | "release_manager" | "member") => ({
    id,
    name,
    email,
    role,
    emailVerified: true,
  });
  const managers = Array.from({ length: RELEASE_MANAGERS }, (_, i) =>
    person(`bench-rm-${i + 1}`, `Release Manager ${i + 1}`, `rm-${i + 1}@bench.example.org`, "release_manager"),
  );
  const leads = Array.from({ length: size.teams }, (_, team) => [
    person(`bench-lead-${team + 1}a`, `Lead ${team + 1}A`, benchLeadEmail(team), "member"),
    person(`bench-lead-${team + 1}b`, `Lead ${team + 1}B`, `lead-${team + 1}b@bench.example.org`, "member"),
  ]);
  const shepherdOf = (team: number) => `bench-rm-${(team % RELEASE_MANAGERS) + 1}`;
  const leadIdOf = (team: number) => `bench-lead-${team + 1}a`;
  const everyone = [person("bench-admin", "Bench Admin", "admin@bench.example.org", "admin"), ...managers, ...leads.flat()];
  put("people", t.people, everyone);
  put(
    "accounts",
    t.accounts,
    everyone.map((p) => ({ id: `account-${p.id}`, personId: p.id, accountId: p.id, providerId: "credential", password: passwordHash })),
  );

  // Cycles: 180 days each, back to back; the last one started 60 days ago and is active.
  const lastStart = now - 60 * DAY;
  const cycles = Array.from({ length: size.cycles }, (_, c) => {
    const startsAt = lastStart - (size.cycles - 1 - c) * CYCLE_DAYS * DAY;
    const active = c === size.cycles - 1;
    return {
      id: c + 1,
      slug: benchCycleName(c),
      name: benchCycleName(c),
      status: active ? ("active" as const) : ("released" as const),
      startsOn: isoDay(startsAt),
      targetReleaseOn: isoDay(startsAt + CYCLE_DAYS * DAY),
      releasedOn: active ? null : isoDay(startsAt + CYCLE_DAYS * DAY),
      summary: rnd.sentence(24),
      startsAt,
    };
  });
  put(
    "cycles",
    t.releaseCycles,
    cycles.map(({ startsAt: _startsAt, ...c }) => c),
  );
  const MILESTONES = [
    ["Spec freeze", 30],
    ["Feature freeze", 90],
    ["Code freeze", 130],
    ["Release candidate", 160],
    ["Release", 180],
  ] as const;
  put(
    "milestones",
    t.milestones,
    cycles.flatMap((c) =>
      MILESTONES.map(([name, day]) => {
        const dueAt = c.startsAt + day * DAY;
        return { cycleId: c.id, name, dueOn: isoDay(dueAt), doneOn: dueAt <= now ? isoDay(dueAt) : null };
      }),
    ),
  );
  put(
    "gatherings",
    t.gatherings,
    cycles.map((c) => ({
      id: c.id,
      slug: `ptg-${c.slug.replace(".", "-")}`,
      name: `PTG ${c.name}`,
      cycleId: c.id,
      startsOn: isoDay(c.startsAt + 20 * DAY),
      endsOn: isoDay(c.startsAt + 22 * DAY),
      etherpadUrl: `https://etherpad.example.org/p/ptg-${c.id}`,
    })),
  );

  put(
    "teams",
    t.teams,
    Array.from({ length: size.teams }, (_, team) => ({
      id: team + 1,
      slug: benchTeamSlug(team),
      name: `Team ${team + 1} ${rnd.pick(WORDS)}`,
      mission: rnd.sentence(18),
      sortOrder: team,
      shepherdId: shepherdOf(team),
    })),
  );
  put(
    "team leads",
    t.teamLeads,
    leads.flatMap((pair, team) => pair.map((p) => ({ teamId: team + 1, personId: p.id }))),
  );
  put(
    "team links",
    t.teamLinks,
    Array.from({ length: size.teams }, (_, team) => [
      { teamId: team + 1, kind: "meetings" as const, label: "Weekly call", url: `https://meet.example.org/team-${team + 1}`, sortOrder: 0 },
      {
        teamId: team + 1,
        kind: "mailing_list" as const,
        label: "Mailing list",
        url: `https://lists.example.org/team-${team + 1}`,
        sortOrder: 1,
      },
      { teamId: team + 1, kind: "repository" as const, label: "Code", url: `https://opendev.example.org/team-${team + 1}`, sortOrder: 2 },
    ]).flat(),
  );

  // One metric per team (its pass rate) and two community-wide ones.
  const teamMetricId = (team: number) => team + 3;
  put("metric definitions", t.metricDefinitions, [
    { id: 1, key: "commits", label: "Commits", unit: "count" as const, aggregation: "sum" as const, sortOrder: 0 },
    { id: 2, key: "reviews", label: "Reviews", unit: "count" as const, aggregation: "sum" as const, sortOrder: 1 },
    ...Array.from({ length: size.teams }, (_, team) => ({
      id: teamMetricId(team),
      key: `team_${team + 1}_pass_rate`,
      label: `Team ${team + 1} pass rate`,
      unit: "percent" as const,
      kind: "percentage" as const,
      aggregation: "latest" as const,
      teamId: team + 1,
      sortOrder: team + 2,
    })),
  ]);

  const HEALTHS: Health[] = ["on_track", "on_track", "on_track", "on_track", "at_risk", "at_risk", "off_track", "blocked"];
  const updateRows: (typeof t.updates.$inferInsert)[] = [];
  const revisionRows: (typeof t.updateRevisions.$inferInsert)[] = [];
  const linkRows: (typeof t.updateLinks.$inferInsert)[] = [];
  const commentRows: (typeof t.reviewComments.$inferInsert)[] = [];
  const valueRows: (typeof t.metricValues.$inferInsert)[] = [];
  const itemRows: (typeof t.roadmapItems.$inferInsert)[] = [];
  const itemLinkRows: (typeof t.roadmapItemLinks.$inferInsert)[] = [];
  const helpRows: (typeof t.helpRequests.$inferInsert)[] = [];
  let updateId = 0;
  let itemId = 0;
  let revisionId = 0;

  for (const cycle of cycles) {
    const active = cycle.status === "active";
    // The active cycle's updates all lie in its first 60 days, up to today.
    const span = (active ? now - cycle.startsAt : CYCLE_DAYS * DAY) - DAY;
    for (let team = 0; team < size.teams; team++) {
      const teamId = team + 1;
      const author = leadIdOf(team);
      for (let k = 0; k < size.updates; k++) {
        const id = ++updateId;
        const draft = k % 10 === 9;
        const at = cycle.startsAt + Math.floor(((k + rnd.next()) / size.updates) * span);
        const reviewState: ReviewState = !active
          ? "reviewed"
          : rnd.pick(["unreviewed", "unreviewed", "reviewed", "changes_requested"] as const);
        const edited = !draft && k % 4 === 0;
        const fields = {
          headline: rnd.sentence(8),
          health: rnd.pick(HEALTHS),
          summary: `${rnd.sentence(20)} ${rnd.sentence(14)}`,
          done: `- ${rnd.sentence(9)}\n- ${rnd.sentence(7)}`,
          inProgress: `- ${rnd.sentence(9)}\n- ${rnd.sentence(7)}`,
          planned: `- ${rnd.sentence(8)}`,
          risks: k % 3 === 0 ? `- ${rnd.sentence(10)}` : "",
          helpWanted: k % 5 === 0 ? `- ${rnd.sentence(8)}` : "",
        };
        updateRows.push({
          id,
          teamId,
          cycleId: cycle.id,
          authorId: author,
          gatheringId: k === 1 ? cycle.id : null,
          ...fields,
          state: draft ? "draft" : "published",
          reviewState: draft ? "unreviewed" : reviewState,
          version: edited ? 2 : 1,
          publishedAt: draft ? null : new Date(at),
          createdAt: new Date(at),
          updatedAt: new Date(at + (edited ? DAY : 0)),
        });
        if (edited)
          revisionRows.push({
            id: ++revisionId,
            updateId: id,
            version: 1,
            editorId: author,
            snapshot: { ...fields, headline: rnd.sentence(7) },
            createdAt: new Date(at + DAY),
          });
        if (k % 5 === 0)
          linkRows.push({ updateId: id, label: "Review dashboard", url: `https://review.example.org/q/${id}`, sortOrder: 0 });
        if (!draft && (reviewState === "changes_requested" || k % 7 === 0)) {
          const requestsChanges = reviewState === "changes_requested";
          commentRows.push({
            updateId: id,
            authorId: shepherdOf(team),
            body: rnd.sentence(16),
            requestsChanges,
            resolvedAt: requestsChanges && k % 2 === 0 ? new Date(at + DAY) : null,
            createdAt: new Date(at + DAY),
          });
          if (k % 2 === 0) commentRows.push({ updateId: id, authorId: author, body: rnd.sentence(12), createdAt: new Date(at + 2 * DAY) });
        }
      }

      for (let obs = 0; obs < 3; obs++) {
        const at = new Date(cycle.startsAt + Math.floor(((obs + 0.5) / 3) * span));
        valueRows.push({ metricId: teamMetricId(team), teamId, cycleId: cycle.id, value: 70 + rnd.int(30), observedAt: at });
      }
      valueRows.push({ metricId: 1, teamId, cycleId: cycle.id, value: 50 + rnd.int(500), observedAt: new Date(cycle.startsAt + span) });
      valueRows.push({ metricId: 2, teamId, cycleId: cycle.id, value: 80 + rnd.int(800), observedAt: new Date(cycle.startsAt + span) });

      for (let r = 0; r < ROADMAP_PER_TEAM; r++) {
        const id = ++itemId;
        // A released cycle's deferred item is carried into the next cycle (item 0 of the team there).
        const status: RoadmapStatus = active
          ? rnd.pick(["planned", "in_progress", "in_progress", "done", "deferred"] as const)
          : r === ROADMAP_PER_TEAM - 1
            ? "deferred"
            : rnd.pick(["done", "done", "done", "dropped"] as const);
        const carriedFrom = r === 0 && cycle.id > 1 ? id - size.teams * ROADMAP_PER_TEAM + (ROADMAP_PER_TEAM - 1) : null;
        const helpWanted = r === 2 && team % 4 === 0;
        itemRows.push({
          id,
          teamId,
          cycleId: cycle.id,
          originalCycleId: carriedFrom ? cycle.id - 1 : cycle.id,
          carriedFromId: carriedFrom,
          title: rnd.sentence(6),
          description: rnd.sentence(20),
          status,
          kind: rnd.pick(["feature", "enhancement", "maintenance", "documentation", "infrastructure"] as const),
          helpWanted,
          sortOrder: r,
        });
        if (r % 2 === 0)
          itemLinkRows.push({ itemId: id, kind: "storyboard", label: `Story ${id}`, url: `https://storyboard.example.org/#!/story/${id}` });
        if (helpWanted && team % 8 === 0)
          helpRows.push({
            teamId,
            cycleId: cycle.id,
            roadmapItemId: id,
            title: rnd.sentence(7),
            details: rnd.sentence(20),
            contact: `lead-${team + 1}a@bench.example.org`,
            status: active ? "open" : "resolved",
          });
      }
    }
  }

  put("updates", t.updates, updateRows);
  put("update revisions", t.updateRevisions, revisionRows);
  put("update links", t.updateLinks, linkRows);
  put("review comments", t.reviewComments, commentRows);
  put("metric values", t.metricValues, valueRows);
  put("roadmap items", t.roadmapItems, itemRows);
  put("roadmap item links", t.roadmapItemLinks, itemLinkRows);
  put("help requests", t.helpRequests, helpRows);

  let topicId = 0;
  const topics = cycles.flatMap((c) =>
    Array.from({ length: 3 }, (_, i) => ({
      id: ++topicId,
      cycleId: c.id,
      gatheringId: c.id,
      title: rnd.sentence(6),
      notes: rnd.sentence(30),
      outcome: i === 0 ? ("decision" as const) : ("no_decision" as const),
      decision: i === 0 ? rnd.sentence(12) : "",
      sortOrder: i,
    })),
  );
  put("topics", t.communityTopics, topics);
  put(
    "topic action items",
    t.topicActionItems,
    topics.flatMap((topic) =>
      [0, 1].map((i) => ({
        topicId: topic.id,
        description: rnd.sentence(10),
        ownerName: `Lead ${i + 1}A`,
        status: i === 0 ? ("done" as const) : ("open" as const),
      })),
    ),
  );
  put("audit entries", t.auditEntries, [
    { actorLabel: "system", via: "system" as const, action: "bench.load", entityType: "community", entityId: "1", after: { ...size } },
  ]);
  return written;
}

/** Writes the large community into a new database at `file` (an existing one is replaced). */
export async function createBenchDatabase(file: string, size: BenchSize, now = Date.now()): Promise<{ seconds: number; written: Written }> {
  if (path.resolve(file) === path.resolve("data/cycleboard.db") || path.resolve(file) === databasePath()) {
    throw new Error(`Refusing to replace the main database (${file}); pass another --db.`);
  }
  const started = performance.now();
  for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(`${file}${suffix}`, { force: true });
  const passwordHash = await hashPassword(benchPassword());
  const db = openDatabase(file);
  try {
    migrateDatabase(db);
    // A throw-away database: skip the per-commit fsync while filling it.
    db.$client.pragma("synchronous = OFF");
    const written = db.transaction((tx) => fillCommunity(tx as unknown as Db, size, passwordHash, now));
    db.$client.pragma("wal_checkpoint(TRUNCATE)");
    return { seconds: (performance.now() - started) / 1000, written };
  } finally {
    db.$client.close();
  }
}

function parseSize(argv: string[]): BenchSize & { db: string } {
  const { values } = parseArgs({
    args: argv,
    options: {
      teams: { type: "string", default: "60" },
      cycles: { type: "string", default: "30" },
      updates: { type: "string", default: "20" },
      db: { type: "string", default: BENCH_DB },
    },
  });
  const count = (name: "teams" | "cycles" | "updates", max: number) => {
    const n = Number(values[name]);
    if (!Number.isInteger(n) || n < 1 || n > max) throw new Error(`--${name} must be a whole number from 1 to ${max}`);
    return n;
  };
  return { teams: count("teams", 1000), cycles: count("cycles", 200), updates: count("updates", 500), db: values.db };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  try {
    const { db, ...size } = parseSize(process.argv.slice(2));
    const { seconds, written } = await createBenchDatabase(db, size);
    console.log(
      `Filled ${db} in ${seconds.toFixed(1)} s: ${Object.entries(written)
        .map(([name, n]) => `${n} ${name}`)
        .join(", ")}.`,
    );
    console.log(
      `Accounts: ${BENCH_RELEASE_MANAGER} (release manager), ${benchLeadEmail(0)} (lead of ${benchTeamSlug(0)}); password ${benchPassword()}`,
    );
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
}
