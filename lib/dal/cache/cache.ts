/**
 * How a page is rendered, kept and expired: the one account of caching in Cycleboard.
 *
 * Rendered. A public read is a `'use cache'` function (e.g. getCycleBoard) tagged with the
 * entities it shows (`tags` below); a page that reads no request (`ensureStatic =
 * "navigation"`, which next.config.js finds in app/) is rendered once from those reads.
 *
 * Kept. The rendered page lives in this process's memory only (page-cache-handler.js, Next's
 * `cacheHandler`), never in the build's files: several servers may run from one build with
 * different databases, and `next build` prerenders from an empty one. Each cached read also
 * takes SQLite's `data_version` (liveDataVersion), and each kept page remembers it.
 *
 * Expired. Every write calls `invalidate` with exactly the tags of what it changed, next to
 * the write; that expires the cached reads and drops the kept pages that used them. A commit
 * by another process (a command-line tool) cannot reach this process's cache, but it changes
 * `data_version`: the next read misses, and every page rendered before it is dropped. Next
 * hands a request that arrives during a render that render's result, so a write waits (at
 * most a second, pageRendersSettled) for renders that began before it: the writer's next
 * request starts a fresh one. "Now" on a kept page (pageTime) re-renders it once a minute.
 * lib/dal/testing/read-your-writes.test.ts checks every write's tags against every read.
 */ import "server-only";
import { cacheLife, revalidateTag } from "next/cache";
import { connection } from "next/server";
import { getDb } from "@/db/client";

export const tags = {
  site: "site",
  cycles: "cycles",
  /** Team names and order, shown on every board. */
  teams: "teams",
  /** The /teams listing, which also shows each team's latest update. */
  teamList: "team-list",
  cycle: (id: number) => `cycle:${id}`,
  team: (id: number) => `team:${id}`,
  update: (id: number) => `update:${id}`,
} as const;

/** Another process's cached reads (the build's, an earlier server's) never count as this one's. */
const PROCESS = `${process.pid}.${performance.timeOrigin}`;

/** A cache key part for the database's state: changes when another connection commits. */
export type DataVersion = string;

/** The database's change counter for other connections' commits, as a cache key part. */
export async function liveDataVersion(): Promise<DataVersion> {
  return `${PROCESS}:${String(getDb().$client.pragma("data_version", { simple: true }))}`;
}

let writes = 0;

/** Expire tags at once (not stale-while-revalidate): the very next request reads anew. */
export function invalidate(...tagsToExpire: string[]): void {
  writes += 1;
  // Outside the Next server (command-line tools, tests) there is no cache here to clear;
  // the server sees their commits through liveDataVersion.
  if (!process.env.NEXT_RUNTIME) return;
  for (const tag of tagsToExpire) revalidateTag(tag, { expire: 0 });
}

/** How many writes this process has made, to tell whether a request wrote. */
export function writeCount(): number {
  return writes;
}

type RendersFinished = (time: number) => Promise<void>;

/**
 * Waits for the page renders that began before now (lib/dal/cache/page-cache-handler.js). Next
 * waits for it after a server action; a route handler that wrote calls it before it
 * answers, so the caller's next request cannot be given a page rendered before the write.
 */
export async function pageRendersSettled(): Promise<void> {
  const rendersFinished = (globalThis as Record<symbol, unknown>)[Symbol.for("cycleboard.pageRendersFinished")] as
    RendersFinished | undefined;
  await rendersFinished?.(Date.now());
}

/** The time of this request, for signed-in pages, which render per request anyway. */
export async function requestTime(): Promise<number> {
  await connection();
  return Date.now();
}

/**
 * "Now" for public pages, which are rendered once and kept: at most a minute old, so
 * "3 days ago" and today's place on a timeline stay right while pages stay cached.
 */
export async function pageTime(): Promise<number> {
  "use cache";
  cacheLife("clock");
  return Date.now();
}
