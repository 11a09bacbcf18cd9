import "server-only";
import { and, eq, inArray, or, sql, type AnyColumn, type SQL } from "drizzle-orm";
import { updates } from "@/db/schema";
import { can, type Actor } from "@/lib/permissions";

/**
 * Which updates an actor may read: every published one, and the drafts of the teams where
 * `can(actor, "update.read_draft")`. That table grants the read everywhere (no team named)
 * or per team, and per team only for teams the person leads or their token names.
 */
export function updatesVisibleTo(actor: Actor): SQL | undefined {
  if (can(actor, "update.read_draft")) return undefined;
  const published = eq(updates.state, "published");
  if (actor.kind !== "person") return published;
  const candidates = new Set([...actor.leadOf, ...(actor.token?.teamIds ?? [])]);
  const draftTeams = [...candidates].filter((teamId) => can(actor, "update.read_draft", { teamId }));
  if (draftTeams.length === 0) return published;
  return or(published, and(eq(updates.state, "draft"), inArray(updates.teamId, draftTeams)));
}

/**
 * The id of a team's latest published update, in one cycle or in any: one index seek per
 * team (updates_team_idx, updates_cycle_team_idx) instead of reading every update.
 */
export function latestPublishedUpdateId(teamId: AnyColumn, cycleId?: number): SQL {
  const inCycle = cycleId === undefined ? sql`` : sql`and u.cycle_id = ${cycleId}`;
  return sql`(select u.id from ${updates} u where u.team_id = ${teamId} ${inCycle} and u.state = 'published' order by u.published_at desc, u.id desc limit 1)`;
}
