/**
 * A gathering's recap: one document across the two cycles a gathering spans (the one it
 * wraps up and the one it plans), as it stood on a given day. Updates are read at their
 * revision of that day, figures as observed by then, topics as recorded by then (their
 * earlier wording comes back from the audit log, which keeps every topic's "before").
 */
import "server-only";
import { cacheLife, cacheTag } from "next/cache";
import { and, asc, desc, eq, gt, inArray, lt, lte, max, ne, or } from "drizzle-orm";
import { getDb, type Db } from "@/db/client";
import {
  auditEntries,
  communityTopics,
  gatherings,
  healthDefinitions,
  helpRequests,
  people,
  releaseCycles,
  roadmapItems,
  topicActionItems,
  updateLinks,
  updateRevisions,
  updates,
  teams,
} from "@/db/schema";
import {
  HEALTH_LABELS,
  HELP_STILL_WANTED,
  RECAP_SECTION,
  type Health,
  type MetricKind,
  type RecapSection,
  type RoadmapStatus,
} from "@/lib/domain";
import type { Figure } from "@/lib/metrics";
import { liveDataVersion, tags, type DataVersion } from "../cache/cache";
import { readCycleNumbers } from "../metrics/reads";
import { updateSectionColumns, type UpdateSections } from "../updates/reads";

export interface RecapUpdate extends UpdateSections {
  id: number;
  cycleName: string;
  publishedOn: string;
}

export interface GatheringRecapTeam {
  slug: string;
  name: string;
  /** The team's update for this gathering, else its newest in the cycle the gathering plans. */
  current: RecapUpdate | null;
  /** Its newest update in the cycle the gathering wraps up. */
  ending: RecapUpdate | null;
  /** With neither: the day of the team's last update before the recap's day, if any. */
  lastUpdateOn: string | null;
  delivered: { title: string }[];
  plans: { title: string; status: RoadmapStatus }[];
  help: { title: string; linkUrl: string | null; contact: string }[];
  /** The links of its updates shown here, without the gathering's own. */
  links: { label: string; url: string }[];
}

export interface GatheringRecap {
  gathering: {
    slug: string;
    name: string;
    startsOn: string;
    endsOn: string;
    websiteUrl: string | null;
    notesUrl: string | null;
    recordingUrl: string | null;
    intro: string;
    closing: string;
    author: string | null;
  };
  /** The day the recap stands on; null for the current view. */
  asOf: string | null;
  plans: { slug: string; name: string };
  wraps: { slug: string; name: string; releasedOn: string | null } | null;
  sections: RecapSection[];
  teams: GatheringRecapTeam[];
  /** The figures of `numbersOf.cycle` beside the cycle before it; only rows with a figure. */
  numbersOf: { cycle: string; before: string | null };
  numbers: { key: string; label: string; kind: MetricKind; decimals: number | null; value: number | string; before: Figure }[];
  topics: {
    title: string;
    notes: string;
    outcome: "decision" | "no_decision";
    decision: string;
    actionItems: { description: string; ownerName: string }[];
  }[];
  /** Health in the community's own words. */
  healthLabels: Record<Health, string>;
}

const dayOf = (date: Date | null) => (date ? date.toISOString().slice(0, 10) : "");

type TopicText = GatheringRecap["topics"][number];

/** The topic's words before its first edit after `limit`, when the audit log kept them. */
function topicAsOf(db: Db, topicId: number, current: TopicText, limit: Date): TopicText {
  const firstLaterEdit = db
    .select({ before: auditEntries.before })
    .from(auditEntries)
    .where(
      and(
        eq(auditEntries.entityType, "topic"),
        eq(auditEntries.entityId, String(topicId)),
        eq(auditEntries.action, "topic.edit"),
        gt(auditEntries.createdAt, limit),
      ),
    )
    .orderBy(asc(auditEntries.createdAt), asc(auditEntries.id))
    .get();
  const before = firstLaterEdit?.before as Partial<TopicText> | null | undefined;
  if (!before) return current;
  return {
    title: before.title ?? current.title,
    notes: before.notes ?? current.notes,
    outcome: before.outcome ?? current.outcome,
    decision: before.decision ?? current.decision,
    actionItems: Array.isArray(before.actionItems) ? before.actionItems : current.actionItems,
  };
}

export function readGatheringRecap(db: Db, slug: string, asOf?: string | null): GatheringRecap | null {
  const g = db.select().from(gatherings).where(eq(gatherings.slug, slug)).get();
  if (!g) return null;
  const day = asOf === undefined ? g.endsOn : asOf;
  const limit = day ? new Date(`${day}T23:59:59.999Z`) : null;
  const before = <T>(column: T) => (limit ? lte(column as never, limit) : undefined);

  const cycleRow = (id: number) =>
    db
      .select({
        id: releaseCycles.id,
        slug: releaseCycles.slug,
        name: releaseCycles.name,
        startsOn: releaseCycles.startsOn,
        releasedOn: releaseCycles.releasedOn,
      })
      .from(releaseCycles)
      .where(eq(releaseCycles.id, id))
      .get()!;
  const plans = cycleRow(g.cycleId);
  const wraps = g.wrapsCycleId ? cycleRow(g.wrapsCycleId) : null;
  const cycleIds = [plans.id, ...(wraps ? [wraps.id] : [])];
  const cycleNames = new Map([[plans.id, plans.name], ...(wraps ? [[wraps.id, wraps.name] as const] : [])]);

  const teamRows = db
    .select({ id: teams.id, slug: teams.slug, name: teams.name })
    .from(teams)
    .where(eq(teams.archived, false))
    .orderBy(asc(teams.sortOrder))
    .all()
    .filter((t) => !g.recapTeams || g.recapTeams.includes(t.slug));

  const published = db
    .select({
      ...updateSectionColumns,
      id: updates.id,
      teamId: updates.teamId,
      cycleId: updates.cycleId,
      gatheringId: updates.gatheringId,
      publishedAt: updates.publishedAt,
    })
    .from(updates)
    .where(and(eq(updates.state, "published"), inArray(updates.cycleId, cycleIds), before(updates.publishedAt)))
    .orderBy(desc(updates.publishedAt), desc(updates.id))
    .all();
  // Each update at its revision of that day: the first revision saved after it holds the text it had then.
  const laterRevisions =
    limit && published.length > 0
      ? db
          .select({ updateId: updateRevisions.updateId, snapshot: updateRevisions.snapshot })
          .from(updateRevisions)
          .where(
            and(
              inArray(
                updateRevisions.updateId,
                published.map((u) => u.id),
              ),
              gt(updateRevisions.createdAt, limit),
            ),
          )
          .orderBy(desc(updateRevisions.version))
          .all()
      : [];
  const asItStood = (row: (typeof published)[number]): RecapUpdate => {
    const snapshot = laterRevisions.filter((r) => r.updateId === row.id).at(-1)?.snapshot as Partial<UpdateSections> | undefined;
    const sections = Object.fromEntries(
      Object.keys(updateSectionColumns).map((field) => [
        field,
        snapshot?.[field as keyof UpdateSections] ?? row[field as keyof UpdateSections],
      ]),
    ) as unknown as UpdateSections;
    return { ...sections, id: row.id, cycleName: cycleNames.get(row.cycleId) ?? "", publishedOn: dayOf(row.publishedAt) };
  };

  const lastUpdates = new Map(
    db
      .select({ teamId: updates.teamId, last: max(updates.publishedAt) })
      .from(updates)
      .where(and(eq(updates.state, "published"), before(updates.publishedAt)))
      .groupBy(updates.teamId)
      .all()
      .map((r) => [r.teamId, r.last ? dayOf(new Date(Number(r.last))) : null]),
  );

  const items = db
    .select({
      teamId: roadmapItems.teamId,
      cycleId: roadmapItems.cycleId,
      title: roadmapItems.title,
      status: roadmapItems.status,
      deliveredOn: roadmapItems.deliveredOn,
      updatedAt: roadmapItems.updatedAt,
    })
    .from(roadmapItems)
    .where(and(inArray(roadmapItems.cycleId, cycleIds), before(roadmapItems.createdAt)))
    .orderBy(asc(roadmapItems.sortOrder), asc(roadmapItems.id))
    .all();
  const deliveredBy = (item: (typeof items)[number]) =>
    item.status === "done" && (!day || (item.deliveredOn ? item.deliveredOn <= day : item.updatedAt <= limit!));

  // A request counts as wanted then if it is still wanted, or was closed only after that day.
  const requests = db
    .select({ teamId: helpRequests.teamId, title: helpRequests.title, linkUrl: helpRequests.linkUrl, contact: helpRequests.contact })
    .from(helpRequests)
    .where(
      and(
        inArray(helpRequests.cycleId, cycleIds),
        before(helpRequests.createdAt),
        limit
          ? or(inArray(helpRequests.status, HELP_STILL_WANTED), gt(helpRequests.updatedAt, limit))
          : inArray(helpRequests.status, HELP_STILL_WANTED),
      ),
    )
    .orderBy(asc(helpRequests.id))
    .all();

  const numbersCycle = wraps ?? plans;
  const previousCycle = db
    .select({ id: releaseCycles.id, name: releaseCycles.name })
    .from(releaseCycles)
    .where(and(lt(releaseCycles.startsOn, numbersCycle.startsOn), ne(releaseCycles.id, numbersCycle.id)))
    .orderBy(desc(releaseCycles.startsOn))
    .get();
  const numbersBefore = previousCycle ? readCycleNumbers(db, previousCycle.id, limit ?? undefined) : [];
  const numbers = readCycleNumbers(db, numbersCycle.id, limit ?? undefined)
    .filter((n): n is typeof n & { value: number | string } => n.value !== null)
    .map((n) => ({
      key: n.key,
      label: n.label,
      kind: n.kind,
      decimals: n.decimals,
      value: n.value,
      before: numbersBefore.find((p) => p.key === n.key)?.value ?? null,
    }));

  const topicRows = db
    .select({
      id: communityTopics.id,
      title: communityTopics.title,
      notes: communityTopics.notes,
      outcome: communityTopics.outcome,
      decision: communityTopics.decision,
    })
    .from(communityTopics)
    .where(and(eq(communityTopics.gatheringId, g.id), before(communityTopics.createdAt)))
    .orderBy(asc(communityTopics.sortOrder), asc(communityTopics.id))
    .all();
  const actionItems =
    topicRows.length > 0
      ? db
          .select({ topicId: topicActionItems.topicId, description: topicActionItems.description, ownerName: topicActionItems.ownerName })
          .from(topicActionItems)
          .where(
            inArray(
              topicActionItems.topicId,
              topicRows.map((t) => t.id),
            ),
          )
          .orderBy(asc(topicActionItems.id))
          .all()
      : [];
  const topics = topicRows.map(({ id, ...topic }) => {
    const current = {
      ...topic,
      actionItems: actionItems.filter((a) => a.topicId === id).map(({ description, ownerName }) => ({ description, ownerName })),
    };
    return limit ? topicAsOf(db, id, current, limit) : current;
  });

  const gatheringUrls = new Set([g.etherpadUrl, g.websiteUrl, g.recordingUrl].filter(Boolean));
  const links =
    published.length > 0
      ? db
          .select({ updateId: updateLinks.updateId, label: updateLinks.label, url: updateLinks.url })
          .from(updateLinks)
          .where(
            inArray(
              updateLinks.updateId,
              published.map((u) => u.id),
            ),
          )
          .orderBy(asc(updateLinks.sortOrder))
          .all()
      : [];
  const linksOf = (updateIds: number[]) => {
    const seen = new Set(gatheringUrls);
    return links
      .filter((l) => updateIds.includes(l.updateId) && !seen.has(l.url) && seen.add(l.url))
      .map(({ label, url }) => ({ label, url }));
  };

  const words = new Map(
    db
      .select({ health: healthDefinitions.health, label: healthDefinitions.label })
      .from(healthDefinitions)
      .all()
      .map((d) => [d.health, d.label]),
  );
  const author = g.recapAuthorId
    ? (db.select({ name: people.name }).from(people).where(eq(people.id, g.recapAuthorId)).get()?.name ?? null)
    : null;

  return {
    gathering: {
      slug: g.slug,
      name: g.name,
      startsOn: g.startsOn,
      endsOn: g.endsOn,
      websiteUrl: g.websiteUrl,
      notesUrl: g.etherpadUrl,
      recordingUrl: g.recordingUrl,
      intro: g.recapIntro,
      closing: g.recapClosing,
      author,
    },
    asOf: day,
    plans: { slug: plans.slug, name: plans.name },
    wraps: wraps && {
      slug: wraps.slug,
      name: wraps.name,
      releasedOn: wraps.releasedOn && (!day || wraps.releasedOn <= day) ? wraps.releasedOn : null,
    },
    sections: RECAP_SECTION.filter((s) => !g.recapSections || g.recapSections.includes(s)),
    teams: teamRows.map((team) => {
      const own = published.filter((u) => u.teamId === team.id);
      const current = own.find((u) => u.gatheringId === g.id) ?? own.find((u) => u.cycleId === plans.id);
      const ending = wraps ? own.find((u) => u.cycleId === wraps.id && u !== current) : undefined;
      return {
        slug: team.slug,
        name: team.name,
        current: current ? asItStood(current) : null,
        ending: ending ? asItStood(ending) : null,
        lastUpdateOn: lastUpdates.get(team.id) ?? null,
        delivered: wraps
          ? items.filter((i) => i.teamId === team.id && i.cycleId === wraps.id && deliveredBy(i)).map((i) => ({ title: i.title }))
          : [],
        plans: items
          .filter((i) => i.teamId === team.id && i.cycleId === plans.id && i.status !== "dropped" && !deliveredBy(i))
          .map((i) => ({ title: i.title, status: i.status })),
        help: requests.filter((r) => r.teamId === team.id).map(({ teamId: _teamId, ...r }) => r),
        links: linksOf([current, ending].flatMap((u) => (u ? [u.id] : []))),
      };
    }),
    numbersOf: { cycle: numbersCycle.name, before: previousCycle?.name ?? null },
    numbers,
    topics,
    healthLabels: Object.fromEntries(
      Object.entries(HEALTH_LABELS).map(([health, label]) => [health, words.get(health as Health) ?? label]),
    ) as Record<Health, string>,
  };
}

/** The recap of `gathering` as of a day ("now" for the current view; by default its last day). */
export async function getGatheringRecap({ gathering, asOf }: { gathering: string; asOf?: string }): Promise<GatheringRecap | null> {
  return cachedGatheringRecap(gathering, asOf ?? "", await liveDataVersion());
}

async function cachedGatheringRecap(slug: string, asOf: string, _dataVersion: DataVersion): Promise<GatheringRecap | null> {
  "use cache";
  cacheLife("dashboard");
  const db = getDb();
  const recap = readGatheringRecap(db, slug, asOf === "" ? undefined : asOf === "now" ? null : asOf);
  const teamTags = db
    .select({ id: teams.id })
    .from(teams)
    .all()
    .map((t) => tags.team(t.id));
  const cycleTags = db
    .select({ id: releaseCycles.id })
    .from(releaseCycles)
    .all()
    .map((c) => tags.cycle(c.id));
  // Every team's section, and the figures of both cycles and of the one before them.
  cacheTag(tags.site, tags.cycles, tags.teams, tags.teamList, ...teamTags, ...cycleTags);
  return recap;
}
