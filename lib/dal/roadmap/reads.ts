import "server-only";
import { and, asc, count, desc, eq, inArray } from "drizzle-orm";
import { getDb, type Db } from "@/db/client";
import { releaseCycles, roadmapItemLinks, roadmapItems, teams } from "@/db/schema";
import type { Page } from "@/lib/http/api";
import type { RoadmapFilters } from "@/lib/validation/api";
import { idOf, iso, paged, pageWindow } from "../paging";

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
    .limit(pageWindow(page).limit)
    .offset(pageWindow(page).offset)
    .all();
  const links =
    rows.length === 0
      ? []
      : db
          .select()
          .from(roadmapItemLinks)
          .where(
            inArray(
              roadmapItemLinks.itemId,
              rows.map((r) => r.item.id),
            ),
          )
          .orderBy(asc(roadmapItemLinks.id))
          .all();
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
      deliveredOn: item.deliveredOn,
      updatedAt: iso(item.updatedAt),
    })),
    total,
    page,
  );
}
