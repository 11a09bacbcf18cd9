/**
 * Full-text search over published updates, roadmap items and community topics. The index
 * (search_index, FTS5) is kept in step by triggers in the database itself (migration 0001),
 * so it holds nothing a reader may not see.
 */
import "server-only";
import { sql } from "drizzle-orm";
import { getDb, type Db } from "@/db/client";
import { releaseCycles, teams } from "@/db/schema";
import type { Health } from "@/lib/domain";
import type { SearchInput } from "@/lib/validation/search";

/** Marks around matched words in snippets; the page turns them into <mark>, never into HTML. */
export const MATCH_START = "\u0002";
export const MATCH_END = "\u0003";

export interface SearchHit {
  kind: "update" | "roadmap" | "topic";
  path: string;
  title: string;
  snippet: string;
  teamName: string | null;
  cycleName: string | null;
  health: Health | null;
}

/** Each word becomes a quoted prefix term, so what people type is never FTS syntax. */
export function ftsQuery(q: string): string | null {
  const words = q.match(/[\p{L}\p{N}]+/gu)?.slice(0, 10) ?? [];
  return words.length === 0 ? null : words.map((w) => `"${w}"*`).join(" ");
}

export function searchCommunity(input: Partial<SearchInput> & { q: string }, db: Db = getDb()): SearchHit[] {
  const match = ftsQuery(input.q);
  if (!match) return [];
  const team = input.team ? db.select({ id: teams.id }).from(teams).where(sql`${teams.slug} = ${input.team}`).get() : undefined;
  const cycle = input.cycle ? db.select({ id: releaseCycles.id }).from(releaseCycles).where(sql`${releaseCycles.slug} = ${input.cycle}`).get() : undefined;
  if ((input.team && !team) || (input.cycle && !cycle)) return [];
  const rows = db.all<{ kind: SearchHit["kind"]; refId: number; teamId: number | null; cycleId: number | null; health: Health | null; title: string; snippet: string }>(sql`
    select kind, ref_id as refId, team_id as teamId, cycle_id as cycleId, health,
      highlight(search_index, 5, ${MATCH_START}, ${MATCH_END}) as title,
      snippet(search_index, 6, ${MATCH_START}, ${MATCH_END}, '…', 16) as snippet
    from search_index
    where search_index match ${match}
      ${team ? sql`and team_id = ${team.id}` : sql``}
      ${cycle ? sql`and cycle_id = ${cycle.id}` : sql``}
      ${input.health ? sql`and health = ${input.health}` : sql``}
    -- Equal scores (a carried-over roadmap item and its original) fall back to the entity, never to index order.
    order by bm25(search_index, 0, 0, 0, 0, 0, 4.0, 1.0), kind, ref_id desc
    limit 50`);
  const teamRows = new Map(db.select({ id: teams.id, slug: teams.slug, name: teams.name }).from(teams).all().map((t) => [t.id, t]));
  const cycleRows = new Map(db.select({ id: releaseCycles.id, slug: releaseCycles.slug, name: releaseCycles.name }).from(releaseCycles).all().map((c) => [c.id, c]));
  return rows.map((r) => {
    const t = r.teamId === null ? undefined : teamRows.get(Number(r.teamId));
    const c = r.cycleId === null ? undefined : cycleRows.get(Number(r.cycleId));
    const path = r.kind === "update" ? `/updates/${r.refId}` : r.kind === "roadmap" ? `/teams/${t?.slug ?? ""}` : `/cycles/${c?.slug ?? ""}`;
    return { kind: r.kind, path, title: r.title, snippet: r.snippet, teamName: t?.name ?? null, cycleName: c?.name ?? null, health: r.health };
  });
}
