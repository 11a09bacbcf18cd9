/**
 * Next's page cache (the ISR `cacheHandler`) for `next start`: rendered public pages are
 * kept in this process's memory, and only for the database state they were rendered from.
 *
 * - Memory only, never the build's files: several servers may run from one build with
 *   different databases (e2e, bench), and `next build` prerenders from an empty database
 *   (db/client.ts), so what it wrote must never be served.
 * - A commit by another process (a command-line tool) changes SQLite's `data_version` on
 *   the server's connection; every page rendered before it is dropped. The server's own
 *   writes expire exactly the pages they affect, through the tags in lib/dal/cache.ts.
 *
 * Plain JavaScript: Next imports it by path when the server starts, outside the bundle.
 */

/** @typedef {{ value: unknown; lastModified: number; tags: string[]; dataVersion: unknown }} Entry */

/** @type {Map<string, Entry>} */
const entries = new Map();
/** When each tag was last expired, to refuse pages whose render began before the write. */
/** @type {Map<string, number>} */
const expiredAt = new Map();
/** A render slower than this that straddles a write is not cached (it may hold older data). */
const RENDER_WINDOW_MS = 5000;
/** Enough for every public page of a large community; the oldest are dropped first. */
const MAX_ENTRIES = 5000;

/** The server's connection is shared on globalThis by db/client.ts. */
function dataVersion() {
  const db = /** @type {{ cycleboardDb?: { $client: { pragma(sql: string, options: { simple: true }): unknown } } }} */ (globalThis).cycleboardDb;
  return db ? db.$client.pragma("data_version", { simple: true }) : null;
}

/** @param {unknown} value */
function tagsOf(value) {
  const headers = /** @type {{ headers?: Record<string, unknown> } | null} */ (value)?.headers;
  const header = headers?.["x-next-cache-tags"];
  return typeof header === "string" ? header.split(",") : [];
}

export default class PageCacheHandler {
  /** @param {string} key */
  async get(key) {
    const entry = entries.get(key);
    if (!entry) return null;
    if (entry.dataVersion !== dataVersion()) {
      entries.clear();
      return null;
    }
    return { value: entry.value, lastModified: entry.lastModified };
  }

  /**
   * @param {string} key
   * @param {unknown} value
   */
  async set(key, value) {
    entries.delete(key);
    if (value === null) return;
    const now = Date.now();
    const tags = tagsOf(value);
    if (tags.some((tag) => now - (expiredAt.get(tag) ?? 0) < RENDER_WINDOW_MS)) return;
    if (entries.size >= MAX_ENTRIES) entries.delete(entries.keys().next().value ?? "");
    entries.set(key, { value, lastModified: now, tags, dataVersion: dataVersion() });
  }

  /** @param {string | string[]} tagOrTags */
  async revalidateTag(tagOrTags) {
    const expired = new Set(typeof tagOrTags === "string" ? [tagOrTags] : tagOrTags);
    const now = Date.now();
    for (const tag of expired) expiredAt.set(tag, now);
    for (const [key, entry] of entries) {
      if (entry.tags.some((tag) => expired.has(tag))) entries.delete(key);
    }
  }

  resetRequestCache() {}
}
