import "server-only";
import { and, asc, count, desc, eq, lte, sql } from "drizzle-orm";
import { getDb, type Db } from "@/db/client";
import { metricDefinitions, metricValues, releaseCycles, roadmapItems, teams, updates } from "@/db/schema";
import type { Page } from "@/lib/http/api";
import type { MetricAggregation, MetricUnit } from "@/lib/domain";
import { aggregateMetric } from "@/lib/metrics";
import type { MetricValueFilters } from "@/lib/validation/api";
import { idOf, iso, paged, pageWindow } from "../paging";

export interface CycleNumber {
  metricId: number;
  key: string;
  label: string;
  unit: MetricUnit;
  aggregation: MetricAggregation;
  value: number | null;
  /** The teams whose values form this figure (or the metric's own team). */
  teamIds: number[];
}

/** Values count once they are public: recorded directly, or part of a published update (not a draft). */
export const countedValue = sql`(${metricValues}.source_update_id is null or exists (select 1 from ${updates} u where u.id = ${metricValues}.source_update_id and u.state = 'published'))`;

function definitions(db: Db) {
  return db
    .select({
      id: metricDefinitions.id,
      key: metricDefinitions.key,
      label: metricDefinitions.label,
      unit: metricDefinitions.unit,
      aggregation: metricDefinitions.aggregation,
      teamId: metricDefinitions.teamId,
    })
    .from(metricDefinitions)
    .where(eq(metricDefinitions.retired, false))
    .orderBy(asc(metricDefinitions.sortOrder), asc(metricDefinitions.id))
    .all();
}

/** Each metric's figure for one cycle, across teams, by the metric's rule; with `asOf`, from the values observed by then. */
export function readCycleNumbers(db: Db, cycleId: number, asOf?: Date): CycleNumber[] {
  const values = db
    .select({
      metricId: metricValues.metricId,
      teamId: metricValues.teamId,
      value: metricValues.value,
      observedAt: metricValues.observedAt,
    })
    .from(metricValues)
    .where(and(eq(metricValues.cycleId, cycleId), countedValue, asOf ? lte(metricValues.observedAt, asOf) : undefined))
    .all()
    .map((v) => ({ ...v, observedAt: v.observedAt.getTime() }));
  return definitions(db).map((d) => {
    const own = values.filter((v) => v.metricId === d.id);
    const teamIds = new Set(own.map((v) => v.teamId));
    if (d.teamId !== null) teamIds.add(d.teamId);
    return {
      metricId: d.id,
      key: d.key,
      label: d.label,
      unit: d.unit,
      aggregation: d.aggregation,
      value: aggregateMetric(d.aggregation, own),
      teamIds: [...teamIds],
    };
  });
}

export interface TeamMetricHistory {
  key: string;
  label: string;
  unit: MetricUnit;
  /** Oldest cycle first. */
  byCycle: { cycleSlug: string; cycleName: string; value: number | null }[];
}

/** One team's figures per cycle, for every metric it owns or has reported. */
export function readTeamNumbers(db: Db, teamId: number): TeamMetricHistory[] {
  const cycles = db
    .select({ id: releaseCycles.id, slug: releaseCycles.slug, name: releaseCycles.name })
    .from(releaseCycles)
    .orderBy(asc(releaseCycles.startsOn))
    .all();
  const values = db
    .select({
      metricId: metricValues.metricId,
      cycleId: metricValues.cycleId,
      teamId: metricValues.teamId,
      value: metricValues.value,
      observedAt: metricValues.observedAt,
    })
    .from(metricValues)
    .where(and(eq(metricValues.teamId, teamId), countedValue))
    .all()
    .map((v) => ({ ...v, observedAt: v.observedAt.getTime() }));
  return definitions(db)
    .filter((d) => d.teamId === teamId || values.some((v) => v.metricId === d.id))
    .map((d) => ({
      key: d.key,
      label: d.label,
      unit: d.unit,
      byCycle: cycles.map((c) => ({
        cycleSlug: c.slug,
        cycleName: c.name,
        value: aggregateMetric(
          d.aggregation,
          values.filter((v) => v.metricId === d.id && v.cycleId === c.id),
        ),
      })),
    }));
}

export interface Delivery {
  teamSlug: string;
  teamName: string;
  /** Items targeted at the cycle, not counting dropped ones. */
  planned: number;
  delivered: number;
}

/** Roadmap items delivered vs planned per team for a cycle, and overall. */
export function readDelivery(db: Db, cycleId: number): { teams: Delivery[]; overall: { planned: number; delivered: number } } {
  const rows = db
    .select({ slug: teams.slug, name: teams.name, status: roadmapItems.status })
    .from(roadmapItems)
    .innerJoin(teams, eq(teams.id, roadmapItems.teamId))
    .where(eq(roadmapItems.cycleId, cycleId))
    .orderBy(asc(teams.sortOrder))
    .all();
  const byTeam = new Map<string, Delivery>();
  for (const row of rows) {
    if (row.status === "dropped") continue;
    const entry = byTeam.get(row.slug) ?? { teamSlug: row.slug, teamName: row.name, planned: 0, delivered: 0 };
    entry.planned += 1;
    if (row.status === "done") entry.delivered += 1;
    byTeam.set(row.slug, entry);
  }
  const list = [...byTeam.values()];
  return {
    teams: list,
    overall: { planned: list.reduce((n, t) => n + t.planned, 0), delivered: list.reduce((n, t) => n + t.delivered, 0) },
  };
}

/** Metric definitions, optionally one team's (with the community-wide ones left out). */
export function listMetricDefinitions({ filters, page }: { filters: { team?: string }; page: Page }, db: Db = getDb()) {
  const teamId = idOf(db, teams, filters.team);
  const where = teamId === undefined ? undefined : eq(metricDefinitions.teamId, teamId);
  const total = db.select({ n: count() }).from(metricDefinitions).where(where).get()?.n ?? 0;
  const rows = db
    .select({
      key: metricDefinitions.key,
      label: metricDefinitions.label,
      description: metricDefinitions.description,
      unit: metricDefinitions.unit,
      direction: metricDefinitions.direction,
      aggregation: metricDefinitions.aggregation,
      team: teams.slug,
      retired: metricDefinitions.retired,
    })
    .from(metricDefinitions)
    .leftJoin(teams, eq(teams.id, metricDefinitions.teamId))
    .where(where)
    .orderBy(asc(metricDefinitions.sortOrder), asc(metricDefinitions.id))
    .limit(pageWindow(page).limit)
    .offset(pageWindow(page).offset)
    .all();
  return paged(rows, total, page);
}

/** Recorded metric values that count publicly (not those of unpublished drafts), newest first. */
export function listMetricValues({ filters, page }: { filters: MetricValueFilters; page: Page }, db: Db = getDb()) {
  const teamId = idOf(db, teams, filters.team);
  const cycleId = idOf(db, releaseCycles, filters.cycle);
  const metricId =
    filters.metric === undefined
      ? undefined
      : (db.select({ id: metricDefinitions.id }).from(metricDefinitions).where(eq(metricDefinitions.key, filters.metric)).get()?.id ?? -1);
  const where = and(
    countedValue,
    teamId === undefined ? undefined : eq(metricValues.teamId, teamId),
    cycleId === undefined ? undefined : eq(metricValues.cycleId, cycleId),
    metricId === undefined ? undefined : eq(metricValues.metricId, metricId),
  );
  const total = db.select({ n: count() }).from(metricValues).where(where).get()?.n ?? 0;
  const rows = db
    .select({
      id: metricValues.id,
      metric: metricDefinitions.key,
      team: teams.slug,
      cycle: releaseCycles.slug,
      value: metricValues.value,
      observedAt: metricValues.observedAt,
      note: metricValues.note,
      sourceUpdateId: metricValues.sourceUpdateId,
    })
    .from(metricValues)
    .innerJoin(metricDefinitions, eq(metricDefinitions.id, metricValues.metricId))
    .innerJoin(teams, eq(teams.id, metricValues.teamId))
    .innerJoin(releaseCycles, eq(releaseCycles.id, metricValues.cycleId))
    .where(where)
    .orderBy(desc(metricValues.observedAt), desc(metricValues.id))
    .limit(pageWindow(page).limit)
    .offset(pageWindow(page).offset)
    .all();
  return paged(
    rows.map((r) => ({ ...r, observedAt: iso(r.observedAt) })),
    total,
    page,
  );
}
