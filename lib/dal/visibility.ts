import "server-only";
import { and, eq, inArray, or, type SQL } from "drizzle-orm";
import { updates } from "@/db/schema";
import type { Actor } from "@/lib/permissions";

/** Which updates an actor may read: drafts only for the team's leads, release managers, admins. */
export function updatesVisibleTo(actor: Actor): SQL | undefined {
  const published = eq(updates.state, "published");
  if (actor.kind === "system") return undefined;
  if (actor.kind === "anonymous") return published;
  if (actor.role === "admin" || actor.role === "release_manager") return undefined;
  if (actor.leadOf.length === 0) return published;
  return or(published, and(eq(updates.state, "draft"), inArray(updates.teamId, [...actor.leadOf])));
}
