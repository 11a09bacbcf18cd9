import "server-only";
import { count, desc, eq, sql } from "drizzle-orm";
import { getDb, type Db } from "@/db/client";
import { gatherings, releaseCycles } from "@/db/schema";
import type { Page } from "@/lib/http/api";
import { cycleFilter, paged, pageWindow } from "../paging";

/** Gatherings (PTGs, summits), newest first. */
export function listGatherings({ filters, page }: { filters: { cycle?: string }; page: Page }, db: Db = getDb()) {
  const where = cycleFilter(db, gatherings.cycleId, filters.cycle);
  const total = db.select({ n: count() }).from(gatherings).where(where).get()?.n ?? 0;
  const rows = db
    .select({
      slug: gatherings.slug,
      name: gatherings.name,
      cycle: releaseCycles.slug,
      wrapsCycle: sql<string | null>`(select c.slug from ${releaseCycles} c where c.id = ${gatherings.wrapsCycleId})`,
      startsOn: gatherings.startsOn,
      endsOn: gatherings.endsOn,
      websiteUrl: gatherings.websiteUrl,
      etherpadUrl: gatherings.etherpadUrl,
      recordingUrl: gatherings.recordingUrl,
    })
    .from(gatherings)
    .innerJoin(releaseCycles, eq(releaseCycles.id, gatherings.cycleId))
    .where(where)
    .orderBy(desc(gatherings.startsOn))
    .limit(pageWindow(page).limit)
    .offset(pageWindow(page).offset)
    .all();
  return paged(rows, total, page);
}
