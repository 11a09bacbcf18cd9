/**
 * Data the charts need beyond what their pages already read. A team's metric and health
 * charts draw from its profile (lib/dal/teams/reads.ts); the cycle's roadmap burn-up is here.
 */
import "server-only";
import { cacheLife, cacheTag } from "next/cache";
import { and, eq, ne } from "drizzle-orm";
import { getDb, type Db } from "@/db/client";
import { releaseCycles, roadmapItems } from "@/db/schema";
import { todayIso } from "@/lib/dates";
import { liveDataVersion, tags, type DataVersion } from "../cache/cache";

export interface BurnUp {
  /** First and last day the chart spans: the cycle's start to its release (or planned release). */
  span: [string, string];
  /** The days a total changed, ascending, from the start to today (or the release). */
  days: string[];
  /** Items targeted at the cycle by each day (dropped ones left out, as in the delivery figures). */
  planned: number[];
  delivered: number[];
  /** Today, while the cycle is under way and today falls on the chart. */
  today: string | null;
}

const maxDay = (...days: string[]) => days.reduce((a, b) => (b > a ? b : a));
const minDay = (...days: string[]) => days.reduce((a, b) => (b < a ? b : a));

/**
 * Planned vs delivered roadmap items over one cycle's dates. An item counts as planned
 * from the day it was added (or the cycle's start) and as delivered from its
 * `delivered_on`; items done before that column existed fall back to the day they were
 * last changed, the closest record there is. History entered later keeps to its own dates:
 * an item added after the cycle's release counts as planned from its start, and none counts
 * as planned after the day it was delivered, so a backfilled cycle's chart ends at its release.
 */
export function readBurnUp(db: Db, cycleId: number, today: string): BurnUp | null {
  const cycle = db
    .select({
      status: releaseCycles.status,
      startsOn: releaseCycles.startsOn,
      targetReleaseOn: releaseCycles.targetReleaseOn,
      releasedOn: releaseCycles.releasedOn,
    })
    .from(releaseCycles)
    .where(eq(releaseCycles.id, cycleId))
    .get();
  if (!cycle) return null;
  const start = cycle.startsOn;
  const items = db
    .select({
      status: roadmapItems.status,
      createdAt: roadmapItems.createdAt,
      updatedAt: roadmapItems.updatedAt,
      deliveredOn: roadmapItems.deliveredOn,
    })
    .from(roadmapItems)
    .where(and(eq(roadmapItems.cycleId, cycleId), ne(roadmapItems.status, "dropped")))
    .all()
    .map((i) => {
      const addedOn = todayIso(i.createdAt.getTime());
      const enteredLater = cycle.status === "released" && cycle.releasedOn !== null && addedOn > cycle.releasedOn;
      const deliveredOn = i.status === "done" ? maxDay(start, i.deliveredOn ?? todayIso(i.updatedAt.getTime())) : null;
      const plannedOn = enteredLater ? start : maxDay(start, addedOn);
      return { plannedOn: deliveredOn ? minDay(plannedOn, deliveredOn) : plannedOn, deliveredOn };
    });
  const events = items.flatMap((i) => (i.deliveredOn ? [i.plannedOn, i.deliveredOn] : [i.plannedOn]));
  const spanEnd = maxDay(cycle.releasedOn ?? cycle.targetReleaseOn, ...events);
  const lineEnd = cycle.status === "released" ? spanEnd : maxDay(start, minDay(today, spanEnd));
  const days = [...new Set([start, ...events.filter((d) => d <= lineEnd), lineEnd])].sort();
  return {
    span: [start, spanEnd],
    days,
    planned: days.map((d) => items.filter((i) => i.plannedOn <= d).length),
    delivered: days.map((d) => items.filter((i) => i.deliveredOn !== null && i.deliveredOn <= d).length),
    today: cycle.status !== "released" && today >= start && today <= spanEnd ? today : null,
  };
}

export async function getBurnUp({ cycleId, now }: { cycleId: number; now: number }): Promise<BurnUp | null> {
  return cachedBurnUp(cycleId, todayIso(now), await liveDataVersion());
}

async function cachedBurnUp(cycleId: number, today: string, _dataVersion: DataVersion): Promise<BurnUp | null> {
  "use cache";
  cacheLife("dashboard");
  // Roadmap writes invalidate the cycle's tag; cycle date changes invalidate "cycles".
  cacheTag(tags.cycles, tags.cycle(cycleId));
  return readBurnUp(getDb(), cycleId, today);
}
