/**
 * Existence checks for `proxy.ts`, which answers unknown cycles, teams, gatherings and updates with a
 * real 404 before streaming starts (a page can no longer change its status once the
 * prerendered shell is on its way).
 */
import "server-only";
import { and, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { gatherings, releaseCycles, teams, updates } from "@/db/schema";
import { ANONYMOUS, type Actor } from "@/lib/permissions";
import { updatesVisibleTo } from "../updates/visibility";

export type RouteTarget =
  { kind: "cycle"; slug: string } | { kind: "team"; slug: string } | { kind: "gathering"; slug: string } | { kind: "update"; id: number };

/**
 * Whether the entity exists for this reader. A draft exists only for those who may read
 * it: for anyone else (a forged session cookie, another team's lead) its id answers
 * exactly like a missing one.
 */
export function routeTargetExists(target: RouteTarget, reader: Actor = ANONYMOUS): boolean {
  const db = getDb();
  switch (target.kind) {
    case "cycle":
      return db.select({ id: releaseCycles.id }).from(releaseCycles).where(eq(releaseCycles.slug, target.slug)).get() !== undefined;
    case "team":
      return db.select({ id: teams.id }).from(teams).where(eq(teams.slug, target.slug)).get() !== undefined;
    case "gathering":
      return db.select({ id: gatherings.id }).from(gatherings).where(eq(gatherings.slug, target.slug)).get() !== undefined;
    case "update":
      return (
        db
          .select({ id: updates.id })
          .from(updates)
          .where(and(eq(updates.id, target.id), updatesVisibleTo(reader)))
          .get() !== undefined
      );
  }
}
