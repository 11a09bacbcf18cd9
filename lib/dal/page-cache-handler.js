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
 * - Next hands a request that arrives while its page is being rendered that render's
 *   result. So a write waits for the renders that began before it (at most a second)
 *   before it answers: the writer's next request can only start a fresh one.
 *
 * Plain JavaScript: Next imports it by path when the server starts, outside the bundle.
 */

/** @typedef {{ value: unknown; lastModified: number; tags: string[]; dataVersion: unknown; bytes: number }} Entry */

/** @type {Map<string, Entry>} */
const entries = new Map();
/** When each tag was last expired, to refuse pages whose render began before the write. */
/** @type {Map<string, number>} */
const expiredAt = new Map();
/** A render slower than this that straddles a write is not cached (it may hold older data). */
const RENDER_WINDOW_MS = 5000;
/** Renders under way: each began with a miss for its key, and ends when its page is stored. */
/** @type {Map<string, number>} */
const rendering = new Map();
/** Keys of pages that have been kept: a miss for any other key (a page rendered per request) ends in no store. */
/** @type {Set<string>} */
const keptBefore = new Set();
/** How long a write waits at most for a render that began before it. */
const WRITE_WAIT_MS = 1000;
/** Bytes kept at most (next.config.js `cacheMaxMemorySize`); the oldest pages go first. */
let maxBytes = 0;
let bytesKept = 0;

/** The server's connection is shared on globalThis by db/client.ts. */
function dataVersion() {
  const db = /** @type {{ cycleboardDb?: { $client: { pragma(sql: string, options: { simple: true }): unknown } } }} */ (globalThis).cycleboardDb;
  return db ? db.$client.pragma("data_version", { simple: true }) : null;
}

/** About what a page holds in memory: its HTML and its RSC payload. @param {unknown} value */
function sizeOf(value) {
  const page = /** @type {{ html?: unknown; rscData?: { length?: number } } | null} */ (value);
  return (typeof page?.html === "string" ? page.html.length * 2 : 0) + (page?.rscData?.length ?? 0);
}

/** @param {string} key */
function drop(key) {
  bytesKept -= entries.get(key)?.bytes ?? 0;
  entries.delete(key);
}

/**
 * Resolves once every render of a kept page that began at or before `time` has finished,
 * or a second has passed (a kept page renders in milliseconds).
 * @param {number} time
 */
async function rendersFinished(time) {
  for (const [key, began] of rendering) if (time - began >= WRITE_WAIT_MS) rendering.delete(key);
  const underWay = () => [...rendering.values()].some((began) => began <= time);
  while (underWay() && Date.now() - time < WRITE_WAIT_MS) await new Promise((resolve) => setTimeout(resolve, 5));
}
// For writes that Next does not wait on (route handlers): lib/dal/cache.ts pageRendersSettled().
/** @type {Record<symbol, unknown>} */ (/** @type {unknown} */ (globalThis))[Symbol.for("cycleboard.pageRendersFinished")] = rendersFinished;

/** @param {unknown} value */
function tagsOf(value) {
  const headers = /** @type {{ headers?: Record<string, unknown> } | null} */ (value)?.headers;
  const header = headers?.["x-next-cache-tags"];
  return typeof header === "string" ? header.split(",") : [];
}

export default class PageCacheHandler {
  /** Next makes one per request, with the app's settings. @param {{ maxMemoryCacheSize?: number }} options */
  constructor({ maxMemoryCacheSize = 0 } = {}) {
    maxBytes = maxMemoryCacheSize;
  }

  /** @param {string} key */
  async get(key) {
    const entry = entries.get(key);
    if (entry && entry.dataVersion === dataVersion()) return { value: entry.value, lastModified: entry.lastModified };
    if (entry) {
      entries.clear();
      bytesKept = 0;
    }
    // Next renders the page now, and stores it with set().
    if (keptBefore.has(key) && !rendering.has(key)) rendering.set(key, Date.now());
    return null;
  }

  /**
   * @param {string} key
   * @param {unknown} value
   */
  async set(key, value) {
    rendering.delete(key);
    drop(key);
    if (value === null) return;
    const now = Date.now();
    const tags = tagsOf(value);
    if (tags.some((tag) => now - (expiredAt.get(tag) ?? 0) < RENDER_WINDOW_MS)) return;
    const bytes = sizeOf(value);
    if (bytes > maxBytes) return;
    for (const oldest of entries.keys()) {
      if (bytesKept + bytes <= maxBytes) break;
      drop(oldest);
    }
    entries.set(key, { value, lastModified: now, tags, dataVersion: dataVersion(), bytes });
    keptBefore.add(key);
    bytesKept += bytes;
  }

  /** @param {string | string[]} tagOrTags */
  async revalidateTag(tagOrTags) {
    const expired = new Set(typeof tagOrTags === "string" ? [tagOrTags] : tagOrTags);
    const now = Date.now();
    for (const tag of expired) expiredAt.set(tag, now);
    for (const [key, entry] of entries) {
      if (entry.tags.some((tag) => expired.has(tag))) drop(key);
    }
    await rendersFinished(now);
  }

  resetRequestCache() {}
}
