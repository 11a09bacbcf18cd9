import "server-only";
import { cacheLife, cacheTag } from "next/cache";
import { and, asc, desc, eq, inArray, lt, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import { getDb, type Db } from "@/db/client";
import {
  communityTopics,
  gatherings,
  helpRequests,
  milestones,
  releaseCycles,
  roadmapItemLinks,
  roadmapItems,
  teams,
  topicActionItems,
  updates,
} from "@/db/schema";
import {
  HELP_STILL_WANTED,
  ROADMAP_UNFINISHED,
  UNHEALTHY,
  type CycleStatus,
  type Health,
  type HelpStatus,
  type RoadmapStatus,
  type TopicOutcome,
} from "@/lib/domain";
import { liveDataVersion, tags, type DataVersion } from "../cache/cache";
import { readCycleNumbers, readDelivery, type CycleNumber } from "../metrics/reads";
import { latestPublishedUpdateId } from "../updates/visibility";

export interface CycleSummary {
  id: number;
  slug: string;
  name: string;
  status: CycleStatus;
  startsOn: string;
  targetReleaseOn: string;
  releasedOn: string | null;
  summary: string;
  teamsReporting: number;
}

export interface TeamCard {
  id: number;
  slug: string;
  name: string;
  latestUpdate: { id: number; headline: string; health: Health; publishedAt: number } | null;
  roadmap: { total: number; done: number; inProgress: number; atRisk: number };
  /** The team's help requests in this cycle still waiting for help or being worked on. */
  helpRequests: { open: number; taken: number };
  keyNumbers: CycleNumber[];
}

export interface CycleBoard {
  cycle: CycleSummary;
  milestones: { id: number; name: string; dueOn: string; doneOn: string | null }[];
  gatherings: { slug: string; name: string; startsOn: string; endsOn: string; etherpadUrl: string | null; websiteUrl: string | null }[];
  teams: TeamCard[];
  /** Teams whose latest update is at risk, off track or blocked. */
  atRisk: { teamSlug: string; teamName: string; updateId: number; headline: string; health: Health }[];
  /** Open help requests, then roadmap items flagged "help wanted" that have no request of their own. */
  helpWanted: {
    key: string;
    teamSlug: string;
    teamName: string;
    title: string;
    linkUrl: string | null;
    contact: string;
    status: HelpStatus;
    /** The cycle a request was first asked in, when it has moved on since. */
    askedIn: string | null;
  }[];
  numbers: CycleNumber[];
  delivery: ReturnType<typeof readDelivery>;
  /** The cycle before this one, for comparison. */
  previous: { id: number; slug: string; name: string; numbers: CycleNumber[]; delivery: { planned: number; delivered: number } } | null;
  topics: {
    id: number;
    gatheringId: number | null;
    title: string;
    notes: string;
    outcome: TopicOutcome;
    decision: string;
    actionItems: { id: number; description: string; ownerName: string; status: string }[];
  }[];
}

const cycleColumns = {
  id: releaseCycles.id,
  slug: releaseCycles.slug,
  name: releaseCycles.name,
  status: releaseCycles.status,
  startsOn: releaseCycles.startsOn,
  targetReleaseOn: releaseCycles.targetReleaseOn,
  releasedOn: releaseCycles.releasedOn,
  summary: releaseCycles.summary,
  // Written with explicit qualifiers: drizzle leaves columns unqualified in a one-table select.
  teamsReporting: sql<number>`(select count(distinct u.team_id) from ${updates} u where u.cycle_id = ${releaseCycles}.id and u.state = 'published')`,
};

export function readCycles(db: Db): CycleSummary[] {
  return db.select(cycleColumns).from(releaseCycles).orderBy(desc(releaseCycles.startsOn)).all();
}

/** One cycle's summary, by slug; undefined when there is no such cycle. */
export function readCycleSummary(db: Db, slug: string): CycleSummary | undefined {
  return db.select(cycleColumns).from(releaseCycles).where(eq(releaseCycles.slug, slug)).get();
}

/** The active teams in board order, each with its latest published update in the cycle (null before its first). */
function readTeamsWithLatest(db: Db, cycleId: number) {
  return db
    .select({
      id: teams.id,
      slug: teams.slug,
      name: teams.name,
      updateId: updates.id,
      headline: updates.headline,
      health: updates.health,
      publishedAt: updates.publishedAt,
    })
    .from(teams)
    .leftJoin(updates, eq(updates.id, latestPublishedUpdateId(teams.id, cycleId)))
    .where(eq(teams.archived, false))
    .orderBy(asc(teams.sortOrder), asc(teams.name))
    .all()
    .map(({ updateId, headline, health, publishedAt, ...team }) => ({
      ...team,
      latestUpdate:
        updateId !== null && headline !== null && health !== null && publishedAt
          ? { id: updateId, headline, health, publishedAt: publishedAt.getTime() }
          : null,
    }));
}

function atRiskOf(teamsWithLatest: { slug: string; name: string; latestUpdate: TeamCard["latestUpdate"] }[]): CycleBoard["atRisk"] {
  return teamsWithLatest.flatMap((t) =>
    t.latestUpdate && UNHEALTHY.includes(t.latestUpdate.health)
      ? [
          {
            teamSlug: t.slug,
            teamName: t.name,
            updateId: t.latestUpdate.id,
            headline: t.latestUpdate.headline,
            health: t.latestUpdate.health,
          },
        ]
      : [],
  );
}

/** Teams whose latest update in the cycle is at risk, off track or blocked, in board order. */
export function readAtRisk(db: Db, cycleId: number): CycleBoard["atRisk"] {
  return atRiskOf(readTeamsWithLatest(db, cycleId));
}

const askedInCycle = alias(releaseCycles, "asked_in_cycle");

/** The cycle's open help requests, then roadmap items flagged "help wanted" that have no request of their own. */
export function readCycleHelpWanted(db: Db, cycleId: number): CycleBoard["helpWanted"] {
  const requests = db
    .select({
      id: helpRequests.id,
      roadmapItemId: helpRequests.roadmapItemId,
      teamSlug: teams.slug,
      teamName: teams.name,
      title: helpRequests.title,
      linkUrl: helpRequests.linkUrl,
      contact: helpRequests.contact,
      status: helpRequests.status,
      askedIn: askedInCycle.name,
    })
    .from(helpRequests)
    .innerJoin(teams, eq(teams.id, helpRequests.teamId))
    .leftJoin(askedInCycle, eq(askedInCycle.id, helpRequests.askedInCycleId))
    .where(and(eq(helpRequests.cycleId, cycleId), inArray(helpRequests.status, HELP_STILL_WANTED)))
    .orderBy(asc(teams.sortOrder), asc(helpRequests.id))
    .all();
  const covered = new Set(requests.map((r) => r.roadmapItemId));
  const flaggedItems = db
    .select({
      id: roadmapItems.id,
      teamSlug: teams.slug,
      teamName: teams.name,
      title: roadmapItems.title,
      linkUrl: sql<string | null>`(select url from ${roadmapItemLinks} l where l.item_id = ${roadmapItems}.id order by l.id limit 1)`,
    })
    .from(roadmapItems)
    .innerJoin(teams, eq(teams.id, roadmapItems.teamId))
    .where(and(eq(roadmapItems.cycleId, cycleId), eq(roadmapItems.helpWanted, true), inArray(roadmapItems.status, ROADMAP_UNFINISHED)))
    .orderBy(asc(teams.sortOrder), asc(roadmapItems.sortOrder))
    .all()
    .filter((item) => !covered.has(item.id));
  return [
    ...requests.map(({ id, roadmapItemId: _roadmapItemId, ...r }) => ({ ...r, key: `request-${id}` })),
    ...flaggedItems.map(({ id, ...item }) => ({ ...item, key: `roadmap-${id}`, contact: "", status: "open" as const, askedIn: null })),
  ];
}

export function readCycleBoard(db: Db, slug: string): CycleBoard | null {
  const cycle = readCycleSummary(db, slug);
  if (!cycle) return null;

  const activeTeams = readTeamsWithLatest(db, cycle.id);

  const items = db
    .select({ teamId: roadmapItems.teamId, status: roadmapItems.status })
    .from(roadmapItems)
    .where(eq(roadmapItems.cycleId, cycle.id))
    .all();
  const roadmapFor = (teamId: number) => {
    const own = items.filter((i) => i.teamId === teamId && i.status !== "dropped");
    const count = (status: RoadmapStatus) => own.filter((i) => i.status === status).length;
    return { total: own.length, done: count("done"), inProgress: count("in_progress"), atRisk: count("deferred") };
  };

  const openRequests = db
    .select({ teamId: helpRequests.teamId, status: helpRequests.status })
    .from(helpRequests)
    .where(and(eq(helpRequests.cycleId, cycle.id), inArray(helpRequests.status, HELP_STILL_WANTED)))
    .all();
  const helpRequestsFor = (teamId: number) => {
    const own = openRequests.filter((r) => r.teamId === teamId);
    return { open: own.filter((r) => r.status === "open").length, taken: own.filter((r) => r.status === "taken").length };
  };

  const numbers = readCycleNumbers(db, cycle.id);
  const previousCycle = db
    .select({ id: releaseCycles.id, slug: releaseCycles.slug, name: releaseCycles.name })
    .from(releaseCycles)
    .where(lt(releaseCycles.startsOn, cycle.startsOn))
    .orderBy(desc(releaseCycles.startsOn))
    .get();

  const teamCards: TeamCard[] = activeTeams.map((team) => ({
    ...team,
    roadmap: roadmapFor(team.id),
    helpRequests: helpRequestsFor(team.id),
    keyNumbers: numbers.filter((n) => n.teamIds.includes(team.id)),
  }));

  const topicRows = db
    .select({
      id: communityTopics.id,
      gatheringId: communityTopics.gatheringId,
      title: communityTopics.title,
      notes: communityTopics.notes,
      outcome: communityTopics.outcome,
      decision: communityTopics.decision,
    })
    .from(communityTopics)
    .where(eq(communityTopics.cycleId, cycle.id))
    .orderBy(asc(communityTopics.sortOrder), asc(communityTopics.id))
    .all();
  const actionItems =
    topicRows.length === 0
      ? []
      : db
          .select({
            id: topicActionItems.id,
            topicId: topicActionItems.topicId,
            description: topicActionItems.description,
            ownerName: topicActionItems.ownerName,
            status: topicActionItems.status,
          })
          .from(topicActionItems)
          .where(
            inArray(
              topicActionItems.topicId,
              topicRows.map((t) => t.id),
            ),
          )
          .orderBy(asc(topicActionItems.id))
          .all();

  return {
    cycle,
    milestones: db
      .select({ id: milestones.id, name: milestones.name, dueOn: milestones.dueOn, doneOn: milestones.doneOn })
      .from(milestones)
      .where(eq(milestones.cycleId, cycle.id))
      .orderBy(asc(milestones.dueOn))
      .all(),
    gatherings: db
      .select({
        slug: gatherings.slug,
        name: gatherings.name,
        startsOn: gatherings.startsOn,
        endsOn: gatherings.endsOn,
        etherpadUrl: gatherings.etherpadUrl,
        websiteUrl: gatherings.websiteUrl,
      })
      .from(gatherings)
      .where(eq(gatherings.cycleId, cycle.id))
      .orderBy(asc(gatherings.startsOn))
      .all(),
    teams: teamCards,
    atRisk: atRiskOf(teamCards),
    helpWanted: readCycleHelpWanted(db, cycle.id),
    numbers,
    delivery: readDelivery(db, cycle.id),
    previous: previousCycle
      ? {
          id: previousCycle.id,
          slug: previousCycle.slug,
          name: previousCycle.name,
          numbers: readCycleNumbers(db, previousCycle.id),
          delivery: readDelivery(db, previousCycle.id).overall,
        }
      : null,
    topics: topicRows.map((topic) => ({
      ...topic,
      actionItems: actionItems.filter((a) => a.topicId === topic.id).map(({ topicId: _topicId, ...a }) => a),
    })),
  };
}

export async function listCycles(): Promise<CycleSummary[]> {
  return cachedCycles(await liveDataVersion());
}

async function cachedCycles(_dataVersion: DataVersion): Promise<CycleSummary[]> {
  "use cache";
  cacheLife("dashboard");
  cacheTag(tags.cycles);
  return readCycles(getDb());
}

/** One cycle's dashboard, by slug ("10.0"); null when there is no such cycle. */
export async function getCycleBoard({ cycle }: { cycle: string }): Promise<CycleBoard | null> {
  return cachedCycleBoard(cycle, await liveDataVersion());
}

async function cachedCycleBoard(slug: string, _dataVersion: DataVersion): Promise<CycleBoard | null> {
  "use cache";
  cacheLife("dashboard");
  const board = readCycleBoard(getDb(), slug);
  // Team names and order appear on every board; unknown slugs wait for a new cycle; the
  // previous cycle's figures stand beside this one's.
  cacheTag(
    tags.cycles,
    tags.teams,
    ...(board ? [tags.cycle(board.cycle.id)] : []),
    ...(board?.previous ? [tags.cycle(board.previous.id)] : []),
  );
  return board;
}
