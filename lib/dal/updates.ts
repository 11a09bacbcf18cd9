import "server-only";
import { cacheLife, cacheTag } from "next/cache";
import { and, asc, desc, eq } from "drizzle-orm";
import { getDb, type Db, type Tx } from "@/db/client";
import { gatherings, people, releaseCycles, teams, updateLinks, updateRevisions, updates } from "@/db/schema";
import { bySection, UPDATE_SECTIONS, type Health, type ReviewState, type UpdateSectionKey, type UpdateState } from "@/lib/domain";
import { ConflictError, NotFoundError } from "@/lib/errors";
import { ANONYMOUS, assertCan, type Actor } from "@/lib/permissions";
import type { EditUpdateInput, UpdateContent } from "@/lib/validation/update";
import { recordAudit } from "./audit";
import { invalidate, liveDataVersion, tags, type DataVersion } from "./cache";
import { updatesVisibleTo } from "./visibility";

export type UpdateSections = { headline: string; health: Health } & Record<UpdateSectionKey, string>;

/** The columns of an update's written sections, for every read that shows them. */
export const updateSectionColumns = { headline: updates.headline, health: updates.health, ...bySection((key) => updates[key]) };

export function readUpdateSections(db: Db, id: number): UpdateSections | null {
  return db.select(updateSectionColumns).from(updates).where(eq(updates.id, id)).get() ?? null;
}

export interface UpdatePage extends UpdateSections {
  id: number;
  state: UpdateState;
  reviewState: ReviewState;
  version: number;
  publishedAt: number | null;
  updatedAt: number;
  team: { id: number; slug: string; name: string };
  cycle: { id: number; slug: string; name: string };
  gathering: { slug: string; name: string; etherpadUrl: string | null } | null;
  author: string | null;
  links: { label: string; url: string }[];
  /** Newest first; each with the public fields as they were at that version. */
  revisions: { version: number; createdAt: number; editor: string | null; snapshot: PublicSnapshot }[];
}

/** What a revision shows to readers: never the private note. */
export type PublicSnapshot = Omit<UpdateSnapshot, "privateNote">;

function publicSnapshot(snapshot: Record<string, unknown>): PublicSnapshot {
  const { privateNote: _privateNote, ...rest } = snapshot as UpdateSnapshot;
  return { ...rest, links: rest.links ?? [] };
}

export function readUpdate(db: Db, id: number, actor: Actor): UpdatePage | null {
  const row = db
    .select({
      ...updateSectionColumns,
      id: updates.id,
      state: updates.state,
      reviewState: updates.reviewState,
      version: updates.version,
      publishedAt: updates.publishedAt,
      updatedAt: updates.updatedAt,
      teamId: teams.id,
      teamSlug: teams.slug,
      teamName: teams.name,
      cycleId: releaseCycles.id,
      cycleSlug: releaseCycles.slug,
      cycleName: releaseCycles.name,
      gatheringSlug: gatherings.slug,
      gatheringName: gatherings.name,
      gatheringEtherpad: gatherings.etherpadUrl,
      author: people.name,
    })
    .from(updates)
    .innerJoin(teams, eq(teams.id, updates.teamId))
    .innerJoin(releaseCycles, eq(releaseCycles.id, updates.cycleId))
    .leftJoin(gatherings, eq(gatherings.id, updates.gatheringId))
    .leftJoin(people, eq(people.id, updates.authorId))
    .where(and(eq(updates.id, id), updatesVisibleTo(actor)))
    .get();
  if (!row) return null;
  const { teamId, teamSlug, teamName, cycleId, cycleSlug, cycleName, gatheringSlug, gatheringName, gatheringEtherpad, ...rest } = row;
  return {
    ...rest,
    publishedAt: row.publishedAt?.getTime() ?? null,
    updatedAt: row.updatedAt.getTime(),
    team: { id: teamId, slug: teamSlug, name: teamName },
    cycle: { id: cycleId, slug: cycleSlug, name: cycleName },
    gathering: gatheringSlug && gatheringName ? { slug: gatheringSlug, name: gatheringName, etherpadUrl: gatheringEtherpad } : null,
    links: db
      .select({ label: updateLinks.label, url: updateLinks.url })
      .from(updateLinks)
      .where(eq(updateLinks.updateId, id))
      .orderBy(asc(updateLinks.sortOrder))
      .all(),
    revisions: db
      .select({ version: updateRevisions.version, createdAt: updateRevisions.createdAt, editor: people.name, snapshot: updateRevisions.snapshot })
      .from(updateRevisions)
      .leftJoin(people, eq(people.id, updateRevisions.editorId))
      .where(eq(updateRevisions.updateId, id))
      .orderBy(desc(updateRevisions.version))
      .all()
      .map((r) => ({ ...r, createdAt: r.createdAt.getTime(), snapshot: publicSnapshot(r.snapshot) })),
  };
}

/** One update as `actor` may see it; null when it does not exist or is a draft they may not read. */
export async function getUpdate({ id, actor = ANONYMOUS }: { id: number; actor?: Actor }): Promise<UpdatePage | null> {
  const dataVersion = await liveDataVersion();
  if (actor.kind !== "anonymous") return readUpdate(getDb(), id, actor);
  return cachedPublicUpdate(id, dataVersion);
}

async function cachedPublicUpdate(id: number, _dataVersion: DataVersion): Promise<UpdatePage | null> {
  "use cache";
  cacheLife("dashboard");
  const update = readUpdate(getDb(), id, ANONYMOUS);
  // The page also shows its cycle's gathering.
  cacheTag(tags.update(id), tags.teams, tags.cycles, ...(update ? [tags.cycle(update.cycle.id)] : []));
  return update;
}

export const EDITABLE_FIELDS = ["headline", "health", ...UPDATE_SECTIONS.map(([key]) => key), "privateNote"] as const satisfies readonly (keyof UpdateContent)[];

type UpdateRow = typeof updates.$inferSelect;
export type UpdateSnapshot = Pick<UpdateRow, (typeof EDITABLE_FIELDS)[number]> & { links: { label: string; url: string }[] };

function snapshotOf(tx: Tx, current: UpdateRow): UpdateSnapshot {
  return {
    ...(Object.fromEntries(EDITABLE_FIELDS.map((f) => [f, current[f]])) as Pick<UpdateRow, (typeof EDITABLE_FIELDS)[number]>),
    links: tx.select({ label: updateLinks.label, url: updateLinks.url }).from(updateLinks).where(eq(updateLinks.updateId, current.id)).orderBy(asc(updateLinks.sortOrder)).all(),
  };
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
    const before = Object.fromEntries(Object.keys(after).map((k) => [k, (snapshot as Record<string, unknown>)[k] ?? (current as Record<string, unknown>)[k]]));
    recordAudit(tx, actor, { action, entityType: "update", entityId: current.id, before, after });
    return { version, teamId: current.teamId, cycleId: current.cycleId };
  });
  invalidate(tags.update(id), tags.team(result.teamId), tags.cycle(result.cycleId), tags.teamList);
  return { version: result.version };
}

/** Changes some of an update's fields if `expectedVersion` is still current. */
export function editUpdate({ actor, input }: { actor: Actor; input: EditUpdateInput }, db: Db = getDb()): { version: number } {
  return changeUpdate({ actor, id: input.id, expectedVersion: input.expectedVersion, action: "update.edit" }, () => ({ set: input.changes, after: input.changes }), db);
}
