/**
 * The page cache's cap (next.config.js cacheMaxMemorySize) bounds the memory it really
 * holds: pages are measured by the process's own memory, not by the handler's count.
 */
import v8 from "node:v8";
import vm from "node:vm";
import { describe, expect, it, vi } from "vitest";

v8.setFlagsFromString("--expose-gc");

/** The handler keeps its pages for the whole process: each test loads a fresh copy. */
async function freshCache(maxMemoryCacheSize: number) {
  vi.resetModules();
  const { default: PageCacheHandler } = await import("./page-cache-handler.js");
  return new PageCacheHandler({ maxMemoryCacheSize });
}
const gc = vm.runInNewContext("gc") as () => void;

/** Generous: room for the handler's own maps and for what the test runner allocates meanwhile. */
const SLACK = 2 * 1024 * 1024;

/** Heap and Buffer memory after a full collection. */
function heldBytes(): number {
  for (let i = 0; i < 3; i++) gc();
  const { heapUsed, external } = process.memoryUsage();
  return heapUsed + external;
}

/** Text held in one flat block, as Next's decoded HTML is (repeat() would share its pieces). */
const flat = (text: string) => Buffer.from(text).toString("utf8");

/**
 * A page as Next stores it, about 250 kB: HTML with a character past U+00FF (so V8 keeps
 * it at two bytes a character), the RSC payload, a payload per segment (small ones are
 * slices of Node's Buffer pool) and the postponed state.
 */
function renderedPage(n: number) {
  const html = flat(`<main data-page="${n}">${"Docs — on track. ".repeat(3_500)}</main>`);
  const segments = new Map<string, Buffer>();
  for (let s = 0; s < 10; s++) segments.set(`/_tree/segment-${s}`, Buffer.from(`segment ${s} of ${n} `.repeat(100)));
  segments.set("/_full", Buffer.alloc(20_000, n));
  segments.set("/_index", Buffer.alloc(20_000, n + 1));
  return {
    kind: "APP_PAGE",
    html,
    rscData: Buffer.alloc(40_000, n),
    postponed: flat(JSON.stringify({ page: n, state: "x".repeat(50_000) })),
    status: 200,
    headers: { "x-next-cache-tags": `_N_T_/layout,_N_T_/page-${n},team:${n}` },
    segmentData: segments,
  };
}

describe("the page cache's memory", () => {
  it("stays within its cap, however many pages are rendered, and keeps the newest", async () => {
    const cap = 40 * 1024 * 1024;
    const cache = await freshCache(cap);
    const before = heldBytes();
    const pages = 400;
    for (let n = 0; n < pages; n++) await cache.set(`/teams/team-${n}`, renderedPage(n));
    const growth = heldBytes() - before;

    expect(growth).toBeLessThan(cap * 1.1 + SLACK);
    for (let n = pages - 50; n < pages; n++) expect(await cache.get(`/teams/team-${n}`), `page ${n}`).not.toBeNull();
    expect(await cache.get("/teams/team-0")).toBeNull();
  }, 60_000);

  it("counts a route's body too (the site feed)", async () => {
    const cap = 10 * 1024 * 1024;
    const cache = await freshCache(cap);
    const before = heldBytes();
    for (let n = 0; n < 100; n++) {
      const body = Buffer.alloc(200_000, n);
      await cache.set(`/feed.xml?${n}`, {
        kind: "APP_ROUTE",
        body,
        status: 200,
        headers: { "x-next-cache-tags": `_N_T_/feed.xml,feed-${n}` },
      });
    }
    expect(heldBytes() - before).toBeLessThan(cap * 1.1 + SLACK);
    expect(await cache.get("/feed.xml?99")).not.toBeNull();
  }, 60_000);
});
