import "server-only";
import { and, asc, count, desc, eq, inArray, lte, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import { getDb, type Db } from "@/db/client";
import { apiTokens, metricDefinitions, metricValues, people, releaseCycles, roadmapItems, teams, updates } from "@/db/schema";
import type { Page } from "@/lib/http/api";
import type { MetricAggregation, MetricDirection } from "@/lib/domain";
import { aggregateMetric, figureOf, type Figure, type MetricShape } from "@/lib/metrics";
import type { MetricValueFilters } from "@/lib/validation/api";
import { idOf, iso, paged, pageWindow } from "../paging";

/** A metric as the pages read it: what it is called, its kind, which way is better, how a cycle's figure is formed. */
export interface MetricMeta extends MetricShape {
  metricId: number;
  key: string;
  label: string;
  direction: MetricDirection;
  aggregation: MetricAggregation;
}

export interface CycleNumber extends MetricMeta {
  value: Figure;
  /** The teams whose values form this figure (or the metric's own team). */
  teamIds: number[];
}

/** Values count once they are public: recorded directly, or part of a published update (not a draft). */
export const countedValue = sql`(${metricValues}.source_update_id is null or exists (select 1 from ${updates} u where u.id = ${metricValues}.source_update_id and u.state = 'published'))`;

/**
 * Whether a value makes up its cycle's figure. The figure an update reports is its team's
 * figure as of that update, so the team's later published update reporting the same metric
 * for the cycle replaces it: a correction replaces the wrong figure, it is never added to it.
 * Values recorded directly (a CI job's weekly runs, a person) each count. With `asOf`, only
 * what was observed by then replaces.
 */
export function inFigure(asOf?: Date) {
  return sql`(${countedValue} and (${metricValues}.source_update_id is null or not exists (
    select 1 from ${metricValues} later
    join ${updates} later_update on later_update.id = later.source_update_id
    join ${updates} own_update on own_update.id = ${metricValues}.source_update_id
    where later.metric_id = ${metricValues}.metric_id and later.team_id = ${metricValues}.team_id and later.cycle_id = ${metricValues}.cycle_id
      and later_update.state = 'published'
      and (later_update.published_at > own_update.published_at or (later_update.published_at = own_update.published_at and later_update.id > own_update.id))
      ${asOf ? sql`and later.observed_at <= ${asOf.getTime()}` : sql``})))`;
}

const metricMeta = {
  metricId: metricDefinitions.id,
  key: metricDefinitions.key,
  label: metricDefinitions.label,
  kind: metricDefinitions.kind,
  decimals: metricDefinitions.decimals,
  direction: metricDefinitions.direction,
  aggregation: metricDefinitions.aggregation,
};

function definitions(db: Db) {
  return db
    .select({ ...metricMeta, teamId: metricDefinitions.teamId })
    .from(metricDefinitions)
    .where(eq(metricDefinitions.retired, false))
    .orderBy(asc(metricDefinitions.sortOrder), asc(metricDefinitions.id))
    .all();
}

const valueColumns = {
  metricId: metricValues.metricId,
  cycleId: metricValues.cycleId,
  teamId: metricValues.teamId,
  value: metricValues.value,
  entered: metricValues.entered,
  observedAt: metricValues.observedAt,
};

/** Each metric's figure for one cycle, across teams, by the metric's rule; with `asOf`, from the values observed by then. */
export function readCycleNumbers(db: Db, cycleId: number, asOf?: Date): CycleNumber[] {
  const values = db
    .select(valueColumns)
    .from(metricValues)
    .where(and(eq(metricValues.cycleId, cycleId), inFigure(asOf), asOf ? lte(metricValues.observedAt, asOf) : undefined))
    .all()
    .map((v) => ({ ...v, observedAt: v.observedAt.getTime() }));
  return definitions(db).map(({ teamId, ...d }) => {
    const own = values.filter((v) => v.metricId === d.metricId).map((v) => ({ ...v, value: figureOf(d.kind, v) }));
    const teamIds = new Set(own.map((v) => v.teamId));
    if (teamId !== null) teamIds.add(teamId);
    return { ...d, value: aggregateMetric(d, own), teamIds: [...teamIds] };
  });
}

export interface TeamMetricHistory extends MetricMeta {
  /** Oldest cycle first. */
  byCycle: { cycleSlug: string; cycleName: string; value: Figure }[];
}

/** One team's figures per cycle, for every metric it owns or has reported. */
export function readTeamNumbers(db: Db, teamId: number): TeamMetricHistory[] {
  const cycles = db
    .select({ id: releaseCycles.id, slug: releaseCycles.slug, name: releaseCycles.name })
    .from(releaseCycles)
    .orderBy(asc(releaseCycles.startsOn))
    .all();
  const values = db
    .select(valueColumns)
    .from(metricValues)
    .where(and(eq(metricValues.teamId, teamId), inFigure()))
    .all()
    .map((v) => ({ ...v, observedAt: v.observedAt.getTime() }));
  return definitions(db)
    .filter((d) => d.teamId === teamId || values.some((v) => v.metricId === d.metricId))
    .map(({ teamId: _teamId, ...d }) => ({
      ...d,
      byCycle: cycles.map((c) => ({
        cycleSlug: c.slug,
        cycleName: c.name,
        value: aggregateMetric(
          d,
          values.filter((v) => v.metricId === d.metricId && v.cycleId === c.id).map((v) => ({ ...v, value: figureOf(d.kind, v) })),
        ),
      })),
    }));
}

/** Who or what recorded a value: an update, a person's API token, a person, or a command-line tool. */
export type ValueSource =
  | { via: "update"; updateId: number; headline: string; person: string | null }
  | { via: "token"; token: string; person: string | null }
  | { via: "person"; person: string }
  | { via: "system" };

const recorder = alias(people, "recorder");
const sourceColumns = {
  sourceUpdateId: metricValues.sourceUpdateId,
  sourceHeadline: updates.headline,
  sourceToken: apiTokens.name,
  recorder: recorder.name,
};

function sourceOf(row: {
  sourceUpdateId: number | null;
  sourceHeadline: string | null;
  sourceToken: string | null;
  recorder: string | null;
}) {
  if (row.sourceUpdateId !== null)
    return { via: "update", updateId: row.sourceUpdateId, headline: row.sourceHeadline ?? "", person: row.recorder } as const;
  if (row.sourceToken !== null) return { via: "token", token: row.sourceToken, person: row.recorder } as const;
  if (row.recorder !== null) return { via: "person", person: row.recorder } as const;
  return { via: "system" } as const;
}

/** One public value behind a cycle's figure, with who recorded it and whether it still counts. */
export interface FigureValue {
  id: number;
  metricId: number;
  teamId: number;
  value: number | string;
  /** Milliseconds since 1970. */
  observedAt: number;
  note: string;
  source: ValueSource;
  /** False when a later update of the team replaced it. */
  counts: boolean;
}

/** The public values of one team's metrics in a cycle, oldest first: what its figures are made of. */
export function readFigureValues(
  db: Db,
  { teamId, cycleId, metricIds }: { teamId: number; cycleId: number; metricIds: number[] },
): FigureValue[] {
  if (metricIds.length === 0) return [];
  return db
    .select({
      id: metricValues.id,
      metricId: metricValues.metricId,
      teamId: metricValues.teamId,
      kind: metricDefinitions.kind,
      value: metricValues.value,
      entered: metricValues.entered,
      observedAt: metricValues.observedAt,
      note: metricValues.note,
      counts: sql<number>`${inFigure()}`,
      ...sourceColumns,
    })
    .from(metricValues)
    .innerJoin(metricDefinitions, eq(metricDefinitions.id, metricValues.metricId))
    .leftJoin(updates, eq(updates.id, metricValues.sourceUpdateId))
    .leftJoin(apiTokens, eq(apiTokens.id, metricValues.sourceTokenId))
    .leftJoin(recorder, eq(recorder.id, metricValues.recordedById))
    .where(and(eq(metricValues.teamId, teamId), eq(metricValues.cycleId, cycleId), inArray(metricValues.metricId, metricIds), countedValue))
    .orderBy(asc(metricValues.observedAt), asc(metricValues.id))
    .all()
    .map((r) => ({
      id: r.id,
      metricId: r.metricId,
      teamId: r.teamId,
      value: figureOf(r.kind, r),
      observedAt: r.observedAt.getTime(),
      note: r.note,
      source: sourceOf(r),
      counts: Boolean(r.counts),
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
      kind: metricDefinitions.kind,
      decimals: metricDefinitions.decimals,
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

/** Recorded metric values that count publicly (not those of unpublished drafts), newest first, with who recorded each and whether it makes up its cycle's figure. */
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
  const rows = valueAnswers(db)
    .where(where)
    .orderBy(desc(metricValues.observedAt), desc(metricValues.id))
    .limit(pageWindow(page).limit)
    .offset(pageWindow(page).offset)
    .all();
  return paged(rows.map(metricValueAnswer), total, page);
}

/** One public value as the API answers it, e.g. after a correction; null when there is none with this id. */
export function readMetricValue(db: Db, id: number) {
  const row = valueAnswers(db)
    .where(and(eq(metricValues.id, id), countedValue))
    .get();
  return row ? metricValueAnswer(row) : null;
}

/** Values with what the API answers about each: metric, team, cycle, who recorded it, whether it counts. */
function valueAnswers(db: Db) {
  return db
    .select({
      id: metricValues.id,
      metric: metricDefinitions.key,
      kind: metricDefinitions.kind,
      team: teams.slug,
      cycle: releaseCycles.slug,
      value: metricValues.value,
      entered: metricValues.entered,
      observedAt: metricValues.observedAt,
      note: metricValues.note,
      countsInFigure: sql<number>`${inFigure()}`,
      ...sourceColumns,
    })
    .from(metricValues)
    .innerJoin(metricDefinitions, eq(metricDefinitions.id, metricValues.metricId))
    .innerJoin(teams, eq(teams.id, metricValues.teamId))
    .innerJoin(releaseCycles, eq(releaseCycles.id, metricValues.cycleId))
    .leftJoin(updates, eq(updates.id, metricValues.sourceUpdateId))
    .leftJoin(apiTokens, eq(apiTokens.id, metricValues.sourceTokenId))
    .leftJoin(recorder, eq(recorder.id, metricValues.recordedById));
}

/** A value as the API answers it (lib/validation/api.ts metricValueSchema). */
function metricValueAnswer(r: ReturnType<ReturnType<typeof valueAnswers>["all"]>[number]) {
  return {
    id: r.id,
    metric: r.metric,
    team: r.team,
    cycle: r.cycle,
    value: figureOf(r.kind, r),
    observedAt: iso(r.observedAt),
    note: r.note,
    sourceUpdateId: r.sourceUpdateId,
    recordedBy: sourceOf(r),
    countsInFigure: Boolean(r.countsInFigure),
  };
}
