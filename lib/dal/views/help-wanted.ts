/** Every open call for help across teams and cycles: where a newcomer can start. */
import "server-only";
import { cacheLife, cacheTag } from "next/cache";
import { and, asc, desc, eq, inArray } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import { getDb, type Db } from "@/db/client";
import { helpRequests, people, releaseCycles, roadmapItemLinks, roadmapItems, teams } from "@/db/schema";
import { HELP_STILL_WANTED, ROADMAP_UNFINISHED } from "@/lib/domain";
import { liveDataVersion, tags, type DataVersion } from "../cache/cache";

export interface HelpWantedEntry {
  key: string;
  title: string;
  details: string;
  linkUrl: string | null;
  contact: string;
  owner: string | null;
  /** A newcomer who took it up, by name. */
  takenBy: string | null;
  status: "open" | "taken";
  team: { slug: string; name: string };
  cycle: { slug: string; name: string };
  /** The cycle it was first asked in, when it has moved on since. */
  askedIn: string | null;
}

const askedInCycle = alias(releaseCycles, "asked_in_cycle");

export function readHelpWanted(db: Db, filters: { team?: string; cycle?: string }): HelpWantedEntry[] {
  const teamFilter = filters.team ? eq(teams.slug, filters.team) : undefined;
  const cycleFilter = filters.cycle ? eq(releaseCycles.slug, filters.cycle) : undefined;
  const requests = db
    .select({
      id: helpRequests.id,
      roadmapItemId: helpRequests.roadmapItemId,
      title: helpRequests.title,
      details: helpRequests.details,
      linkUrl: helpRequests.linkUrl,
      contact: helpRequests.contact,
      owner: people.name,
      takenBy: helpRequests.takenByName,
      status: helpRequests.status,
      teamSlug: teams.slug,
      teamName: teams.name,
      cycleSlug: releaseCycles.slug,
      cycleName: releaseCycles.name,
      askedIn: askedInCycle.name,
    })
    .from(helpRequests)
    .innerJoin(teams, eq(teams.id, helpRequests.teamId))
    .innerJoin(releaseCycles, eq(releaseCycles.id, helpRequests.cycleId))
    .leftJoin(askedInCycle, eq(askedInCycle.id, helpRequests.askedInCycleId))
    .leftJoin(people, eq(people.id, helpRequests.ownerId))
    .where(and(inArray(helpRequests.status, HELP_STILL_WANTED), teamFilter, cycleFilter))
    .orderBy(desc(releaseCycles.startsOn), asc(teams.sortOrder), asc(helpRequests.id))
    .all();
  const covered = new Set(requests.map((r) => r.roadmapItemId));
  const items = db
    .select({
      id: roadmapItems.id,
      title: roadmapItems.title,
      details: roadmapItems.description,
      teamSlug: teams.slug,
      teamName: teams.name,
      cycleSlug: releaseCycles.slug,
      cycleName: releaseCycles.name,
    })
    .from(roadmapItems)
    .innerJoin(teams, eq(teams.id, roadmapItems.teamId))
    .innerJoin(releaseCycles, eq(releaseCycles.id, roadmapItems.cycleId))
    .where(and(eq(roadmapItems.helpWanted, true), inArray(roadmapItems.status, ROADMAP_UNFINISHED), teamFilter, cycleFilter))
    .orderBy(desc(releaseCycles.startsOn), asc(teams.sortOrder), asc(roadmapItems.sortOrder))
    .all()
    .filter((i) => !covered.has(i.id));
  const links =
    items.length === 0
      ? []
      : db
          .select({ itemId: roadmapItemLinks.itemId, url: roadmapItemLinks.url })
          .from(roadmapItemLinks)
          .where(
            inArray(
              roadmapItemLinks.itemId,
              items.map((i) => i.id),
            ),
          )
          .orderBy(asc(roadmapItemLinks.id))
          .all();
  return [
    ...requests.map((r) => ({
      key: `request-${r.id}`,
      title: r.title,
      details: r.details,
      linkUrl: r.linkUrl,
      contact: r.contact,
      owner: r.owner,
      takenBy: r.takenBy,
      status: r.status as "open" | "taken",
      team: { slug: r.teamSlug, name: r.teamName },
      cycle: { slug: r.cycleSlug, name: r.cycleName },
      askedIn: r.askedIn,
    })),
    ...items.map((i) => ({
      key: `roadmap-${i.id}`,
      title: i.title,
      details: i.details,
      linkUrl: links.find((l) => l.itemId === i.id)?.url ?? null,
      contact: "",
      owner: null,
      takenBy: null,
      status: "open" as const,
      team: { slug: i.teamSlug, name: i.teamName },
      cycle: { slug: i.cycleSlug, name: i.cycleName },
      askedIn: null,
    })),
  ];
}

export async function getHelpWanted(filters: { team?: string; cycle?: string }): Promise<HelpWantedEntry[]> {
  return cachedHelpWanted(filters.team ?? "", filters.cycle ?? "", await liveDataVersion());
}

async function cachedHelpWanted(team: string, cycle: string, _dataVersion: DataVersion): Promise<HelpWantedEntry[]> {
  "use cache";
  cacheLife("dashboard");
  // Help requests and help-wanted flags change with their team's roadmap: every team's tag may matter here.
  const entries = readHelpWanted(getDb(), { team: team || undefined, cycle: cycle || undefined });
  const teamIds = getDb()
    .select({ id: teams.id })
    .from(teams)
    .all()
    .map((t) => tags.team(t.id));
  cacheTag(tags.teams, tags.cycles, ...teamIds);
  return entries;
}
