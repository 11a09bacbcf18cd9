import fs from "node:fs";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { openDatabase, setProcessDatabase } from "@/db/client";
import { createTestDatabase } from "@/db/testing";
import PageCacheHandler from "./page-cache-handler.js";

/** A rendered page as Next hands it to the handler: the tags it used are in a header. */
const page = (html: string, tags: string[]) => ({ kind: "APP_PAGE", html, headers: { "x-next-cache-tags": tags.join(",") } });

describe("the page cache", () => {
  let database: ReturnType<typeof createTestDatabase>;
  const cache = new PageCacheHandler({ maxMemoryCacheSize: 1_000_000 });

  // The cache lives for the whole process: each test starts a minute after the last, past
  // every earlier test's renders and expired tags.
  let clock = Date.now();
  beforeEach(async () => {
    database = createTestDatabase();
    setProcessDatabase(database.db);
    clock += 60_000;
    vi.useFakeTimers({ now: clock, toFake: ["Date"] });
    await cache.revalidateTag(["_N_T_/layout"]);
    vi.setSystemTime((clock += 60_000));
  });
  afterEach(() => {
    vi.useRealTimers();
    database.cleanup();
  });

  it("serves a stored page until a write expires one of its tags", async () => {
    await cache.set("/cycles/10.0", page("board", ["_N_T_/layout", "cycle:1", "teams"]));
    await cache.set("/teams/docs", page("docs", ["_N_T_/layout", "team:3"]));
    expect(await cache.get("/cycles/10.0")).toMatchObject({ value: { html: "board" } });

    await cache.revalidateTag("cycle:1");
    expect(await cache.get("/cycles/10.0")).toBeNull();
    expect(await cache.get("/teams/docs")).toMatchObject({ value: { html: "docs" } });
  });

  it("drops every page when another process commits to the database", async () => {
    await cache.set("/", page("home", ["_N_T_/layout", "site"]));
    expect(await cache.get("/")).not.toBeNull();

    const otherProcess = openDatabase(database.file);
    otherProcess.$client.exec("create table scratch (x)");
    otherProcess.$client.close();

    expect(await cache.get("/")).toBeNull();
  });

  it("keeps pages through the server's own commits, which expire tags instead", async () => {
    await cache.set("/", page("home", ["_N_T_/layout", "site"]));
    database.db.$client.exec("create table scratch (x)");
    expect(await cache.get("/")).not.toBeNull();
  });

  it("does not keep a page rendered while one of its tags was expired moments ago", async () => {
    await cache.revalidateTag("team:3");
    await cache.set("/teams/docs", page("maybe older than the write", ["_N_T_/layout", "team:3"]));
    expect(await cache.get("/teams/docs")).toBeNull();

    vi.setSystemTime(Date.now() + 10_000);
    await cache.set("/teams/docs", page("docs", ["_N_T_/layout", "team:3"]));
    expect(await cache.get("/teams/docs")).toMatchObject({ value: { html: "docs" } });
  });

  it("answers a write only once the renders that began before it have finished", async () => {
    // /cycles/10.0 has been kept before; a render of it begins, then a write expires its tag.
    await cache.set("/cycles/10.0", page("board", ["_N_T_/layout", "cycle:1"]));
    await cache.revalidateTag("cycle:1");
    vi.setSystemTime(Date.now() + 10_000);
    expect(await cache.get("/cycles/10.0")).toBeNull();
    let answered = false;
    const write = cache.revalidateTag("cycle:1").then(() => (answered = true));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(answered).toBe(false);

    await cache.set("/cycles/10.0", page("board, from before the write", ["_N_T_/layout", "cycle:1"]));
    await write;
    expect(answered).toBe(true);
    expect(await cache.get("/cycles/10.0")).toBeNull();
  });

  it("does not hold a write for a page that is rendered per request, which is never stored", async () => {
    expect(await cache.get("/updates/[id]/edit")).toBeNull();
    let answered = false;
    const write = cache.revalidateTag("update:9").then(() => (answered = true));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(answered).toBe(true);
    await write;
  });

  // Last: a handler's limit holds for the whole process.
  it("keeps the newest pages within its memory limit", async () => {
    // Each page counts about 1,250 bytes: its HTML at two bytes a character, and its headers.
    const small = new PageCacheHandler({ maxMemoryCacheSize: 3_000 });
    await small.set("/a", page("a".repeat(500), ["_N_T_/a"]));
    await small.set("/b", page("b".repeat(500), ["_N_T_/b"]));
    await small.set("/c", page("c".repeat(500), ["_N_T_/c"]));
    expect(await small.get("/a")).toBeNull();
    expect(await small.get("/b")).not.toBeNull();
    expect(await small.get("/c")).not.toBeNull();
    await small.set("/huge", page("h".repeat(1_500), ["_N_T_/huge"]));
    expect(await small.get("/huge")).toBeNull();
    expect(await small.get("/c")).not.toBeNull();
  });
});

describe("the pages kept in the page cache", () => {
  it("each say Cache-Control: private, no-cache (next.config.js), so no shared cache keeps them past a write", async () => {
    const pages = (dir: string): string[] =>
      fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
        const file = path.join(dir, entry.name);
        if (entry.isDirectory()) return pages(file);
        return entry.name === "page.tsx" && /ensureStatic = "navigation"/.test(fs.readFileSync(file, "utf8")) ? [file] : [];
      });
    const routes = pages("app").map((file) => {
      const segments = path
        .dirname(path.relative("app", file))
        .split(path.sep)
        .filter((s) => s !== "." && !s.startsWith("("));
      return "/" + segments.map((s) => s.replace(/^\[(.+)\]$/, ":$1")).join("/");
    });
    const { default: config } = await import("@/next.config.js");
    const privateSources = ((await config.headers?.()) ?? [])
      .filter((rule) => rule.headers.some((h) => h.key === "Cache-Control" && h.value === "private, no-cache"))
      .map((rule) => rule.source);
    expect(routes.length).toBeGreaterThan(5);
    expect(privateSources).toEqual(expect.arrayContaining(routes));
  });
});
