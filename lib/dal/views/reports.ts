/**
 * The cycle's recap and the comparison of two cycles, assembled from the data: the team
 * sections, the numbers, delivered vs planned, and the community topics. Nothing in a
 * report is typed by hand.
 */
import "server-only";
import { cacheLife, cacheTag } from "next/cache";
import { and, asc, desc, eq, inArray, or, sql } from "drizzle-orm";
import { getDb, type Db } from "@/db/client";
import { gatherings, helpRequests, releaseCycles, roadmapItems, teamLinks, teams, updateLinks, updates } from "@/db/schema";
import { HELP_STILL_WANTED, type Health, type RoadmapStatus } from "@/lib/domain";
import { liveDataVersion, tags, type DataVersion } from "../cache/cache";
import { readCycleBoard, type CycleBoard } from "../cycles/reads";
import { readCycleNumbers, readDelivery, type CycleNumber, type Delivery, type MetricMeta } from "../metrics/reads";
import type { Figure } from "@/lib/metrics";
import { updateSectionColumns, type UpdateSections } from "../updates/reads";

export interface ReportTeamSection {
  slug: string;
  name: string;
  mission: string;
  update: (UpdateSections & { id: number; publishedAt: number }) | null;
  numbers: CycleNumber[];
  helpWanted: { title: string; linkUrl: string | null; contact: string }[];
  links: { label: string; url: string }[];
}

export interface CycleReport {
  cycle: CycleBoard["cycle"];
  previousCycle: CycleBoard["previous"];
  /** The cycle's gatherings, each with a recap of its own. */
  gatherings: { slug: string; name: string }[];
  milestones: CycleBoard["milestones"];
  teams: ReportTeamSection[];
  numbers: CycleNumber[];
  delivery: CycleBoard["delivery"];
  topics: CycleBoard["topics"];
}

export function readCycleReport(db: Db, slug: string): CycleReport | null {
  const board = readCycleBoard(db, slug);
  if (!board) return null;
  const cycleId = board.cycle.id;

  const latest = db
    .select({ id: updates.id, teamId: updates.teamId, ...updateSectionColumns, publishedAt: updates.publishedAt })
    .from(updates)
    .where(and(eq(updates.cycleId, cycleId), eq(updates.state, "published")))
    .orderBy(desc(updates.publishedAt), desc(updates.id))
    .all();
  const teamRows = db
    .select({ id: teams.id, slug: teams.slug, name: teams.name, mission: teams.mission })
    .from(teams)
    .where(eq(teams.archived, false))
    .orderBy(asc(teams.sortOrder))
    .all();
  const updateIds = [
    ...new Set(teamRows.map((t) => latest.find((u) => u.teamId === t.id)?.id).filter((id): id is number => id !== undefined)),
  ];
  const links = [
    ...db
      .select({ owner: sql<string>`'team-' || ${teamLinks.teamId}`, label: teamLinks.label, url: teamLinks.url })
      .from(teamLinks)
      .orderBy(asc(teamLinks.sortOrder))
      .all(),
    ...(updateIds.length > 0
      ? db
          .select({ owner: sql<string>`'update-' || ${updateLinks.updateId}`, label: updateLinks.label, url: updateLinks.url })
          .from(updateLinks)
          .where(inArray(updateLinks.updateId, updateIds))
          .orderBy(asc(updateLinks.sortOrder))
          .all()
      : []),
  ];
  const requests = db
    .select({ teamId: helpRequests.teamId, title: helpRequests.title, linkUrl: helpRequests.linkUrl, contact: helpRequests.contact })
    .from(helpRequests)
    .where(and(eq(helpRequests.cycleId, cycleId), inArray(helpRequests.status, HELP_STILL_WANTED)))
    .all();

  return {
    cycle: board.cycle,
    previousCycle: board.previous,
    gatherings: db
      .select({ slug: gatherings.slug, name: gatherings.name })
      .from(gatherings)
      .where(or(eq(gatherings.cycleId, cycleId), eq(gatherings.wrapsCycleId, cycleId)))
      .orderBy(asc(gatherings.startsOn))
      .all(),
    milestones: board.milestones,
    teams: teamRows.map((team) => {
      const update = latest.find((u) => u.teamId === team.id);
      const seen = new Set<string>();
      return {
        slug: team.slug,
        name: team.name,
        mission: team.mission,
        update: update ? { ...update, health: update.health as Health, publishedAt: update.publishedAt?.getTime() ?? 0 } : null,
        numbers: board.numbers.filter((n) => n.teamIds.includes(team.id)),
        helpWanted: [
          ...requests.filter((r) => r.teamId === team.id).map(({ teamId: _teamId, ...r }) => r),
          ...board.helpWanted
            .filter((h) => h.teamSlug === team.slug && h.key.startsWith("roadmap-"))
            .map((h) => ({ title: h.title, linkUrl: h.linkUrl, contact: h.contact })),
        ],
        links: links
          .filter((l) => l.owner === `team-${team.id}` || (update && l.owner === `update-${update.id}`))
          .filter((l) => (seen.has(l.url) ? false : (seen.add(l.url), true)))
          .map(({ label, url }) => ({ label, url })),
      };
    }),
    numbers: board.numbers,
    delivery: board.delivery,
    topics: board.topics,
  };
}

export async function getCycleReport({ cycle }: { cycle: string }): Promise<CycleReport | null> {
  return cachedCycleReport(cycle, await liveDataVersion());
}

async function cachedCycleReport(slug: string, _dataVersion: DataVersion): Promise<CycleReport | null> {
  "use cache";
  cacheLife("dashboard");
  const report = readCycleReport(getDb(), slug);
  // A recap shows every team (with its links) and the previous cycle's figures.
  const teamTags = getDb()
    .select({ id: teams.id })
    .from(teams)
    .all()
    .map((t) => tags.team(t.id));
  cacheTag(
    tags.cycles,
    tags.teams,
    tags.teamList,
    ...teamTags,
    ...(report ? [tags.cycle(report.cycle.id)] : []),
    ...(report?.previousCycle ? [tags.cycle(report.previousCycle.id)] : []),
  );
  return report;
}

export interface CycleComparison {
  a: { id: number; slug: string; name: string };
  b: { id: number; slug: string; name: string };
  numbers: (MetricMeta & { a: Figure; b: Figure })[];
  delivery: { teamSlug: string; teamName: string; a: Delivery | null; b: Delivery | null }[];
  overall: { a: { planned: number; delivered: number }; b: { planned: number; delivered: number } };
  health: { teamSlug: string; teamName: string; a: Health | null; b: Health | null }[];
  /** Items planned for one cycle and moved to another, with where they started. */
  slipped: { teamName: string; title: string; originalCycle: string; nowIn: string; status: RoadmapStatus }[];
}

export function readCycleComparison(db: Db, aSlug: string, bSlug: string): CycleComparison | null {
  const [a, b] = [aSlug, bSlug].map((slug) =>
    db
      .select({ id: releaseCycles.id, slug: releaseCycles.slug, name: releaseCycles.name })
      .from(releaseCycles)
      .where(eq(releaseCycles.slug, slug))
      .get(),
  );
  if (!a || !b) return null;
  const [numbersA, numbersB] = [readCycleNumbers(db, a.id), readCycleNumbers(db, b.id)];
  const [deliveryA, deliveryB] = [readDelivery(db, a.id), readDelivery(db, b.id)];
  const teamRows = db
    .select({ id: teams.id, slug: teams.slug, name: teams.name })
    .from(teams)
    .where(eq(teams.archived, false))
    .orderBy(asc(teams.sortOrder))
    .all();
  const latestHealth = (cycleId: number, teamId: number) =>
    (db
      .select({ health: updates.health })
      .from(updates)
      .where(and(eq(updates.cycleId, cycleId), eq(updates.teamId, teamId), eq(updates.state, "published")))
      .orderBy(desc(updates.publishedAt))
      .get()?.health as Health | undefined) ?? null;
  const cycleNames = new Map(
    db
      .select({ id: releaseCycles.id, name: releaseCycles.name })
      .from(releaseCycles)
      .all()
      .map((c) => [c.id, c.name]),
  );
  const slipped = db
    .select({
      teamName: teams.name,
      title: roadmapItems.title,
      originalCycleId: roadmapItems.originalCycleId,
      cycleId: roadmapItems.cycleId,
      status: roadmapItems.status,
    })
    .from(roadmapItems)
    .innerJoin(teams, eq(teams.id, roadmapItems.teamId))
    .where(
      sql`${roadmapItems.originalCycleId} <> ${roadmapItems.cycleId} and ((${roadmapItems.originalCycleId} = ${a.id} and ${roadmapItems.cycleId} = ${b.id}) or (${roadmapItems.originalCycleId} = ${b.id} and ${roadmapItems.cycleId} = ${a.id}))`,
    )
    .orderBy(asc(teams.sortOrder), asc(roadmapItems.sortOrder))
    .all();
  return {
    a,
    b,
    numbers: numbersA.map(({ value, teamIds: _teamIds, ...n }) => ({
      ...n,
      a: value,
      b: numbersB.find((m) => m.key === n.key)?.value ?? null,
    })),
    delivery: teamRows
      .map((t) => ({
        teamSlug: t.slug,
        teamName: t.name,
        a: deliveryA.teams.find((d) => d.teamSlug === t.slug) ?? null,
        b: deliveryB.teams.find((d) => d.teamSlug === t.slug) ?? null,
      }))
      .filter((row) => row.a || row.b),
    overall: { a: deliveryA.overall, b: deliveryB.overall },
    health: teamRows.map((t) => ({ teamSlug: t.slug, teamName: t.name, a: latestHealth(a.id, t.id), b: latestHealth(b.id, t.id) })),
    slipped: slipped.map((s) => ({
      teamName: s.teamName,
      title: s.title,
      originalCycle: cycleNames.get(s.originalCycleId) ?? "",
      nowIn: cycleNames.get(s.cycleId) ?? "",
      status: s.status,
    })),
  };
}

export async function getCycleComparison({ a, b }: { a: string; b: string }): Promise<CycleComparison | null> {
  return cachedComparison(a, b, await liveDataVersion());
}

async function cachedComparison(a: string, b: string, _dataVersion: DataVersion): Promise<CycleComparison | null> {
  "use cache";
  cacheLife("dashboard");
  const comparison = readCycleComparison(getDb(), a, b);
  cacheTag(tags.cycles, tags.teams, tags.teamList, ...(comparison ? [tags.cycle(comparison.a.id), tags.cycle(comparison.b.id)] : []));
  return comparison;
}
