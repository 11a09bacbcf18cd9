/**
 * Full-text search over published updates, roadmap items and community topics. The index
 * (search_index, FTS5) is kept in step by triggers in the database itself (migrations 0001 and 0005),
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
  const team = input.team
    ? db
        .select({ id: teams.id })
        .from(teams)
        .where(sql`${teams.slug} = ${input.team}`)
        .get()
    : undefined;
  const cycle = input.cycle
    ? db
        .select({ id: releaseCycles.id })
        .from(releaseCycles)
        .where(sql`${releaseCycles.slug} = ${input.cycle}`)
        .get()
    : undefined;
  if ((input.team && !team) || (input.cycle && !cycle)) return [];
  const filters = sql`${team ? sql`and team_id = ${team.id}` : sql``}
      ${cycle ? sql`and cycle_id = ${cycle.id}` : sql``}
      ${input.health ? sql`and health = ${input.health}` : sql``}`;
  // Scores first, from the index alone (bm25 reads no stored row); only the best 50, and any
  // rows tied with the 50th, then have their columns read and snippets cut, not every match.
  // The second pass over the matches takes them by "+rowid", a filter (as a rowid lookup,
  // FTS5 would expand the prefix terms again for each one), and orders by the kept scores.
  const rows = db.all<{
    kind: SearchHit["kind"];
    refId: number;
    health: Health | null;
    title: string;
    snippet: string;
    teamSlug: string | null;
    teamName: string | null;
    cycleSlug: string | null;
    cycleName: string | null;
  }>(sql`
    with scored(id, score) as materialized (
      select rowid, bm25(search_index, 0, 0, 0, 0, 0, 4.0, 1.0) from search_index where search_index match ${match} ${filters}
    ),
    cutoff(score) as (select score from scored order by score limit 1 offset 49),
    best(id, score) as materialized (select id, score from scored where score <= coalesce((select score from cutoff), score))
    select kind, ref_id as refId, health,
      highlight(search_index, 5, ${MATCH_START}, ${MATCH_END}) as title,
      snippet(search_index, 6, ${MATCH_START}, ${MATCH_END}, '…', 16) as snippet,
      t.slug as teamSlug, t.name as teamName, c.slug as cycleSlug, c.name as cycleName
    from search_index
      left join ${teams} t on t.id = search_index.team_id
      left join ${releaseCycles} c on c.id = search_index.cycle_id
    where search_index match ${match} and +search_index.rowid in (select id from best)
    -- Equal scores (a carried-over roadmap item and its original) fall back to the entity, never to index order.
    order by (select score from best where best.id = search_index.rowid), kind, ref_id desc
    limit 50`);
  return rows.map((r) => {
    const path =
      r.kind === "update" ? `/updates/${r.refId}` : r.kind === "roadmap" ? `/teams/${r.teamSlug ?? ""}` : `/cycles/${r.cycleSlug ?? ""}`;
    return { kind: r.kind, path, title: r.title, snippet: r.snippet, teamName: r.teamName, cycleName: r.cycleName, health: r.health };
  });
}
