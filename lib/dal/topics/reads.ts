import "server-only";
import { asc, count, desc, eq, inArray } from "drizzle-orm";
import { getDb, type Db } from "@/db/client";
import { communityTopics, gatherings, releaseCycles, topicActionItems } from "@/db/schema";
import type { Page } from "@/lib/http/api";
import { cycleFilter, paged, pageWindow } from "../paging";

/** Community topics with their action items, newest cycle first. */
export function listTopics({ filters, page }: { filters: { cycle?: string }; page: Page }, db: Db = getDb()) {
  const where = cycleFilter(db, communityTopics.cycleId, filters.cycle);
  const total = db.select({ n: count() }).from(communityTopics).where(where).get()?.n ?? 0;
  const rows = db
    .select({
      id: communityTopics.id,
      cycle: releaseCycles.slug,
      gathering: gatherings.slug,
      title: communityTopics.title,
      notes: communityTopics.notes,
      outcome: communityTopics.outcome,
      decision: communityTopics.decision,
    })
    .from(communityTopics)
    .innerJoin(releaseCycles, eq(releaseCycles.id, communityTopics.cycleId))
    .leftJoin(gatherings, eq(gatherings.id, communityTopics.gatheringId))
    .where(where)
    .orderBy(desc(releaseCycles.startsOn), asc(communityTopics.sortOrder), asc(communityTopics.id))
    .limit(pageWindow(page).limit)
    .offset(pageWindow(page).offset)
    .all();
  const items =
    rows.length === 0
      ? []
      : db
          .select()
          .from(topicActionItems)
          .where(
            inArray(
              topicActionItems.topicId,
              rows.map((r) => r.id),
            ),
          )
          .orderBy(asc(topicActionItems.id))
          .all();
  return paged(
    rows.map((t) => ({
      ...t,
      actionItems: items
        .filter((a) => a.topicId === t.id)
        .map((a) => ({ id: a.id, description: a.description, ownerName: a.ownerName, status: a.status, dueOn: a.dueOn })),
    })),
    total,
    page,
  );
}
