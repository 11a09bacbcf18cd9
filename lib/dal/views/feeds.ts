/** What the Atom feeds list: published updates (site-wide, per team, per cycle) and, per team, "update due" notices. */
import "server-only";
import { cacheLife, cacheTag } from "next/cache";
import { and, desc, eq } from "drizzle-orm";
import { getDb, type Db } from "@/db/client";
import { milestones, people, releaseCycles, teams, updateReminders, updates } from "@/db/schema";
import type { Health } from "@/lib/domain";
import { liveDataVersion, tags, type DataVersion } from "../cache/cache";

export interface FeedEntry {
  id: string;
  title: string;
  path: string;
  date: number;
  author: string | null;
  health: Health | null;
  text: string;
}

export interface FeedData {
  teamId: number | null;
  title: string;
  path: string;
  entries: FeedEntry[];
}

const LIMIT = 50;

export function readFeed(db: Db, scope: { team?: string; cycle?: string }): FeedData | null {
  const team = scope.team
    ? db.select({ id: teams.id, name: teams.name, slug: teams.slug }).from(teams).where(eq(teams.slug, scope.team)).get()
    : undefined;
  const cycle = scope.cycle
    ? db
        .select({ id: releaseCycles.id, name: releaseCycles.name, slug: releaseCycles.slug })
        .from(releaseCycles)
        .where(eq(releaseCycles.slug, scope.cycle))
        .get()
    : undefined;
  if ((scope.team && !team) || (scope.cycle && !cycle)) return null;
  const rows = db
    .select({
      id: updates.id,
      headline: updates.headline,
      health: updates.health,
      summary: updates.summary,
      publishedAt: updates.publishedAt,
      teamName: teams.name,
      cycleName: releaseCycles.name,
      author: people.name,
    })
    .from(updates)
    .innerJoin(teams, eq(teams.id, updates.teamId))
    .innerJoin(releaseCycles, eq(releaseCycles.id, updates.cycleId))
    .leftJoin(people, eq(people.id, updates.authorId))
    .where(
      and(
        eq(updates.state, "published"),
        team ? eq(updates.teamId, team.id) : undefined,
        cycle ? eq(updates.cycleId, cycle.id) : undefined,
      ),
    )
    .orderBy(desc(updates.publishedAt))
    .limit(LIMIT)
    .all();
  const entries: FeedEntry[] = rows.map((r) => ({
    id: `update-${r.id}`,
    title: `${r.teamName} · ${r.cycleName}: ${r.headline}`,
    path: `/updates/${r.id}`,
    date: r.publishedAt?.getTime() ?? 0,
    author: r.author,
    health: r.health,
    text: r.summary,
  }));
  if (team) {
    const reminders = db
      .select({ id: updateReminders.id, sentAt: updateReminders.createdAt, milestone: milestones.name, dueOn: milestones.dueOn })
      .from(updateReminders)
      .innerJoin(milestones, eq(milestones.id, updateReminders.milestoneId))
      .where(eq(updateReminders.teamId, team.id))
      .orderBy(desc(updateReminders.createdAt))
      .limit(10)
      .all();
    entries.push(
      ...reminders.map((r) => ({
        id: `reminder-${r.id}`,
        title: `${team.name}: update due before ${r.milestone} (${r.dueOn})`,
        path: `/updates/new?team=${team.slug}`,
        date: r.sentAt.getTime(),
        author: null,
        health: null,
        text: `An update from ${team.name} is due before ${r.milestone} on ${r.dueOn}.`,
      })),
    );
    entries.sort((a, b) => b.date - a.date);
  }
  return {
    teamId: team?.id ?? null,
    title: team ? `${team.name} updates` : cycle ? `Cycle ${cycle.name} updates` : "All updates",
    path: team ? `/teams/${team.slug}` : cycle ? `/cycles/${cycle.slug}` : "/",
    entries,
  };
}

export async function getFeed(scope: { team?: string; cycle?: string }): Promise<FeedData | null> {
  return cachedFeed(scope.team ?? "", scope.cycle ?? "", await liveDataVersion());
}

async function cachedFeed(team: string, cycle: string, _dataVersion: DataVersion): Promise<FeedData | null> {
  "use cache";
  cacheLife("dashboard");
  // Any published update may enter the site-wide feed: the team list tag moves with every one.
  const feed = readFeed(getDb(), { team: team || undefined, cycle: cycle || undefined });
  cacheTag(tags.teamList, tags.teams, tags.cycles, ...(feed?.teamId ? [tags.team(feed.teamId)] : []));
  return feed;
}
