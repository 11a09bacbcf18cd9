/**
 * The caching contract of the data layer. Public reads are `'use cache'` functions tagged
 * with the entities they show; every write invalidates exactly those tags, next to the
 * write. Writes from another process (a command-line tool) cannot reach this process's
 * cache, so each cached read also takes SQLite's `data_version`, which changes whenever
 * another connection commits: their next read misses the cache and sees the change.
 */
import "server-only";
import { revalidateTag } from "next/cache";
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

/**
 * Marks the caller as request-time (so the build never bakes database content into a
 * page) and returns the database's change counter for other connections' commits.
 */
export async function liveDataVersion(): Promise<number> {
  await connection();
  return getDb().$client.pragma("data_version", { simple: true }) as number;
}

/** Expire tags at once (not stale-while-revalidate): the very next request reads anew. */
export function invalidate(...tagsToExpire: string[]): void {
  // Outside the Next server (command-line tools, tests) there is no cache here to clear;
  // the server sees their commits through liveDataVersion.
  if (!process.env.NEXT_RUNTIME) return;
  for (const tag of tagsToExpire) revalidateTag(tag, { expire: 0 });
}

/** The time of this request, for "3 days ago" and today's place on a timeline. */
export async function requestTime(): Promise<number> {
  await connection();
  return Date.now();
}
