/**
 * Next's page cache (the ISR `cacheHandler`) for `next start`: how pages are kept and
 * expired is told once, in the header of lib/dal/cache/cache.ts. This file is its memory
 * store. Plain JavaScript: Next imports it by path when the server starts, outside the bundle.
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
  const db = /** @type {{ cycleboardDb?: { $client: { pragma(sql: string, options: { simple: true }): unknown } } }} */ (globalThis)
    .cycleboardDb;
  return db ? db.$client.pragma("data_version", { simple: true }) : null;
}

/**
 * What an entry keeps alive, counted high, so that the cap bounds real memory. Next's page
 * value holds the HTML, the RSC payload, one payload per segment (for prefetches) and the
 * postponed state; a route's value (the feed) holds its body. Each string counts two
 * bytes a character (V8 stores text with any character past U+00FF so), each Buffer the
 * whole memory block it views (a small Buffer is a slice of an 8 KiB pool it keeps
 * alive), and each object, array and map a little for itself.
 * @param {unknown} value
 */
function sizeOf(value) {
  /** @type {Set<unknown>} */
  const seen = new Set();
  /** @type {unknown[]} */
  const pending = [value];
  let bytes = 0;
  while (pending.length) {
    const item = pending.pop();
    if (typeof item === "string") bytes += 16 + 2 * item.length;
    else if (item === null || typeof item !== "object") bytes += 16;
    else if (!seen.has(item)) {
      seen.add(item);
      if (ArrayBuffer.isView(item)) {
        bytes += 96;
        if (!seen.has(item.buffer)) bytes += item.buffer.byteLength;
        seen.add(item.buffer);
      } else if (item instanceof ArrayBuffer) bytes += item.byteLength;
      else if (item instanceof Map) {
        bytes += 64 + 32 * item.size;
        for (const [key, entry] of item) pending.push(key, entry);
      } else if (Array.isArray(item) || item instanceof Set) {
        bytes += 32 + 8 * (Array.isArray(item) ? item.length : item.size);
        pending.push(...item);
      } else {
        const fields = Object.entries(item);
        bytes += 64 + 16 * fields.length;
        for (const [key, field] of fields) pending.push(key, field);
      }
    }
  }
  return bytes;
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
// For writes that Next does not wait on (route handlers): lib/dal/cache/cache.ts pageRendersSettled().
/** @type {Record<symbol, unknown>} */ (/** @type {unknown} */ (globalThis))[Symbol.for("cycleboard.pageRendersFinished")] =
  rendersFinished;

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
    const bytes = sizeOf(value) + 2 * key.length;
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
