/** What team leads do to updates: start one, save it (content, links, numbers), publish it. */
import "server-only";
import { and, asc, desc, eq, inArray, lte, ne, sql } from "drizzle-orm";
import { getDb, type Db, type Tx } from "@/db/client";
import { gatherings, healthDefinitions, metricDefinitions, metricValues, releaseCycles, teams, updateLinks, updates } from "@/db/schema";
import { bySection, CARRIED_FORWARD_SECTIONS, type Health, type UpdateSectionKey } from "@/lib/domain";
import { InputError, NotFoundError } from "@/lib/errors";
import { aggregateMetric, editableText, type Figure, type MetricShape } from "@/lib/metrics";
import { assertCan, can, type Actor } from "@/lib/permissions";
import type { EditorChanges, PublishUpdateInput, SaveUpdateInput, StartUpdateInput } from "@/lib/validation/update";
import { recordAudit } from "../audit/audit";
import { cycleBySlug, teamForWriting } from "../lookups";
import { readFigureValues, type FigureValue } from "../metrics/reads";
import { storedValue } from "../metrics/writes";
import { asOfMoment, changeUpdate, dateReportedValues, EDITABLE_FIELDS, type UpdateSnapshot } from "./writes";
import { latestPublishedUpdateId } from "./visibility";

/** A team's open draft for a cycle: what "Post update" offers to continue instead of starting another. */
export interface OpenDraft {
  id: number;
  teamSlug: string;
  teamName: string;
  cycleSlug: string;
  cycleName: string;
  headline: string;
  updatedAt: number;
}

function openDrafts(db: Db, teamIds: number[]): OpenDraft[] {
  if (teamIds.length === 0) return [];
  return db
    .select({
      id: updates.id,
      teamSlug: teams.slug,
      teamName: teams.name,
      cycleSlug: releaseCycles.slug,
      cycleName: releaseCycles.name,
      headline: updates.headline,
      updatedAt: updates.updatedAt,
    })
    .from(updates)
    .innerJoin(teams, eq(teams.id, updates.teamId))
    .innerJoin(releaseCycles, eq(releaseCycles.id, updates.cycleId))
    .where(and(inArray(updates.teamId, teamIds), eq(updates.state, "draft")))
    .orderBy(desc(updates.updatedAt), desc(updates.id))
    .all()
    .map((d) => ({ ...d, updatedAt: d.updatedAt.getTime() }));
}

/** A team's open drafts, newest first, for those who may read them (its page lists them). */
export function listOpenDrafts({ actor, teamSlug }: { actor: Actor; teamSlug: string }, db: Db = getDb()): OpenDraft[] {
  const team = db.select({ id: teams.id }).from(teams).where(eq(teams.slug, teamSlug)).get();
  if (!team) throw new NotFoundError("Team");
  assertCan(actor, "update.read_draft", { teamId: team.id });
  return openDrafts(db, [team.id]);
}

/** The open drafts of the teams a person leads, newest first: their inbox lists them so none is forgotten. */
export function listLeadsOpenDrafts({ actor }: { actor: Actor }, db: Db = getDb()): OpenDraft[] {
  if (actor.kind !== "person") return [];
  return openDrafts(
    db,
    actor.leadOf.filter((teamId) => can(actor, "update.read_draft", { teamId })),
  );
}

/** The teams and cycles the actor can start an update for, and each team's last published update. */
export function getStartOptions({ actor }: { actor: Actor }, db: Db = getDb()) {
  const writable = db
    .select({ id: teams.id, slug: teams.slug, name: teams.name })
    .from(teams)
    .where(eq(teams.archived, false))
    .orderBy(asc(teams.sortOrder))
    .all()
    .filter((t) => can(actor, "update.write", { teamId: t.id }));
  // Released cycles come last: posting there is entering history, dated when it is published.
  const cycles = db
    .select({ slug: releaseCycles.slug, name: releaseCycles.name, status: releaseCycles.status })
    .from(releaseCycles)
    .orderBy(sql`${releaseCycles.status} = 'released'`, desc(releaseCycles.startsOn))
    .all();
  // Every writable team's last update in one query, not one query per team (an admin may write for all).
  const last = new Map(
    (writable.length === 0
      ? []
      : db
          .select({ teamId: teams.id, id: updates.id, headline: updates.headline, cycleName: releaseCycles.name })
          .from(teams)
          .innerJoin(updates, eq(updates.id, latestPublishedUpdateId(teams.id)))
          .innerJoin(releaseCycles, eq(releaseCycles.id, updates.cycleId))
          .where(
            inArray(
              teams.id,
              writable.map((t) => t.id),
            ),
          )
          .all()
    ).map(({ teamId, ...update }) => [teamId, update]),
  );
  const lastUpdates = writable.map((team) => ({ teamSlug: team.slug, last: last.get(team.id) ?? null }));
  return {
    teams: writable,
    cycles,
    lastUpdates,
    drafts: openDrafts(
      db,
      writable.map((t) => t.id),
    ),
  };
}

/** Creates a draft, blank or filled with what carries forward from the team's last published update. */
export function startUpdate({ actor, input }: { actor: Actor; input: StartUpdateInput }, db: Db = getDb()): { id: number } {
  return db.transaction((tx) => {
    const team = teamForWriting(tx, input.team);
    assertCan(actor, "update.write", { teamId: team.id });
    const cycle = cycleBySlug(tx, input.cycle);
    const last = input.prefill
      ? tx
          .select()
          .from(updates)
          .where(and(eq(updates.teamId, team.id), eq(updates.state, "published")))
          .orderBy(desc(updates.publishedAt))
          .get()
      : undefined;
    const gathering = tx
      .select({ id: gatherings.id })
      .from(gatherings)
      .where(eq(gatherings.cycleId, cycle.id))
      .orderBy(desc(gatherings.startsOn))
      .get();
    const carried = last ? Object.fromEntries(CARRIED_FORWARD_SECTIONS.map((key) => [key, last[key]])) : {};
    const row = tx
      .insert(updates)
      .values({
        headline: `${team.name} update`,
        health: "on_track" as Health,
        ...carried,
        teamId: team.id,
        cycleId: cycle.id,
        gatheringId: gathering?.id ?? null,
        authorId: actor.kind === "person" ? actor.id : null,
        state: "draft",
      })
      .returning({ id: updates.id })
      .get();
    if (last) {
      const links = tx
        .select({ label: updateLinks.label, url: updateLinks.url, sortOrder: updateLinks.sortOrder })
        .from(updateLinks)
        .where(eq(updateLinks.updateId, last.id))
        .all();
      if (links.length > 0)
        tx.insert(updateLinks)
          .values(links.map((l) => ({ ...l, updateId: row.id })))
          .run();
    }
    recordAudit(tx, actor, {
      action: "update.start",
      entityType: "update",
      entityId: row.id,
      after: { team: team.slug, cycle: input.cycle, prefilledFrom: last?.id ?? null },
    });
    return { id: row.id };
  });
}

export interface EditorMetric extends MetricShape {
  metricId: number;
  label: string;
  /** What this update reports, as the text to edit it from ("" when nothing). */
  value: string;
  /** The team's figure for the previous cycle, for comparison. */
  previous: { cycleName: string; value: Figure } | null;
  /**
   * The cycle's figure as it stands and every public value recorded for it (a CI token's,
   * another update's, this update's once published), each saying whether it still counts.
   */
  figure: { value: Figure; values: (FigureValue & { thisUpdate: boolean })[] };
}

/** The team's update before this one, shown beside the editor section by section. */
export interface PreviousUpdate {
  id: number;
  headline: string;
  health: Health;
  cycleName: string;
  publishedAt: number;
  sections: Record<UpdateSectionKey, string>;
}

export interface UpdateForEditing {
  id: number;
  version: number;
  state: "draft" | "published";
  team: { id: number; slug: string; name: string };
  cycle: { id: number; slug: string; name: string };
  gatheringSlug: string | null;
  gatherings: { slug: string; name: string }[];
  snapshot: UpdateSnapshot;
  metrics: EditorMetric[];
  /** Whether the editor may correct and delete the values behind the team's figures. */
  canCorrectValues: boolean;
  healthDefinitions: { health: Health; label: string; meaning: string }[];
  previousUpdate: PreviousUpdate | null;
  updatedAt: number;
}

function previousUpdateOf(db: Db, update: { id: number; teamId: number; publishedAt: Date | null }): PreviousUpdate | null {
  const row = db
    .select({ update: updates, cycleName: releaseCycles.name })
    .from(updates)
    .innerJoin(releaseCycles, eq(releaseCycles.id, updates.cycleId))
    .where(
      and(
        eq(updates.teamId, update.teamId),
        eq(updates.state, "published"),
        ne(updates.id, update.id),
        update.publishedAt ? lte(updates.publishedAt, update.publishedAt) : undefined,
      ),
    )
    .orderBy(desc(updates.publishedAt), desc(updates.id))
    .get();
  if (!row) return null;
  const { update: previous } = row;
  return {
    id: previous.id,
    headline: previous.headline,
    health: previous.health,
    cycleName: row.cycleName,
    publishedAt: previous.publishedAt!.getTime(),
    sections: bySection((key) => previous[key]),
  };
}

export function getUpdateForEditing({ actor, id }: { actor: Actor; id: number }, db: Db = getDb()): UpdateForEditing | null {
  const row = db
    .select({
      update: updates,
      teamSlug: teams.slug,
      teamName: teams.name,
      cycleSlug: releaseCycles.slug,
      cycleName: releaseCycles.name,
      cycleStart: releaseCycles.startsOn,
      gatheringSlug: gatherings.slug,
    })
    .from(updates)
    .innerJoin(teams, eq(teams.id, updates.teamId))
    .innerJoin(releaseCycles, eq(releaseCycles.id, updates.cycleId))
    .leftJoin(gatherings, eq(gatherings.id, updates.gatheringId))
    .where(eq(updates.id, id))
    .get();
  if (!row) return null;
  const { update } = row;
  assertCan(actor, "update.write", { teamId: update.teamId });

  const previousCycle = db
    .select({ id: releaseCycles.id, name: releaseCycles.name })
    .from(releaseCycles)
    .where(sql`${releaseCycles.startsOn} < ${row.cycleStart}`)
    .orderBy(desc(releaseCycles.startsOn))
    .get();
  const definitions = db
    .select({
      id: metricDefinitions.id,
      label: metricDefinitions.label,
      kind: metricDefinitions.kind,
      decimals: metricDefinitions.decimals,
      aggregation: metricDefinitions.aggregation,
    })
    .from(metricDefinitions)
    .where(and(eq(metricDefinitions.teamId, update.teamId), eq(metricDefinitions.retired, false)))
    .orderBy(asc(metricDefinitions.sortOrder))
    .all();
  const own = db
    .select({ metricId: metricValues.metricId, value: metricValues.value, entered: metricValues.entered })
    .from(metricValues)
    .where(eq(metricValues.sourceUpdateId, id))
    .all();
  const metricIds = definitions.map((d) => d.id);
  const recorded = readFigureValues(db, { teamId: update.teamId, cycleId: update.cycleId, metricIds });
  const previousValues = previousCycle ? readFigureValues(db, { teamId: update.teamId, cycleId: previousCycle.id, metricIds }) : [];
  const figureOfValues = (d: (typeof definitions)[number], values: FigureValue[]) =>
    aggregateMetric(
      d,
      values.filter((v) => v.metricId === d.id && v.counts),
    );

  return {
    id: update.id,
    version: update.version,
    state: update.state,
    team: { id: update.teamId, slug: row.teamSlug, name: row.teamName },
    cycle: { id: update.cycleId, slug: row.cycleSlug, name: row.cycleName },
    gatheringSlug: row.gatheringSlug,
    gatherings: db
      .select({ slug: gatherings.slug, name: gatherings.name })
      .from(gatherings)
      .where(eq(gatherings.cycleId, update.cycleId))
      .orderBy(asc(gatherings.startsOn))
      .all(),
    snapshot: {
      ...(Object.fromEntries(EDITABLE_FIELDS.map((f) => [f, update[f]])) as Omit<UpdateSnapshot, "links">),
      links: db
        .select({ label: updateLinks.label, url: updateLinks.url })
        .from(updateLinks)
        .where(eq(updateLinks.updateId, id))
        .orderBy(asc(updateLinks.sortOrder))
        .all(),
    },
    metrics: definitions.map((d) => {
      const reported = own.find((v) => v.metricId === d.id);
      return {
        metricId: d.id,
        label: d.label,
        kind: d.kind,
        decimals: d.decimals,
        value: reported ? editableText(d, reported) : "",
        previous: previousCycle ? { cycleName: previousCycle.name, value: figureOfValues(d, previousValues) } : null,
        figure: {
          value: figureOfValues(d, recorded),
          values: recorded
            .filter((v) => v.metricId === d.id)
            .map((v) => ({ ...v, thisUpdate: v.source.via === "update" && v.source.updateId === id })),
        },
      };
    }),
    canCorrectValues: can(actor, "metric.record", { teamId: update.teamId }),
    previousUpdate: previousUpdateOf(db, update),
    healthDefinitions: db
      .select({ health: healthDefinitions.health, label: healthDefinitions.label, meaning: healthDefinitions.meaning })
      .from(healthDefinitions)
      .orderBy(asc(healthDefinitions.sortOrder))
      .all(),
    updatedAt: update.updatedAt.getTime(),
  };
}

/** Writes what the editor holds inside a change of the update (./updates.ts `changeUpdate`). */
function writeEditorChanges(tx: Tx, actor: Actor, current: { id: number; teamId: number; cycleId: number }, changes: EditorChanges) {
  const gatheringId = changes.gatheringSlug
    ? tx
        .select({ id: gatherings.id })
        .from(gatherings)
        .where(and(eq(gatherings.slug, changes.gatheringSlug), eq(gatherings.cycleId, current.cycleId)))
        .get()?.id
    : null;
  if (gatheringId === undefined) throw new InputError("gatheringSlug", "That gathering is not part of this cycle");
  const allowedMetrics = new Map(
    tx
      .select({ id: metricDefinitions.id, kind: metricDefinitions.kind, decimals: metricDefinitions.decimals })
      .from(metricDefinitions)
      .where(eq(metricDefinitions.teamId, current.teamId))
      .all()
      .map((m) => [m.id, m]),
  );
  const reported = changes.metrics.flatMap((entry, i) => {
    const metric = allowedMetrics.get(entry.metricId);
    if (!metric) throw new InputError("metrics", "That number is not one this team reports");
    return entry.value === null ? [] : [{ metricId: entry.metricId, ...storedValue(metric, entry.value, `metrics.${i}.value`) }];
  });

  tx.delete(updateLinks).where(eq(updateLinks.updateId, current.id)).run();
  if (changes.links.length > 0)
    tx.insert(updateLinks)
      .values(changes.links.map((l, i) => ({ ...l, updateId: current.id, sortOrder: i })))
      .run();
  // A figure the save leaves as it was keeps its row: its note, when it was observed, a correction made to it.
  const existing = tx
    .select({ id: metricValues.id, metricId: metricValues.metricId, value: metricValues.value, entered: metricValues.entered })
    .from(metricValues)
    .where(eq(metricValues.sourceUpdateId, current.id))
    .all();
  for (const row of existing) {
    const now = reported.find((r) => r.metricId === row.metricId);
    if (!now) tx.delete(metricValues).where(eq(metricValues.id, row.id)).run();
    else if (now.value !== row.value || now.entered !== row.entered)
      tx.update(metricValues)
        .set({ value: now.value, entered: now.entered, observedAt: new Date() })
        .where(eq(metricValues.id, row.id))
        .run();
  }
  const added = reported.filter((r) => !existing.some((row) => row.metricId === r.metricId));
  if (added.length > 0) {
    tx.insert(metricValues)
      .values(
        added.map((m) => ({
          ...m,
          teamId: current.teamId,
          cycleId: current.cycleId,
          observedAt: new Date(),
          sourceUpdateId: current.id,
          recordedById: actor.kind === "person" ? actor.id : null,
        })),
      )
      .run();
  }
  const audited = reported.map((m) => ({ metricId: m.metricId, value: m.entered ?? m.value }));
  return { set: { ...changes.content, gatheringId }, after: { ...changes.content, links: changes.links, metrics: audited } };
}

/** Saves the whole editor: content, gathering, links and the numbers this update reports. */
export function saveUpdate({ actor, input }: { actor: Actor; input: SaveUpdateInput }, db: Db = getDb()): { version: number } {
  const { id, expectedVersion, ...changes } = input;
  return changeUpdate(
    { actor, id, expectedVersion, action: "update.save" },
    (tx, current) => writeEditorChanges(tx, actor, current, changes),
    db,
  );
}

/**
 * Saves what the editor has not saved yet and makes the draft public, in one transaction:
 * if publishing is refused, the save is not kept either. It shows on every page that lists
 * updates on the very next request.
 */
export function publishUpdate({ actor, input }: { actor: Actor; input: PublishUpdateInput }, db: Db = getDb()): { version: number } {
  return changeUpdate(
    { actor, id: input.id, expectedVersion: input.expectedVersion, action: "update.publish" },
    (tx, current) => {
      const saved = input.changes ? writeEditorChanges(tx, actor, current, input.changes) : { set: {}, after: {} };
      if (current.state === "published") throw new InputError("state", "This update is already published");
      const enteredAt = new Date();
      const publishedAt = asOfMoment(actor, current.teamId, input.asOf, enteredAt);
      const backdated = publishedAt.getTime() !== enteredAt.getTime();
      if (backdated) dateReportedValues(tx, current.id, publishedAt);
      return {
        set: { ...saved.set, state: "published", publishedAt, enteredAt, reviewState: "unreviewed" },
        after: { ...saved.after, state: "published", ...(backdated ? { publishedAt: publishedAt.toISOString() } : {}) },
      };
    },
    db,
  );
}

/** Discards a draft nobody can see yet. */
export function deleteDraft({ actor, id }: { actor: Actor; id: number }, db: Db = getDb()): void {
  db.transaction((tx) => {
    const current = tx
      .select({ teamId: updates.teamId, state: updates.state, headline: updates.headline })
      .from(updates)
      .where(eq(updates.id, id))
      .get();
    if (!current) throw new NotFoundError("Update");
    assertCan(actor, "update.write", { teamId: current.teamId });
    if (current.state !== "draft") throw new InputError("state", "Only a draft can be discarded");
    tx.delete(metricValues).where(eq(metricValues.sourceUpdateId, id)).run();
    tx.delete(updates).where(eq(updates.id, id)).run();
    recordAudit(tx, actor, { action: "update.discard", entityType: "update", entityId: id, before: { headline: current.headline } });
  });
}
