import "server-only";
import { and, eq, inArray, or, sql, type AnyColumn, type SQL } from "drizzle-orm";
import { updates } from "@/db/schema";
import type { Actor } from "@/lib/permissions";

/** Which updates an actor may read: drafts only for the team's leads, release managers, admins. */
export function updatesVisibleTo(actor: Actor): SQL | undefined {
  const published = eq(updates.state, "published");
  if (actor.kind === "system") return undefined;
  if (actor.kind === "anonymous") return published;
  // A token reads drafts only with the "update.read_draft" scope, and only of its teams.
  if (actor.token && !actor.token.scopes.includes("update.read_draft")) return published;
  const tokenTeams = actor.token?.teamIds.length ? actor.token.teamIds : null;
  if (actor.role === "admin" || actor.role === "release_manager") return tokenTeams ? or(published, inArray(updates.teamId, [...tokenTeams])) : undefined;
  const draftTeams = tokenTeams ? actor.leadOf.filter((id) => tokenTeams.includes(id)) : actor.leadOf;
  if (draftTeams.length === 0) return published;
  return or(published, and(eq(updates.state, "draft"), inArray(updates.teamId, [...draftTeams])));
}

/**
 * The id of a team's latest published update, in one cycle or in any: one index seek per
 * team (updates_team_idx, updates_cycle_team_idx) instead of reading every update.
 */
export function latestPublishedUpdateId(teamId: AnyColumn, cycleId?: number): SQL {
  const inCycle = cycleId === undefined ? sql`` : sql`and u.cycle_id = ${cycleId}`;
  return sql`(select u.id from ${updates} u where u.team_id = ${teamId} ${inCycle} and u.state = 'published' order by u.published_at desc, u.id desc limit 1)`;
}
