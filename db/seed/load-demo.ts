/**
 * Writes a DemoCommunity into an empty database, in one transaction.
 * Used on first start, by `npm run db:seed` and by tests.
 */
import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import type { Db } from "../client";
import * as t from "../schema";
import { unitOfKind } from "@/lib/domain";
import type { DemoCommunity } from "./demo-types";

export class DatabaseNotEmptyError extends Error {}

/** No community content yet (an admin account alone does not count). */
export function isDatabaseEmpty(db: Db): boolean {
  const row = db.get<{ n: number }>(sql`select (select count(*) from ${t.teams}) + (select count(*) from ${t.releaseCycles}) as n`);
  return (row?.n ?? 0) === 0;
}

/** Noon UTC of a calendar date, for timestamps that only have a day in the source. */
const onDay = (isoDate: string) => new Date(`${isoDate}T12:00:00Z`);

function must<V>(map: Map<string, V>, key: string, what: string): V {
  const value = map.get(key);
  if (value === undefined) throw new Error(`Demo data names an unknown ${what}: ${key}`);
  return value;
}

/**
 * `passwordHashes` maps a demo person's key to a password hash (from better-auth's
 * hashPassword); people without one get no password and can only use single sign-on.
 */
export function loadDemoCommunity(
  db: Db,
  demo: DemoCommunity,
  passwordHashes: ReadonlyMap<string, string> = new Map(),
): { people: { key: string; email: string; name: string; id: string }[] } {
  if (!isDatabaseEmpty(db)) throw new DatabaseNotEmptyError("The database already holds data; demo data loads only into an empty one.");

  return db.transaction((tx) => {
    tx.insert(t.communitySettings)
      .values({ id: 1, ...demo.settings })
      .run();
    tx.insert(t.healthDefinitions)
      .values(demo.healthDefinitions.map((h, i) => ({ ...h, sortOrder: i })))
      .run();

    const personIds = new Map<string, string>();
    for (const p of demo.people) {
      const id = randomUUID();
      personIds.set(p.key, id);
      tx.insert(t.people).values({ id, name: p.name, email: p.email, role: p.role, emailVerified: true }).run();
      const hash = passwordHashes.get(p.key);
      if (hash)
        tx.insert(t.accounts).values({ id: randomUUID(), personId: id, accountId: id, providerId: "credential", password: hash }).run();
    }

    const cycleIds = new Map<string, number>();
    for (const c of demo.cycles) {
      const { milestones, ...cycle } = c;
      const row = tx
        .insert(t.releaseCycles)
        .values({ ...cycle, slug: cycle.name.toLowerCase() })
        .returning({ id: t.releaseCycles.id })
        .get();
      cycleIds.set(c.name, row.id);
      if (milestones.length > 0)
        tx.insert(t.milestones)
          .values(milestones.map((m) => ({ ...m, cycleId: row.id })))
          .run();
    }

    const gatheringIds = new Map<string, number>();
    for (const g of demo.gatherings) {
      const { cycle, wrapsCycle, ...gathering } = g;
      const row = tx
        .insert(t.gatherings)
        .values({
          ...gathering,
          cycleId: must(cycleIds, cycle, "cycle"),
          wrapsCycleId: wrapsCycle ? must(cycleIds, wrapsCycle, "cycle") : null,
        })
        .returning({ id: t.gatherings.id })
        .get();
      gatheringIds.set(g.slug, row.id);
    }

    const teamIds = new Map<string, number>();
    demo.teams.forEach((team, i) => {
      const row = tx
        .insert(t.teams)
        .values({
          slug: team.slug,
          name: team.name,
          mission: team.mission,
          sortOrder: i,
          shepherdId: team.shepherd ? must(personIds, team.shepherd, "person") : null,
        })
        .returning({ id: t.teams.id })
        .get();
      teamIds.set(team.slug, row.id);
      if (team.links.length > 0)
        tx.insert(t.teamLinks)
          .values(team.links.map((l, j) => ({ ...l, teamId: row.id, sortOrder: j })))
          .run();
    });

    for (const p of demo.people)
      for (const slug of p.leads)
        tx.insert(t.teamLeads)
          .values({ teamId: must(teamIds, slug, "team"), personId: must(personIds, p.key, "person") })
          .run();

    const metricIds = new Map<string, number>();
    demo.metrics.forEach((m, i) => {
      const row = tx
        .insert(t.metricDefinitions)
        .values({ ...m, unit: unitOfKind(m.kind), teamId: m.team ? must(teamIds, m.team, "team") : null, sortOrder: i })
        .returning({ id: t.metricDefinitions.id })
        .get();
      metricIds.set(m.key, row.id);
    });
    for (const v of demo.metricValues)
      tx.insert(t.metricValues)
        .values({
          metricId: must(metricIds, v.metric, "metric"),
          teamId: must(teamIds, v.team, "team"),
          cycleId: must(cycleIds, v.cycle, "cycle"),
          value: v.value,
          observedAt: onDay(v.observedOn),
          note: v.note,
        })
        .run();

    for (const u of demo.updates) {
      const { team, cycle, gathering, author, publishedOn, links, ...content } = u;
      const publishedAt = onDay(publishedOn);
      const row = tx
        .insert(t.updates)
        .values({
          ...content,
          teamId: must(teamIds, team, "team"),
          cycleId: must(cycleIds, cycle, "cycle"),
          gatheringId: gathering ? must(gatheringIds, gathering, "gathering") : null,
          authorId: must(personIds, author, "person"),
          state: "published",
          // A released cycle's updates were reviewed long ago; the current ones wait for the release manager.
          reviewState: demo.cycles.find((c) => c.name === cycle)?.status === "released" ? "reviewed" : "unreviewed",
          publishedAt,
          createdAt: publishedAt,
          updatedAt: publishedAt,
        })
        .returning({ id: t.updates.id })
        .get();
      if (links.length > 0)
        tx.insert(t.updateLinks)
          .values(links.map((l, i) => ({ ...l, updateId: row.id, sortOrder: i })))
          .run();
    }

    const itemIds = new Map<string, number>();
    demo.roadmapItems.forEach((item, i) => {
      const { team, cycle, originalCycle, links, ...fields } = item;
      const cycleId = must(cycleIds, cycle, "cycle");
      const row = tx
        .insert(t.roadmapItems)
        .values({
          ...fields,
          teamId: must(teamIds, team, "team"),
          cycleId,
          originalCycleId: originalCycle ? must(cycleIds, originalCycle, "cycle") : cycleId,
          sortOrder: i,
          // Planned when its cycle started, as far as the burn-up can tell.
          createdAt: onDay(demo.cycles.find((c) => c.name === cycle)!.startsOn),
        })
        .returning({ id: t.roadmapItems.id })
        .get();
      itemIds.set(`${team}/${item.title}`, row.id);
      if (links.length > 0)
        tx.insert(t.roadmapItemLinks)
          .values(links.map((l) => ({ ...l, itemId: row.id })))
          .run();
    });

    for (const h of demo.helpRequests) {
      const { team, cycle, roadmapItem, owner, ...fields } = h;
      tx.insert(t.helpRequests)
        .values({
          ...fields,
          teamId: must(teamIds, team, "team"),
          cycleId: must(cycleIds, cycle, "cycle"),
          roadmapItemId: roadmapItem ? must(itemIds, `${team}/${roadmapItem}`, "roadmap item") : null,
          ownerId: owner ? must(personIds, owner, "person") : null,
          // Asked when its cycle started, so a recap "as it stood" then can show it.
          createdAt: onDay(demo.cycles.find((c) => c.name === cycle)!.startsOn),
        })
        .run();
    }

    demo.topics.forEach((topic, i) => {
      const { cycle, gathering, actionItems, ...fields } = topic;
      const row = tx
        .insert(t.communityTopics)
        .values({
          ...fields,
          cycleId: must(cycleIds, cycle, "cycle"),
          gatheringId: gathering ? must(gatheringIds, gathering, "gathering") : null,
          sortOrder: i,
          // Recorded at the gathering (or when the cycle started).
          createdAt: onDay(
            demo.gatherings.find((g) => g.slug === gathering)?.startsOn ?? demo.cycles.find((c) => c.name === cycle)!.startsOn,
          ),
        })
        .returning({ id: t.communityTopics.id })
        .get();
      if (actionItems.length > 0)
        tx.insert(t.topicActionItems)
          .values(actionItems.map((a) => ({ ...a, topicId: row.id })))
          .run();
    });

    tx.insert(t.auditEntries)
      .values({
        actorLabel: "system",
        via: "system",
        action: "demo.load",
        entityType: "community",
        entityId: "1",
        before: null,
        after: { teams: demo.teams.length, cycles: demo.cycles.length },
      })
      .run();

    return { people: demo.people.map((p) => ({ key: p.key, email: p.email, name: p.name, id: must(personIds, p.key, "person") })) };
  });
}
