import "server-only";
import { and, asc, count, desc, eq } from "drizzle-orm";
import { getDb, type Db } from "@/db/client";
import { helpRequests, people, releaseCycles, teams } from "@/db/schema";
import type { Page } from "@/lib/http/api";
import type { HelpRequestFilters } from "@/lib/validation/api";
import { idOf, iso, paged, pageWindow } from "../paging";

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
    .select({
      id: helpRequests.id,
      team: teams.slug,
      cycle: releaseCycles.slug,
      roadmapItemId: helpRequests.roadmapItemId,
      title: helpRequests.title,
      details: helpRequests.details,
      linkUrl: helpRequests.linkUrl,
      contact: helpRequests.contact,
      owner: people.name,
      takenByName: helpRequests.takenByName,
      status: helpRequests.status,
      updatedAt: helpRequests.updatedAt,
    })
    .from(helpRequests)
    .innerJoin(teams, eq(teams.id, helpRequests.teamId))
    .innerJoin(releaseCycles, eq(releaseCycles.id, helpRequests.cycleId))
    .leftJoin(people, eq(people.id, helpRequests.ownerId))
    .where(where)
    .orderBy(desc(releaseCycles.startsOn), asc(teams.sortOrder), asc(helpRequests.id))
    .limit(pageWindow(page).limit)
    .offset(pageWindow(page).offset)
    .all();
  return paged(
    rows.map((r) => ({ ...r, updatedAt: iso(r.updatedAt) })),
    total,
    page,
  );
}
