/**
 * Changes to an update's content: the editor's and the API's. A whole update (optionally
 * published) in one call, partial edits, and the versioned change they and the editor share.
 * Each is one transaction with its audit entry.
 */
import "server-only";
import { and, asc, eq } from "drizzle-orm";
import { getDb, type Db, type Tx } from "@/db/client";
import { gatherings, metricValues, releaseCycles, teams, updateLinks, updateRevisions, updates } from "@/db/schema";
import { noonOf, todayIso } from "@/lib/dates";
import { UPDATE_SECTIONS } from "@/lib/domain";
import { ConflictError, InputError, NotFoundError } from "@/lib/errors";
import { assertCan, type Actor } from "@/lib/permissions";
import type { PatchUpdateInput, PostUpdateInput } from "@/lib/validation/api";
import type { EditUpdateInput, UpdateAsOfInput, UpdateContent } from "@/lib/validation/update";
import { recordAudit } from "../audit/audit";
import { invalidate, tags } from "../cache/cache";
import { cycleBySlug, teamForWriting } from "../lookups";
import { notify } from "../notifications/notify";

export const EDITABLE_FIELDS = [
  "headline",
  "health",
  ...UPDATE_SECTIONS.map(([key]) => key),
  "privateNote",
] as const satisfies readonly (keyof UpdateContent)[];

type UpdateRow = typeof updates.$inferSelect;
export type UpdateSnapshot = Pick<UpdateRow, (typeof EDITABLE_FIELDS)[number]> & { links: { label: string; url: string }[] };

function snapshotOf(tx: Tx, current: UpdateRow): UpdateSnapshot {
  return {
    ...(Object.fromEntries(EDITABLE_FIELDS.map((f) => [f, current[f]])) as Pick<UpdateRow, (typeof EDITABLE_FIELDS)[number]>),
    links: tx
      .select({ label: updateLinks.label, url: updateLinks.url })
      .from(updateLinks)
      .where(eq(updateLinks.updateId, current.id))
      .orderBy(asc(updateLinks.sortOrder))
      .all(),
  };
}

/**
 * The moment an update speaks for (`published_at`), from its "as of" day: the moment it was
 * entered when that is the day, noon of an earlier day when history is entered later. Only
 * those who may date the team's history give an earlier day.
 */
export function asOfMoment(actor: Actor, teamId: number, asOf: string | null | undefined, entered: Date): Date {
  if (!asOf || asOf === todayIso(entered.getTime())) return entered;
  // Today somewhere east of this server: as good as the day it was entered.
  if (asOf > todayIso(Date.now())) return entered;
  assertCan(actor, "history.backdate", { teamId });
  return noonOf(asOf);
}

/** The numbers an update reported were observed when it speaks for, so a backdated update's figures count as of then. */
export function dateReportedValues(tx: Tx, updateId: number, moment: Date): void {
  tx.update(metricValues).set({ observedAt: moment }).where(eq(metricValues.sourceUpdateId, updateId)).run();
}

/** Tells those who follow the team or the cycle of a newly published update: its headline, never the private note. */
function announcePublished(tx: Tx, actor: Actor, update: { id: number; teamId: number; cycleId: number; headline: string }): void {
  const where = tx
    .select({ team: teams.name, cycle: releaseCycles.name })
    .from(teams)
    .innerJoin(releaseCycles, eq(releaseCycles.id, update.cycleId))
    .where(eq(teams.id, update.teamId))
    .get();
  notify(tx, {
    kind: "followed_update",
    by: actor,
    to: [{ followersOf: { teamId: update.teamId, cycleId: update.cycleId } }],
    subject: { type: "update", id: update.id, teamId: update.teamId },
    title: `New update from ${where?.team ?? "a team"} (${where?.cycle ?? "cycle"}): ${update.headline}`,
    linkPath: `/updates/${update.id}`,
  });
}

/**
 * The one path every change to an update takes: permission, version check, a revision of
 * a published update's previous state, the change itself, a new version and the audit
 * entry, all in one transaction; then the cache tags of every page that shows it.
 */
export function changeUpdate(
  { actor, id, expectedVersion, action }: { actor: Actor; id: number; expectedVersion: number; action: string },
  change: (tx: Tx, current: UpdateRow) => { set: Partial<UpdateRow>; after: Record<string, unknown> },
  db: Db = getDb(),
): { version: number } {
  const result = db.transaction((tx) => {
    const current = tx.select().from(updates).where(eq(updates.id, id)).get();
    if (!current) throw new NotFoundError("Update");
    assertCan(actor, "update.write", { teamId: current.teamId });

    const snapshot = snapshotOf(tx, current);
    if (current.version !== expectedVersion) {
      const base = tx
        .select({ snapshot: updateRevisions.snapshot })
        .from(updateRevisions)
        .where(and(eq(updateRevisions.updateId, current.id), eq(updateRevisions.version, expectedVersion)))
        .get();
      const changedFields = base ? EDITABLE_FIELDS.filter((f) => base.snapshot[f] !== current[f]) : [];
      throw new ConflictError("Someone saved this update after you opened it.", { version: current.version, changedFields, snapshot });
    }
    if (current.state === "published") {
      tx.insert(updateRevisions)
        .values({ updateId: current.id, version: current.version, editorId: actor.kind === "person" ? actor.id : null, snapshot })
        .run();
    }
    const { set, after } = change(tx, current);
    const version = current.version + 1;
    tx.update(updates)
      .set({ ...set, version, updatedAt: new Date() })
      .where(and(eq(updates.id, current.id), eq(updates.version, current.version)))
      .run();
    const before = Object.fromEntries(
      Object.keys(after).map((k) => [k, (snapshot as Record<string, unknown>)[k] ?? (current as Record<string, unknown>)[k]]),
    );
    recordAudit(tx, actor, { action, entityType: "update", entityId: current.id, before, after });
    // History entered later is news to nobody: followers hear of updates that speak for now.
    if (set.state === "published" && current.state !== "published" && set.publishedAt?.getTime() === set.enteredAt?.getTime())
      announcePublished(tx, actor, { ...current, ...set });
    return { version, teamId: current.teamId, cycleId: current.cycleId };
  });
  invalidate(tags.update(id), tags.team(result.teamId), tags.cycle(result.cycleId), tags.teamList);
  return { version: result.version };
}

/** Changes some of an update's fields if `expectedVersion` is still current. */
export function editUpdate({ actor, input }: { actor: Actor; input: EditUpdateInput }, db: Db = getDb()): { version: number } {
  return changeUpdate(
    { actor, id: input.id, expectedVersion: input.expectedVersion, action: "update.edit" },
    () => ({ set: input.changes, after: input.changes }),
    db,
  );
}

/** A new update for a team and cycle with all its content; a draft, or published at once. */
export function postUpdate({ actor, input }: { actor: Actor; input: PostUpdateInput }, db: Db = getDb()): { id: number; version: number } {
  const { team: teamSlug, cycle: cycleSlug, gathering, links, publish, asOf, ...content } = input;
  const result = db.transaction((tx) => {
    const team = teamForWriting(tx, teamSlug);
    assertCan(actor, "update.write", { teamId: team.id });
    if (asOf && !publish) throw new InputError("asOf", "A draft is dated when it is published: send asOf with publish");
    const now = new Date();
    const publishedAt = publish ? asOfMoment(actor, team.id, asOf, now) : null;
    const cycle = cycleBySlug(tx, cycleSlug);
    const gatheringId = gathering
      ? tx
          .select({ id: gatherings.id })
          .from(gatherings)
          .where(and(eq(gatherings.slug, gathering), eq(gatherings.cycleId, cycle.id)))
          .get()?.id
      : null;
    if (gatheringId === undefined) throw new InputError("gathering", "That gathering is not part of this cycle");
    const row = tx
      .insert(updates)
      .values({
        ...content,
        teamId: team.id,
        cycleId: cycle.id,
        gatheringId,
        authorId: actor.kind === "person" ? actor.id : null,
        state: publish ? "published" : "draft",
        publishedAt,
        enteredAt: publish ? now : null,
      })
      .returning({ id: updates.id, version: updates.version })
      .get();
    if (links.length > 0)
      tx.insert(updateLinks)
        .values(links.map((l, i) => ({ ...l, updateId: row.id, sortOrder: i })))
        .run();
    recordAudit(tx, actor, {
      action: publish ? "update.post" : "update.start",
      entityType: "update",
      entityId: row.id,
      after: {
        team: teamSlug,
        cycle: cycleSlug,
        state: publish ? "published" : "draft",
        headline: content.headline,
        health: content.health,
        ...(publishedAt && publishedAt.getTime() !== now.getTime() ? { asOf } : {}),
      },
    });
    if (publish && publishedAt?.getTime() === now.getTime())
      announcePublished(tx, actor, { id: row.id, teamId: team.id, cycleId: cycle.id, headline: content.headline });
    return { ...row, teamId: team.id, cycleId: cycle.id };
  });
  // A draft shows on no public page; a published update shows on the team, the cycle and the lists.
  if (publish) invalidate(tags.update(result.id), tags.team(result.teamId), tags.cycle(result.cycleId), tags.teamList);
  return { id: result.id, version: result.version };
}

/** Changes some fields of an update if `version` is still current, and publishes a draft when asked. */
export function patchUpdate(
  { actor, id, input }: { actor: Actor; id: number; input: PatchUpdateInput },
  db: Db = getDb(),
): { version: number } {
  const { version, publish, asOf, ...changes } = input;
  return changeUpdate(
    { actor, id, expectedVersion: version, action: publish ? "update.publish" : "update.edit" },
    (tx, current) => {
      if (publish && current.state === "published") throw new InputError("publish", "This update is already published");
      if (asOf && !publish && current.state !== "published")
        throw new InputError("asOf", "A draft is dated when it is published: send asOf with publish");
      const now = new Date();
      const published = publish ? { state: "published" as const, reviewState: "unreviewed" as const, enteredAt: now } : {};
      // A published update keeps the moment it was entered; a new "as of" day moves only what it speaks for.
      const entered = publish ? now : (current.enteredAt ?? current.publishedAt ?? now);
      const publishedAt = publish || asOf ? asOfMoment(actor, current.teamId, asOf, entered) : undefined;
      if (publishedAt && asOf) dateReportedValues(tx, current.id, publishedAt);
      return {
        set: { ...changes, ...published, ...(publishedAt ? { publishedAt } : {}) },
        after: { ...changes, ...(publish ? { state: "published" } : {}), ...(asOf ? { publishedAt: publishedAt!.toISOString() } : {}) },
      };
    },
    db,
  );
}

/**
 * Dates a published update "as of" another day (history entered later, or a date corrected):
 * what every reader orders and dates it by, and the numbers it reported, move with it. Its
 * text and version stay as they are. Release managers may date any team's update, leads
 * their own team's.
 */
export function setUpdateAsOf({ actor, input }: { actor: Actor; input: UpdateAsOfInput }, db: Db = getDb()): void {
  const result = db.transaction((tx) => {
    const current = tx.select().from(updates).where(eq(updates.id, input.id)).get();
    if (!current) throw new NotFoundError("Update");
    assertCan(actor, "history.backdate", { teamId: current.teamId });
    if (current.state !== "published" || !current.publishedAt) throw new InputError("asOf", "A draft is dated when it is published");
    const publishedAt = asOfMoment(actor, current.teamId, input.asOf, current.enteredAt ?? current.publishedAt);
    tx.update(updates).set({ publishedAt }).where(eq(updates.id, current.id)).run();
    dateReportedValues(tx, current.id, publishedAt);
    recordAudit(tx, actor, {
      action: "update.as_of",
      entityType: "update",
      entityId: current.id,
      before: { publishedAt: current.publishedAt.toISOString() },
      after: { asOf: input.asOf, publishedAt: publishedAt.toISOString() },
    });
    return { teamId: current.teamId, cycleId: current.cycleId };
  });
  invalidate(tags.update(input.id), tags.team(result.teamId), tags.cycle(result.cycleId), tags.teamList);
}
