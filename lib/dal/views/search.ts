/**
 * Full-text search over published updates, roadmap items, community topics and the help
 * requests still wanted. The index (search_index, FTS5) is kept in step by triggers in the
 * database itself (migrations 0001, 0005 and 0011), so it holds nothing a reader may not see.
 */
import "server-only";
import { sql } from "drizzle-orm";
import { getDb, type Db } from "@/db/client";
import { releaseCycles, teams } from "@/db/schema";
import { SEARCH_PAGE_SIZE, SEARCH_WINDOW, type Health } from "@/lib/domain";
import type { Paged } from "@/lib/http/api";
import type { SearchInput } from "@/lib/validation/search";
import { paged, pageWindow } from "../paging";

/** Marks around matched words in snippets; the page turns them into <mark>, never into HTML. */
export const MATCH_START = "\u0002";
export const MATCH_END = "\u0003";

export interface SearchHit {
  kind: "update" | "roadmap" | "topic" | "help";
  path: string;
  title: string;
  snippet: string;
  teamName: string | null;
  cycleName: string | null;
  health: Health | null;
}

export interface SearchResults extends Paged<SearchHit> {
  /** More matched than SEARCH_WINDOW: only the newest were ranked. */
  capped: boolean;
}

/**
 * Each word becomes a quoted term, so what people type is never FTS syntax; the stemmer
 * matches its other forms ("follow" finds "following"), and a word typed with a trailing *
 * matches as a prefix ("kube*").
 */
export function ftsQuery(q: string): string | null {
  const words = q.match(/[\p{L}\p{N}]+\*?/gu)?.slice(0, 10) ?? [];
  if (words.length === 0) return null;
  return words.map((w) => (w.endsWith("*") ? `"${w.slice(0, -1)}"*` : `"${w}"`)).join(" ");
}

/** The facets column's words (migration 0011), so filters narrow the match itself. */
function facetTerms({ teamId, cycleId, health }: { teamId?: number; cycleId?: number; health?: Health }): string[] {
  return [
    cycleId === undefined ? null : `cycle${cycleId}`,
    teamId === undefined ? null : `team${teamId}`,
    health === undefined ? null : `health${health.replace(/_/g, "")}`,
  ].filter((term): term is string => term !== null);
}

const none = (page: number): SearchResults => ({ ...paged([], 0, { page, perPage: SEARCH_PAGE_SIZE }), capped: false });

export function searchCommunity(input: Partial<SearchInput> & { q: string }, db: Db = getDb()): SearchResults {
  const page = input.page ?? 1;
  const words = ftsQuery(input.q);
  if (!words) return none(page);
  const idOf = (table: typeof teams | typeof releaseCycles, slug: string | undefined) =>
    slug === undefined
      ? undefined
      : (db
          .select({ id: table.id })
          .from(table)
          .where(sql`${table.slug} = ${slug}`)
          .get()?.id ?? null);
  const teamId = idOf(teams, input.team);
  const cycleId = idOf(releaseCycles, input.cycle);
  if (teamId === null || cycleId === null) return none(page);
  const facets = facetTerms({ teamId, cycleId, health: input.health });
  const match = `{title body} : (${words})${facets.length > 0 ? ` AND facets : (${facets.map((f) => `"${f}"`).join(" ")})` : ""}`;

  // The newest matches first (rowids follow when a row was written, migration 0011), scored
  // from the index alone: FTS5 stops after the window instead of scoring every match.
  const window = db.all<{ id: number; kind: SearchHit["kind"]; refId: number; score: number }>(sql`
    select rowid as id, kind, ref_id as refId, bm25(search_index, 0, 0, 0, 0, 0, 4.0, 1.0, 0) as score
    from search_index where search_index match ${match}
    order by rowid desc limit ${SEARCH_WINDOW + 1}`);
  const capped = window.length > SEARCH_WINDOW;
  const ranked = window
    .slice(0, SEARCH_WINDOW)
    // Equal scores (a carried-over roadmap item and its original) fall back to the entity, never to index order.
    .sort((a, b) => a.score - b.score || a.kind.localeCompare(b.kind) || b.refId - a.refId);
  const { offset, limit } = pageWindow({ page, perPage: SEARCH_PAGE_SIZE });
  const shown = ranked.slice(offset, offset + limit);
  if (shown.length === 0) return { ...paged([], ranked.length, { page, perPage: SEARCH_PAGE_SIZE }), capped };

  // Columns and snippets for this page's rows only, from the newest down to the page's oldest:
  // FTS5 stops there. (A rowid range or lookup here makes it walk or expand every match again.)
  const rows = db.all<{
    id: number;
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
    select search_index.rowid as id, kind, ref_id as refId, health,
      highlight(search_index, 5, ${MATCH_START}, ${MATCH_END}) as title,
      snippet(search_index, 6, ${MATCH_START}, ${MATCH_END}, '…', 16) as snippet,
      t.slug as teamSlug, t.name as teamName, c.slug as cycleSlug, c.name as cycleName
    from search_index
      left join ${teams} t on t.id = search_index.team_id
      left join ${releaseCycles} c on c.id = search_index.cycle_id
    where search_index match ${match}
      and +search_index.rowid in (${sql.join(
        shown.map((r) => sql`${r.id}`),
        sql`, `,
      )})
    order by search_index.rowid desc limit ${shown.length}`);
  const byId = new Map(rows.map((r) => [r.id, r]));
  const hits = shown.flatMap(({ id }) => {
    const r = byId.get(id);
    return r
      ? [
          {
            kind: r.kind,
            path: pathOf(r),
            title: r.title,
            snippet: r.snippet,
            teamName: r.teamName,
            cycleName: r.cycleName,
            health: r.health,
          },
        ]
      : [];
  });
  return { ...paged(hits, ranked.length, { page, perPage: SEARCH_PAGE_SIZE }), capped };
}

function pathOf(r: { kind: SearchHit["kind"]; refId: number; teamSlug: string | null; cycleSlug: string | null }): string {
  switch (r.kind) {
    case "update":
      return `/updates/${r.refId}`;
    case "roadmap":
      return `/teams/${r.teamSlug ?? ""}`;
    case "topic":
      return `/cycles/${r.cycleSlug ?? ""}`;
    case "help":
      return `/help-wanted?team=${encodeURIComponent(r.teamSlug ?? "")}&cycle=${encodeURIComponent(r.cycleSlug ?? "")}#request-${r.refId}`;
  }
}
