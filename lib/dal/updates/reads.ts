import "server-only";
import { cacheLife, cacheTag } from "next/cache";
import { and, asc, count, desc, eq, type SQL } from "drizzle-orm";
import { getDb, type Db } from "@/db/client";
import { gatherings, people, releaseCycles, teams, updateLinks, updateRevisions, updates } from "@/db/schema";
import { bySection, type Health, type ReviewState, type UpdateSectionKey, type UpdateState } from "@/lib/domain";
import type { Page, Paged } from "@/lib/http/api";
import { ANONYMOUS, can, type Actor } from "@/lib/permissions";
import type { UpdateFilters } from "@/lib/validation/api";
import { liveDataVersion, tags, type DataVersion } from "../cache/cache";
import { idOf, iso, paged, pageWindow } from "../paging";
import { updatesVisibleTo } from "./visibility";
import type { UpdateSnapshot } from "./writes";

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
  /** The moment it speaks for: when it was published, or its "as of" day when history was entered later. */
  publishedAt: number | null;
  /** When it was really published, when that is known. */
  enteredAt: number | null;
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
      enteredAt: updates.enteredAt,
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
    enteredAt: row.enteredAt?.getTime() ?? null,
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
      .select({
        version: updateRevisions.version,
        createdAt: updateRevisions.createdAt,
        editor: people.name,
        snapshot: updateRevisions.snapshot,
      })
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

const updateColumns = {
  id: updates.id,
  teamId: updates.teamId,
  teamSlug: teams.slug,
  teamName: teams.name,
  cycleSlug: releaseCycles.slug,
  cycleName: releaseCycles.name,
  ...updateSectionColumns,
  state: updates.state,
  reviewState: updates.reviewState,
  version: updates.version,
  privateNote: updates.privateNote,
  publishedAt: updates.publishedAt,
  updatedAt: updates.updatedAt,
};

function updateRows(db: Db, where: SQL | undefined, page: Page) {
  return db
    .select(updateColumns)
    .from(updates)
    .innerJoin(teams, eq(teams.id, updates.teamId))
    .innerJoin(releaseCycles, eq(releaseCycles.id, updates.cycleId))
    .where(where)
    .orderBy(desc(updates.publishedAt), desc(updates.id))
    .limit(pageWindow(page).limit)
    .offset(pageWindow(page).offset)
    .all();
}

export type ApiUpdate = ReturnType<typeof toApiUpdate>;

function toApiUpdate(actor: Actor, row: ReturnType<typeof updateRows>[number]) {
  const { teamId, teamSlug, teamName, cycleSlug, cycleName, privateNote, publishedAt, updatedAt, ...rest } = row;
  return {
    ...rest,
    team: { slug: teamSlug, name: teamName },
    cycle: { slug: cycleSlug, name: cycleName },
    publishedAt: iso(publishedAt),
    updatedAt: iso(updatedAt),
    // The private note travels only to those who may read the team's drafts.
    ...(can(actor, "update.read_draft", { teamId }) ? { privateNote } : {}),
  };
}

/** One page of a cycle's updates as the actor may see them, newest first; null for an unknown cycle. */
export function readCycleUpdates(
  { actor, cycle, filters, page }: { actor: Actor; cycle: string; filters: UpdateFilters; page: Page },
  db: Db = getDb(),
): Paged<ApiUpdate> | null {
  const cycleId = db.select({ id: releaseCycles.id }).from(releaseCycles).where(eq(releaseCycles.slug, cycle)).get()?.id;
  if (cycleId === undefined) return null;
  const teamId = idOf(db, teams, filters.team);
  const where = and(
    eq(updates.cycleId, cycleId),
    updatesVisibleTo(actor),
    teamId === undefined ? undefined : eq(updates.teamId, teamId),
    filters.health ? eq(updates.health, filters.health) : undefined,
    filters.state ? eq(updates.state, filters.state) : undefined,
  );
  const total = db.select({ n: count() }).from(updates).where(where).get()?.n ?? 0;
  return paged(
    updateRows(db, where, page).map((r) => toApiUpdate(actor, r)),
    total,
    page,
  );
}

export async function listCycleUpdates(args: {
  actor: Actor;
  cycle: string;
  filters: UpdateFilters;
  page: Page;
}): Promise<Paged<ApiUpdate> | null> {
  // Signed-in callers may see drafts: theirs is read fresh, only the public list is cached.
  if (args.actor.kind !== "anonymous") return readCycleUpdates(args);
  const { team = "", health = "", state = "" } = args.filters;
  return cachedCycleUpdates(args.cycle, team, health, state, args.page.page, args.page.perPage, await liveDataVersion());
}

async function cachedCycleUpdates(
  cycle: string,
  team: string,
  health: string,
  state: string,
  page: number,
  perPage: number,
  _dataVersion: DataVersion,
): Promise<Paged<ApiUpdate> | null> {
  "use cache";
  cacheLife("dashboard");
  // Publishing or editing an update expires its cycle's tag; a new cycle expires "cycles".
  const found = getDb().select({ id: releaseCycles.id }).from(releaseCycles).where(eq(releaseCycles.slug, cycle)).get();
  const filters = {
    team: team || undefined,
    health: (health || undefined) as UpdateFilters["health"],
    state: (state || undefined) as UpdateFilters["state"],
  };
  const answer = readCycleUpdates({ actor: ANONYMOUS, cycle, filters, page: { page, perPage } });
  // Each listed update's own tag too: a review changes its state without touching the cycle.
  cacheTag(tags.cycles, tags.teams, ...(found ? [tags.cycle(found.id)] : []), ...(answer?.data.map((u) => tags.update(u.id)) ?? []));
  return answer;
}

/** One update as the actor may see it, with the private note for those allowed; null when unknown or hidden. */
export async function getApiUpdate({ actor, id }: { actor: Actor; id: number }, db: Db = getDb()) {
  const update = await getUpdate({ id, actor });
  if (!update) return null;
  const privateNote = can(actor, "update.read_draft", { teamId: update.team.id })
    ? db.select({ privateNote: updates.privateNote }).from(updates).where(eq(updates.id, id)).get()?.privateNote
    : undefined;
  const { team, cycle, publishedAt, enteredAt, updatedAt, ...rest } = update;
  return {
    ...rest,
    team: { slug: team.slug, name: team.name },
    cycle: { slug: cycle.slug, name: cycle.name },
    publishedAt: publishedAt === null ? null : new Date(publishedAt).toISOString(),
    enteredAt: enteredAt === null ? null : new Date(enteredAt).toISOString(),
    updatedAt: new Date(updatedAt).toISOString(),
    ...(privateNote === undefined ? {} : { privateNote }),
  };
}
