/**
 * The JSON API's list reads that no page has in this shape: one page of a filtered list,
 * with its total. Drafts and private notes follow updatesVisibleTo and the permission
 * table; the anonymous list of a cycle's updates is cached by tag like the dashboards.
 */
import "server-only";
import { cacheLife, cacheTag } from "next/cache";
import { and, asc, count, desc, eq, inArray, sql, type SQL } from "drizzle-orm";
import { getDb, type Db } from "@/db/client";
import {
  communityTopics,
  gatherings,
  helpRequests,
  metricDefinitions,
  metricValues,
  people,
  releaseCycles,
  roadmapItemLinks,
  roadmapItems,
  teams,
  topicActionItems,
  updates,
} from "@/db/schema";
import type { Page, Paged } from "@/lib/api";
import { ANONYMOUS, can, type Actor } from "@/lib/permissions";
import type { HelpRequestFilters, MetricValueFilters, RoadmapFilters, UpdateFilters } from "@/lib/validation/api";
import { liveDataVersion, tags, type DataVersion } from "./cache";
import { countedValue } from "./metrics";
import { getUpdate, updateSectionColumns } from "./updates";
import { updatesVisibleTo } from "./visibility";

const iso = (date: Date | null) => date?.toISOString() ?? null;
const window = ({ page, perPage }: Page) => ({ limit: perPage, offset: (page - 1) * perPage });

/** A filter on a slug column that matches nothing when the slug is unknown (an empty page, not an error). */
function idOf(db: Db, table: typeof teams | typeof releaseCycles, slug: string | undefined): number | undefined | -1 {
  if (slug === undefined) return undefined;
  return db.select({ id: table.id }).from(table).where(eq(table.slug, slug)).get()?.id ?? -1;
}

function paged<T>(data: T[], total: number, { page, perPage }: Page): Paged<T> {
  return { data, pagination: { page, perPage, total } };
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
    .limit(window(page).limit)
    .offset(window(page).offset)
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
export function readCycleUpdates({ actor, cycle, filters, page }: { actor: Actor; cycle: string; filters: UpdateFilters; page: Page }, db: Db = getDb()): Paged<ApiUpdate> | null {
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
  return paged(updateRows(db, where, page).map((r) => toApiUpdate(actor, r)), total, page);
}

export async function listCycleUpdates(args: { actor: Actor; cycle: string; filters: UpdateFilters; page: Page }): Promise<Paged<ApiUpdate> | null> {
  // Signed-in callers may see drafts: theirs is read fresh, only the public list is cached.
  if (args.actor.kind !== "anonymous") return readCycleUpdates(args);
  const { team = "", health = "", state = "" } = args.filters;
  return cachedCycleUpdates(args.cycle, team, health, state, args.page.page, args.page.perPage, await liveDataVersion());
}

async function cachedCycleUpdates(cycle: string, team: string, health: string, state: string, page: number, perPage: number, _dataVersion: DataVersion): Promise<Paged<ApiUpdate> | null> {
  "use cache";
  cacheLife("dashboard");
  // Publishing or editing an update expires its cycle's tag; a new cycle expires "cycles".
  const found = getDb().select({ id: releaseCycles.id }).from(releaseCycles).where(eq(releaseCycles.slug, cycle)).get();
  const filters = { team: team || undefined, health: (health || undefined) as UpdateFilters["health"], state: (state || undefined) as UpdateFilters["state"] };
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
  const { team, cycle, publishedAt, updatedAt, ...rest } = update;
  return {
    ...rest,
    team: { slug: team.slug, name: team.name },
    cycle: { slug: cycle.slug, name: cycle.name },
    publishedAt: publishedAt === null ? null : new Date(publishedAt).toISOString(),
    updatedAt: new Date(updatedAt).toISOString(),
    ...(privateNote === undefined ? {} : { privateNote }),
  };
}

/** Roadmap items (public), filtered by team, cycle and status, in each team's order. */
export function listRoadmapItems({ filters, page }: { filters: RoadmapFilters; page: Page }, db: Db = getDb()) {
  const teamId = idOf(db, teams, filters.team);
  const cycleId = idOf(db, releaseCycles, filters.cycle);
  const where = and(
    teamId === undefined ? undefined : eq(roadmapItems.teamId, teamId),
    cycleId === undefined ? undefined : eq(roadmapItems.cycleId, cycleId),
    filters.status ? eq(roadmapItems.status, filters.status) : undefined,
  );
  const total = db.select({ n: count() }).from(roadmapItems).where(where).get()?.n ?? 0;
  const rows = db
    .select({ item: roadmapItems, teamSlug: teams.slug, cycleSlug: releaseCycles.slug })
    .from(roadmapItems)
    .innerJoin(teams, eq(teams.id, roadmapItems.teamId))
    .innerJoin(releaseCycles, eq(releaseCycles.id, roadmapItems.cycleId))
    .where(where)
    .orderBy(desc(releaseCycles.startsOn), asc(teams.sortOrder), asc(roadmapItems.sortOrder), asc(roadmapItems.id))
    .limit(window(page).limit)
    .offset(window(page).offset)
    .all();
  const links = rows.length === 0 ? [] : db.select().from(roadmapItemLinks).where(inArray(roadmapItemLinks.itemId, rows.map((r) => r.item.id))).orderBy(asc(roadmapItemLinks.id)).all();
  return paged(
    rows.map(({ item, teamSlug, cycleSlug }) => ({
      id: item.id,
      version: item.version,
      team: teamSlug,
      cycle: cycleSlug,
      title: item.title,
      description: item.description,
      status: item.status,
      kind: item.kind,
      helpWanted: item.helpWanted,
      carriedFromId: item.carriedFromId,
      links: links.filter((l) => l.itemId === item.id).map(({ kind, label, url }) => ({ kind, label, url })),
      updatedAt: iso(item.updatedAt),
    })),
    total,
    page,
  );
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
    .limit(window(page).limit)
    .offset(window(page).offset)
    .all();
  return paged(rows, total, page);
}

/** Recorded metric values that count publicly (not those of unpublished drafts), newest first. */
export function listMetricValues({ filters, page }: { filters: MetricValueFilters; page: Page }, db: Db = getDb()) {
  const teamId = idOf(db, teams, filters.team);
  const cycleId = idOf(db, releaseCycles, filters.cycle);
  const metricId = filters.metric === undefined ? undefined : (db.select({ id: metricDefinitions.id }).from(metricDefinitions).where(eq(metricDefinitions.key, filters.metric)).get()?.id ?? -1);
  const where = and(
    countedValue,
    teamId === undefined ? undefined : eq(metricValues.teamId, teamId),
    cycleId === undefined ? undefined : eq(metricValues.cycleId, cycleId),
    metricId === undefined ? undefined : eq(metricValues.metricId, metricId),
  );
  const total = db.select({ n: count() }).from(metricValues).where(where).get()?.n ?? 0;
  const rows = db
    .select({ id: metricValues.id, metric: metricDefinitions.key, team: teams.slug, cycle: releaseCycles.slug, value: metricValues.value, observedAt: metricValues.observedAt, note: metricValues.note, sourceUpdateId: metricValues.sourceUpdateId })
    .from(metricValues)
    .innerJoin(metricDefinitions, eq(metricDefinitions.id, metricValues.metricId))
    .innerJoin(teams, eq(teams.id, metricValues.teamId))
    .innerJoin(releaseCycles, eq(releaseCycles.id, metricValues.cycleId))
    .where(where)
    .orderBy(desc(metricValues.observedAt), desc(metricValues.id))
    .limit(window(page).limit)
    .offset(window(page).offset)
    .all();
  return paged(rows.map((r) => ({ ...r, observedAt: iso(r.observedAt) })), total, page);
}

/** Help requests of every status, filtered by team, cycle and status. */
export function listHelpRequests({ filters, page }: { filters: HelpRequestFilters; page: Page }, db: Db = getDb()) {
  const teamId = idOf(db, teams, filters.team);
  const cycleId = idOf(db, releaseCycles, filters.cycle);
  const where = and(
    teamId === undefined ? undefined : eq(helpRequests.teamId, teamId),
    cycleId === undefined ? undefined : eq(helpRequests.cycleId, cycleId),
    filters.status ? eq(helpRequests.status, filters.status) : undefined,
  );
  const total = db.select({ n: count() }).from(helpRequests).where(where).get()?.n ?? 0;
  const rows = db
    .select({ id: helpRequests.id, team: teams.slug, cycle: releaseCycles.slug, roadmapItemId: helpRequests.roadmapItemId, title: helpRequests.title, details: helpRequests.details, linkUrl: helpRequests.linkUrl, contact: helpRequests.contact, owner: people.name, takenByName: helpRequests.takenByName, status: helpRequests.status, updatedAt: helpRequests.updatedAt })
    .from(helpRequests)
    .innerJoin(teams, eq(teams.id, helpRequests.teamId))
    .innerJoin(releaseCycles, eq(releaseCycles.id, helpRequests.cycleId))
    .leftJoin(people, eq(people.id, helpRequests.ownerId))
    .where(where)
    .orderBy(desc(releaseCycles.startsOn), asc(teams.sortOrder), asc(helpRequests.id))
    .limit(window(page).limit)
    .offset(window(page).offset)
    .all();
  return paged(rows.map((r) => ({ ...r, updatedAt: iso(r.updatedAt) })), total, page);
}

function cycleFilter(db: Db, column: typeof communityTopics.cycleId | typeof gatherings.cycleId, slug: string | undefined) {
  const cycleId = idOf(db, releaseCycles, slug);
  return cycleId === undefined ? undefined : eq(column, cycleId);
}

/** Community topics with their action items, newest cycle first. */
export function listTopics({ filters, page }: { filters: { cycle?: string }; page: Page }, db: Db = getDb()) {
  const where = cycleFilter(db, communityTopics.cycleId, filters.cycle);
  const total = db.select({ n: count() }).from(communityTopics).where(where).get()?.n ?? 0;
  const rows = db
    .select({ id: communityTopics.id, cycle: releaseCycles.slug, gathering: gatherings.slug, title: communityTopics.title, notes: communityTopics.notes, outcome: communityTopics.outcome, decision: communityTopics.decision })
    .from(communityTopics)
    .innerJoin(releaseCycles, eq(releaseCycles.id, communityTopics.cycleId))
    .leftJoin(gatherings, eq(gatherings.id, communityTopics.gatheringId))
    .where(where)
    .orderBy(desc(releaseCycles.startsOn), asc(communityTopics.sortOrder), asc(communityTopics.id))
    .limit(window(page).limit)
    .offset(window(page).offset)
    .all();
  const items = rows.length === 0 ? [] : db.select().from(topicActionItems).where(inArray(topicActionItems.topicId, rows.map((r) => r.id))).orderBy(asc(topicActionItems.id)).all();
  return paged(
    rows.map((t) => ({ ...t, actionItems: items.filter((a) => a.topicId === t.id).map((a) => ({ id: a.id, description: a.description, ownerName: a.ownerName, status: a.status, dueOn: a.dueOn })) })),
    total,
    page,
  );
}

/** Gatherings (PTGs, summits), newest first. */
export function listGatherings({ filters, page }: { filters: { cycle?: string }; page: Page }, db: Db = getDb()) {
  const where = cycleFilter(db, gatherings.cycleId, filters.cycle);
  const total = db.select({ n: count() }).from(gatherings).where(where).get()?.n ?? 0;
  const rows = db
    .select({ slug: gatherings.slug, name: gatherings.name, cycle: releaseCycles.slug, wrapsCycle: sql<string | null>`(select c.slug from ${releaseCycles} c where c.id = ${gatherings.wrapsCycleId})`, startsOn: gatherings.startsOn, endsOn: gatherings.endsOn, websiteUrl: gatherings.websiteUrl, etherpadUrl: gatherings.etherpadUrl, recordingUrl: gatherings.recordingUrl })
    .from(gatherings)
    .innerJoin(releaseCycles, eq(releaseCycles.id, gatherings.cycleId))
    .where(where)
    .orderBy(desc(gatherings.startsOn))
    .limit(window(page).limit)
    .offset(window(page).offset)
    .all();
  return paged(rows, total, page);
}
