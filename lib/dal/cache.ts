/**
 * The caching contract of the data layer. Public reads are `'use cache'` functions tagged
 * with the entities they show; every write invalidates exactly those tags, next to the
 * write, which also drops the rendered pages that used them (lib/dal/page-cache-handler.js).
 * Writes from another process (a command-line tool) cannot reach this process's cache,
 * so each cached read also takes SQLite's `data_version`, which changes whenever another
 * connection commits: their next read misses the cache and sees the change.
 */
import "server-only";
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
 * Waits for the page renders that began before now (lib/dal/page-cache-handler.js). Next
 * waits for it after a server action; a route handler that wrote calls it before it
 * answers, so the caller's next request cannot be given a page rendered before the write.
 */
export async function pageRendersSettled(): Promise<void> {
  const rendersFinished = (globalThis as Record<symbol, unknown>)[Symbol.for("cycleboard.pageRendersFinished")] as RendersFinished | undefined;
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
