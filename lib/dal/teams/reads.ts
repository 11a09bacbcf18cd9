import "server-only";
import { cacheLife, cacheTag } from "next/cache";
import { and, asc, desc, eq, inArray, type SQL } from "drizzle-orm";
import { getDb, type Db } from "@/db/client";
import {
  helpRequests,
  milestones,
  people,
  releaseCycles,
  roadmapItemLinks,
  roadmapItems,
  teamLeads,
  teamLinks,
  teams,
  updateReminders,
  updates,
} from "@/db/schema";
import {
  HELP_STILL_WANTED,
  type Health,
  type HelpStatus,
  type RoadmapKind,
  type RoadmapStatus,
  type TeamLinkKind,
  type TrackerKind,
} from "@/lib/domain";
import { liveDataVersion, tags, type DataVersion } from "../cache/cache";
import { readTeamNumbers, type TeamMetricHistory } from "../metrics/reads";
import { readUpdateSections, type UpdateSections } from "../updates/reads";
import { latestPublishedUpdateId } from "../updates/visibility";

export interface TeamListEntry {
  id: number;
  slug: string;
  name: string;
  mission: string;
  leads: string[];
  latestUpdate: { id: number; cycleName: string; health: Health; publishedAt: number } | null;
}

function leadsByTeam(db: Db, teamIds: number[]): Map<number, string[]> {
  const rows =
    teamIds.length === 0
      ? []
      : db
          .select({ teamId: teamLeads.teamId, name: people.name })
          .from(teamLeads)
          .innerJoin(people, eq(people.id, teamLeads.personId))
          .where(and(inArray(teamLeads.teamId, teamIds), eq(people.active, true)))
          .orderBy(asc(people.name))
          .all();
  const map = new Map<number, string[]>();
  for (const r of rows) map.set(r.teamId, [...(map.get(r.teamId) ?? []), r.name]);
  return map;
}

export function readTeams(db: Db): TeamListEntry[] {
  const rows = db
    .select({
      id: teams.id,
      slug: teams.slug,
      name: teams.name,
      mission: teams.mission,
      updateId: updates.id,
      cycleName: releaseCycles.name,
      health: updates.health,
      publishedAt: updates.publishedAt,
    })
    .from(teams)
    .leftJoin(updates, eq(updates.id, latestPublishedUpdateId(teams.id)))
    .leftJoin(releaseCycles, eq(releaseCycles.id, updates.cycleId))
    .where(eq(teams.archived, false))
    .orderBy(asc(teams.sortOrder), asc(teams.name))
    .all();
  const leads = leadsByTeam(
    db,
    rows.map((r) => r.id),
  );
  return rows.map(({ updateId, cycleName, health, publishedAt, ...team }) => ({
    ...team,
    leads: leads.get(team.id) ?? [],
    latestUpdate:
      updateId && cycleName && health && publishedAt ? { id: updateId, cycleName, health, publishedAt: publishedAt.getTime() } : null,
  }));
}

export interface TeamProfile {
  team: { id: number; slug: string; name: string; mission: string; archived: boolean };
  leads: string[];
  shepherd: string | null;
  links: { id: number; kind: TeamLinkKind; label: string; url: string }[];
  /** The latest published update, in full. */
  currentUpdate: (UpdateSections & { id: number; cycleSlug: string; cycleName: string; publishedAt: number }) | null;
  history: { id: number; cycleSlug: string; cycleName: string; headline: string; health: Health; publishedAt: number }[];
  numbers: TeamMetricHistory[];
  /** Newest cycle first. */
  roadmap: {
    cycleSlug: string;
    cycleName: string;
    items: {
      id: number;
      title: string;
      description: string;
      status: RoadmapStatus;
      kind: RoadmapKind;
      helpWanted: boolean;
      originalCycleName: string;
      links: { kind: TrackerKind; label: string; url: string }[];
    }[];
  }[];
  helpRequests: {
    id: number;
    title: string;
    details: string;
    linkUrl: string | null;
    contact: string;
    status: HelpStatus;
    cycleName: string;
  }[];
  /** The last "update due" reminder the team got, for a friendly notice until it posts. */
  latestReminder: { milestoneName: string; dueOn: string; sentAt: number } | null;
  /** Older cycles whose history and roadmap are left out (0 when every cycle is shown). */
  olderCycles: number;
}

/** History and roadmap show the newest cycles unless every cycle is asked for: a team of many years stays one light page. */
export const RECENT_CYCLES = 5;

export function readTeamProfile(db: Db, slug: string, { allCycles = false }: { allCycles?: boolean } = {}): TeamProfile | null {
  const team = db
    .select({
      id: teams.id,
      slug: teams.slug,
      name: teams.name,
      mission: teams.mission,
      archived: teams.archived,
      shepherdId: teams.shepherdId,
    })
    .from(teams)
    .where(eq(teams.slug, slug))
    .get();
  if (!team) return null;
  const { shepherdId, ...teamFields } = team;

  const allTeamCycles = db
    .select({ id: releaseCycles.id, slug: releaseCycles.slug, name: releaseCycles.name })
    .from(releaseCycles)
    .orderBy(desc(releaseCycles.startsOn), desc(releaseCycles.id))
    .all();
  const cycles = allCycles ? allTeamCycles : allTeamCycles.slice(0, RECENT_CYCLES);
  const shownCycleIds = cycles.map((c) => c.id);
  const historyRows = (where: SQL | undefined) =>
    db
      .select({
        id: updates.id,
        cycleSlug: releaseCycles.slug,
        cycleName: releaseCycles.name,
        headline: updates.headline,
        health: updates.health,
        publishedAt: updates.publishedAt,
      })
      .from(updates)
      .innerJoin(releaseCycles, eq(releaseCycles.id, updates.cycleId))
      .where(and(eq(updates.teamId, team.id), eq(updates.state, "published"), where))
      .orderBy(desc(updates.publishedAt), desc(updates.id))
      .all()
      .map((u) => ({ ...u, publishedAt: u.publishedAt?.getTime() ?? 0 }));
  const history = historyRows(inArray(updates.cycleId, shownCycleIds));
  // The current update is the team's newest, even when it is older than the cycles shown (rare: read all then).
  const latest = history[0] ?? historyRows(undefined)[0];
  const currentSections = latest ? readUpdateSections(db, latest.id) : null;

  const cycleName = new Map(allTeamCycles.map((c) => [c.id, c.name]));
  const items = db
    .select({
      id: roadmapItems.id,
      cycleId: roadmapItems.cycleId,
      originalCycleId: roadmapItems.originalCycleId,
      title: roadmapItems.title,
      description: roadmapItems.description,
      status: roadmapItems.status,
      kind: roadmapItems.kind,
      helpWanted: roadmapItems.helpWanted,
    })
    .from(roadmapItems)
    .where(and(eq(roadmapItems.teamId, team.id), inArray(roadmapItems.cycleId, shownCycleIds)))
    .orderBy(asc(roadmapItems.sortOrder), asc(roadmapItems.id))
    .all();
  const itemLinks =
    items.length === 0
      ? []
      : db
          .select({
            itemId: roadmapItemLinks.itemId,
            kind: roadmapItemLinks.kind,
            label: roadmapItemLinks.label,
            url: roadmapItemLinks.url,
          })
          .from(roadmapItemLinks)
          .where(
            inArray(
              roadmapItemLinks.itemId,
              items.map((i) => i.id),
            ),
          )
          .all();

  return {
    team: teamFields,
    leads: leadsByTeam(db, [team.id]).get(team.id) ?? [],
    shepherd: shepherdId ? (db.select({ name: people.name }).from(people).where(eq(people.id, shepherdId)).get()?.name ?? null) : null,
    links: db
      .select({ id: teamLinks.id, kind: teamLinks.kind, label: teamLinks.label, url: teamLinks.url })
      .from(teamLinks)
      .where(eq(teamLinks.teamId, team.id))
      .orderBy(asc(teamLinks.sortOrder), asc(teamLinks.id))
      .all(),
    currentUpdate:
      latest && currentSections
        ? { ...currentSections, id: latest.id, cycleSlug: latest.cycleSlug, cycleName: latest.cycleName, publishedAt: latest.publishedAt }
        : null,
    history,
    numbers: readTeamNumbers(db, team.id),
    roadmap: cycles
      .map((c) => ({
        cycleSlug: c.slug,
        cycleName: c.name,
        items: items
          .filter((i) => i.cycleId === c.id)
          .map(({ cycleId: _cycleId, originalCycleId, ...i }) => ({
            ...i,
            originalCycleName: cycleName.get(originalCycleId) ?? "",
            links: itemLinks.filter((l) => l.itemId === i.id).map(({ itemId: _itemId, ...l }) => l),
          })),
      }))
      .filter((group) => group.items.length > 0),
    latestReminder: (() => {
      const row = db
        .select({ milestoneName: milestones.name, dueOn: milestones.dueOn, sentAt: updateReminders.createdAt })
        .from(updateReminders)
        .innerJoin(milestones, eq(milestones.id, updateReminders.milestoneId))
        .where(eq(updateReminders.teamId, team.id))
        .orderBy(desc(updateReminders.createdAt))
        .get();
      return row ? { ...row, sentAt: row.sentAt.getTime() } : null;
    })(),
    helpRequests: db
      .select({
        id: helpRequests.id,
        title: helpRequests.title,
        details: helpRequests.details,
        linkUrl: helpRequests.linkUrl,
        contact: helpRequests.contact,
        status: helpRequests.status,
        cycleName: releaseCycles.name,
      })
      .from(helpRequests)
      .innerJoin(releaseCycles, eq(releaseCycles.id, helpRequests.cycleId))
      .where(and(eq(helpRequests.teamId, team.id), inArray(helpRequests.status, HELP_STILL_WANTED)))
      .orderBy(asc(helpRequests.id))
      .all(),
    olderCycles: allTeamCycles.length - cycles.length,
  };
}

export async function listTeams(): Promise<TeamListEntry[]> {
  return cachedTeams(await liveDataVersion());
}

async function cachedTeams(_dataVersion: DataVersion): Promise<TeamListEntry[]> {
  "use cache";
  cacheLife("dashboard");
  cacheTag(tags.teams, tags.teamList);
  return readTeams(getDb());
}

export async function getTeamProfile({ team, allCycles = false }: { team: string; allCycles?: boolean }): Promise<TeamProfile | null> {
  return cachedTeamProfile(team, allCycles, await liveDataVersion());
}

async function cachedTeamProfile(slug: string, allCycles: boolean, _dataVersion: DataVersion): Promise<TeamProfile | null> {
  "use cache";
  cacheLife("dashboard");
  const profile = readTeamProfile(getDb(), slug, { allCycles });
  cacheTag(tags.teams, tags.cycles, ...(profile ? [tags.team(profile.team.id)] : []));
  return profile;
}
