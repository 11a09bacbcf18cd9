/**
 * One cycle as data for spreadsheets and scripts: its milestones, each team's health, the
 * published updates, the numbers and the roadmap. Public, like the dashboard: drafts and
 * private notes never appear (only published updates are read, and never their note).
 */
import "server-only";
import { cacheLife, cacheTag } from "next/cache";
import { and, asc, desc, eq, inArray, sql } from "drizzle-orm";
import { getDb, type Db } from "@/db/client";
import {
  gatherings,
  helpRequests,
  metricDefinitions,
  metricValues,
  releaseCycles,
  roadmapItemLinks,
  roadmapItems,
  teams,
  updateLinks,
  updates,
} from "@/db/schema";
import type { CycleStatus, Health, HelpStatus, MetricKind, RoadmapKind, RoadmapStatus, TrackerKind } from "@/lib/domain";
import { figureOf, type Figure } from "@/lib/metrics";
import { liveDataVersion, tags, type DataVersion } from "../cache/cache";
import { readCycleBoard } from "../cycles/reads";
import { countedValue, inFigure } from "../metrics/reads";
import { updateSectionColumns, type UpdateSections } from "../updates/reads";

export interface CycleExport {
  cycle: {
    slug: string;
    name: string;
    status: CycleStatus;
    startsOn: string;
    targetReleaseOn: string;
    releasedOn: string | null;
    summary: string;
  };
  milestones: { name: string; dueOn: string; doneOn: string | null }[];
  /** Each active team's health: that of its latest published update in the cycle. */
  teams: {
    slug: string;
    name: string;
    health: Health | null;
    latestUpdateId: number | null;
    lastPublishedAt: string | null;
    roadmapDone: number;
    roadmapTotal: number;
  }[];
  updates: (UpdateSections & {
    id: number;
    team: string;
    gathering: string | null;
    publishedAt: string;
    links: { label: string; url: string }[];
  })[];
  /** The cycle's figures, each formed by its metric's rule. */
  numbers: { key: string; label: string; kind: MetricKind; decimals: number | null; aggregation: string; value: Figure }[];
  /** The values behind the figures, as recorded; a value a later update of its team replaced does not count. */
  metricValues: { metric: string; team: string; value: number | string; observedAt: string; note: string; countsInFigure: boolean }[];
  roadmapItems: {
    id: number;
    team: string;
    title: string;
    description: string;
    status: RoadmapStatus;
    kind: RoadmapKind;
    helpWanted: boolean;
    /** The cycle it was first planned for, when it slipped into this one. */
    originalCycle: string;
    links: { kind: TrackerKind; label: string; url: string }[];
  }[];
  helpRequests: { team: string; title: string; details: string; linkUrl: string | null; contact: string; status: HelpStatus }[];
}

const iso = (date: Date | null) => (date ? date.toISOString() : null);

export function readCycleExport(db: Db, slug: string): CycleExport | null {
  const board = readCycleBoard(db, slug);
  if (!board) return null;
  const cycleId = board.cycle.id;
  const teamSlugs = new Map(
    db
      .select({ id: teams.id, slug: teams.slug })
      .from(teams)
      .all()
      .map((t) => [t.id, t.slug]),
  );
  const teamSlug = (id: number) => teamSlugs.get(id) ?? String(id);

  const published = db
    .select({
      id: updates.id,
      teamId: updates.teamId,
      ...updateSectionColumns,
      gathering: gatherings.slug,
      publishedAt: updates.publishedAt,
    })
    .from(updates)
    .leftJoin(gatherings, eq(gatherings.id, updates.gatheringId))
    .where(and(eq(updates.cycleId, cycleId), eq(updates.state, "published")))
    .orderBy(desc(updates.publishedAt), desc(updates.id))
    .all();
  const links = published.length
    ? db
        .select({ updateId: updateLinks.updateId, label: updateLinks.label, url: updateLinks.url })
        .from(updateLinks)
        .where(
          inArray(
            updateLinks.updateId,
            published.map((u) => u.id),
          ),
        )
        .orderBy(asc(updateLinks.sortOrder), asc(updateLinks.id))
        .all()
    : [];

  const items = db
    .select({
      id: roadmapItems.id,
      teamId: roadmapItems.teamId,
      title: roadmapItems.title,
      description: roadmapItems.description,
      status: roadmapItems.status,
      kind: roadmapItems.kind,
      helpWanted: roadmapItems.helpWanted,
      originalCycle: sql<string>`(select c.name from ${releaseCycles} c where c.id = ${roadmapItems.originalCycleId})`,
    })
    .from(roadmapItems)
    .innerJoin(teams, eq(teams.id, roadmapItems.teamId))
    .where(eq(roadmapItems.cycleId, cycleId))
    .orderBy(asc(teams.sortOrder), asc(roadmapItems.sortOrder), asc(roadmapItems.id))
    .all();
  const itemLinks = items.length
    ? db
        .select({ itemId: roadmapItemLinks.itemId, kind: roadmapItemLinks.kind, label: roadmapItemLinks.label, url: roadmapItemLinks.url })
        .from(roadmapItemLinks)
        .where(
          inArray(
            roadmapItemLinks.itemId,
            items.map((i) => i.id),
          ),
        )
        .orderBy(asc(roadmapItemLinks.id))
        .all()
    : [];

  const values = db
    .select({
      metric: metricDefinitions.key,
      kind: metricDefinitions.kind,
      teamId: metricValues.teamId,
      value: metricValues.value,
      entered: metricValues.entered,
      observedAt: metricValues.observedAt,
      note: metricValues.note,
      countsInFigure: sql<number>`${inFigure()}`,
    })
    .from(metricValues)
    .innerJoin(metricDefinitions, eq(metricDefinitions.id, metricValues.metricId))
    .where(and(eq(metricValues.cycleId, cycleId), eq(metricDefinitions.retired, false), countedValue))
    .orderBy(asc(metricDefinitions.sortOrder), asc(metricValues.observedAt), asc(metricValues.id))
    .all();

  const requests = db
    .select({
      teamId: helpRequests.teamId,
      title: helpRequests.title,
      details: helpRequests.details,
      linkUrl: helpRequests.linkUrl,
      contact: helpRequests.contact,
      status: helpRequests.status,
    })
    .from(helpRequests)
    .where(eq(helpRequests.cycleId, cycleId))
    .orderBy(asc(helpRequests.id))
    .all();

  const { id: _id, teamsReporting: _teamsReporting, ...cycle } = board.cycle;
  return {
    cycle,
    milestones: board.milestones.map(({ name, dueOn, doneOn }) => ({ name, dueOn, doneOn })),
    teams: board.teams.map((t) => ({
      slug: t.slug,
      name: t.name,
      health: t.latestUpdate?.health ?? null,
      latestUpdateId: t.latestUpdate?.id ?? null,
      lastPublishedAt: t.latestUpdate ? new Date(t.latestUpdate.publishedAt).toISOString() : null,
      roadmapDone: t.roadmap.done,
      roadmapTotal: t.roadmap.total,
    })),
    updates: published.map(({ teamId, publishedAt, ...u }) => ({
      ...u,
      team: teamSlug(teamId),
      publishedAt: iso(publishedAt) ?? "",
      links: links.filter((l) => l.updateId === u.id).map(({ label, url }) => ({ label, url })),
    })),
    numbers: board.numbers.map(({ key, label, kind, decimals, aggregation, value }) => ({
      key,
      label,
      kind,
      decimals,
      aggregation,
      value,
    })),
    metricValues: values.map((v) => ({
      metric: v.metric,
      team: teamSlug(v.teamId),
      value: figureOf(v.kind, v),
      observedAt: v.observedAt.toISOString(),
      note: v.note,
      countsInFigure: Boolean(v.countsInFigure),
    })),
    roadmapItems: items.map(({ teamId, ...item }) => ({
      ...item,
      team: teamSlug(teamId),
      links: itemLinks.filter((l) => l.itemId === item.id).map(({ kind, label, url }) => ({ kind, label, url })),
    })),
    helpRequests: requests.map(({ teamId, ...r }) => ({ ...r, team: teamSlug(teamId) })),
  };
}

export async function getCycleExport({ cycle }: { cycle: string }): Promise<CycleExport | null> {
  return cachedCycleExport(cycle, await liveDataVersion());
}

async function cachedCycleExport(slug: string, _dataVersion: DataVersion): Promise<CycleExport | null> {
  "use cache";
  cacheLife("dashboard");
  const db = getDb();
  const cycleId = db.select({ id: releaseCycles.id }).from(releaseCycles).where(eq(releaseCycles.slug, slug)).get()?.id;
  // Like the recap: every team's health, and this cycle's updates, numbers and roadmap.
  cacheTag(tags.cycles, tags.teams, tags.teamList, ...(cycleId ? [tags.cycle(cycleId)] : []));
  return readCycleExport(db, slug);
}
