/**
 * Existence checks for `proxy.ts`, which answers unknown cycles, teams, gatherings and updates with a
 * real 404 before streaming starts (a page can no longer change its status once the
 * prerendered shell is on its way).
 */
import "server-only";
import { and, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { gatherings, releaseCycles, teams, updates } from "@/db/schema";
import { ANONYMOUS } from "@/lib/permissions";
import { updatesVisibleTo } from "./visibility";

export type RouteTarget =
  | { kind: "cycle"; slug: string }
  | { kind: "team"; slug: string }
  | { kind: "gathering"; slug: string }
  /** Drafts count only for someone signed in; the page then checks who may read it. */
  | { kind: "update"; id: number; includeDrafts: boolean };

export function routeTargetExists(target: RouteTarget): boolean {
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
          .where(and(eq(updates.id, target.id), target.includeDrafts ? undefined : updatesVisibleTo(ANONYMOUS)))
          .get() !== undefined
      );
  }
}
