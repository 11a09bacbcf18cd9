import { and, eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { helpRequests, teams, updates } from "@/db/schema";
import { createTestDatabase } from "@/db/testing";
import { SEARCH_PAGE_SIZE, SEARCH_WINDOW } from "@/lib/domain";
import { MATCH_END, MATCH_START, searchCommunity, type SearchHit } from "./search";
import { closeHelpRequest, openHelpRequest } from "../help-requests/editor";
import { startUpdate } from "../updates/editor";
import { editUpdate } from "../updates/writes";

let db: Db;
let cleanup: () => void;
const system = { kind: "system", label: "test" } as const;
beforeEach(() => {
  ({ db, cleanup } = createTestDatabase({ demo: true }));
});
afterEach(() => cleanup());

const hits = (input: Parameters<typeof searchCommunity>[0]): SearchHit[] => searchCommunity(input, db).data;

/** `n` roadmap items of the docs team in 10.0 whose title holds `word`, written at `at` (ms). */
function roadmapItemsWith(word: string, n: number, at: number) {
  db.$client
    .prepare(
      `with recursive n(i) as (select 1 union all select i + 1 from n where i < ?)
       insert into roadmap_items (team_id, cycle_id, original_cycle_id, title, updated_at)
       select t.id, c.id, c.id, ? || ' ' || n.i, ? from teams t, release_cycles c, n
       where t.slug = 'docs' and c.slug = '10.0'`,
    )
    .run(n, word, at);
}

describe("search", () => {
  it("finds updates, roadmap items and topics, with the matched words marked", () => {
    const found = hits({ q: "arm" });
    expect(found.map((h) => h.kind)).toEqual(expect.arrayContaining(["update", "roadmap"]));
    expect(found.find((h) => h.kind === "roadmap" && h.title.includes("Arm"))?.title).toBe(`${MATCH_START}Arm${MATCH_END} support`);
    expect(hits({ q: "review process" }).some((h) => h.kind === "topic")).toBe(true);
  });

  it("finds the help requests still wanted, linked to where they are listed", () => {
    const docsRequest = db.select().from(helpRequests).where(eq(helpRequests.title, "Tell us where the docs are hard to follow")).get()!;
    const found = hits({ q: "hard to follow" }).filter((h) => h.kind === "help");
    expect(found).toEqual([
      expect.objectContaining({
        path: `/help-wanted?team=docs&cycle=10.0#request-${docsRequest.id}`,
        title: `Tell us where the docs are ${MATCH_START}hard${MATCH_END} ${MATCH_START}to${MATCH_END} ${MATCH_START}follow${MATCH_END}`,
        teamName: "Docs",
        cycleName: "10.0",
      }),
    ]);

    const { id } = openHelpRequest(
      {
        actor: system,
        input: {
          team: "test",
          cycle: "10.0",
          title: "Pair with a newcomer on sanity runs",
          details: "A first task for someone new.",
          linkUrl: null,
          contact: "Test team call",
          roadmapItemId: null,
        },
      },
      db,
    );
    expect(hits({ q: "newcomer" }).filter((h) => h.kind === "help")).toHaveLength(1);
    expect(hits({ q: "newcomer", team: "test", cycle: "10.0" }).map((h) => h.kind)).toEqual(["help"]);
    expect(hits({ q: "newcomer", team: "docs" })).toEqual([]);
    closeHelpRequest({ actor: system, input: { id, status: "resolved" } }, db);
    expect(hits({ q: "newcomer" }).filter((h) => h.kind === "help")).toEqual([]);
  });

  it("filters by team, cycle and health", () => {
    expect(hits({ q: "kubernetes", team: "containers" }).every((h) => h.teamName === "Containers")).toBe(true);
    expect(hits({ q: "kubernetes", cycle: "9.0" }).every((h) => h.cycleName === "9.0")).toBe(true);
    expect(hits({ q: "arm", health: "at_risk" }).map((h) => h.kind)).toEqual(["update"]);
    expect(hits({ q: "arm", team: "nope" })).toEqual([]);
  });

  it("pages the results", () => {
    const total = SEARCH_PAGE_SIZE + 5;
    roadmapItemsWith("Zebra", total, Date.now());
    const first = searchCommunity({ q: "zebra" }, db);
    expect(first.pagination).toEqual({ page: 1, perPage: SEARCH_PAGE_SIZE, total });
    expect(first.data).toHaveLength(SEARCH_PAGE_SIZE);
    expect(first.capped).toBe(false);
    const second = searchCommunity({ q: "zebra", page: 2 }, db);
    expect(second.data).toHaveLength(5);
    const titles = [...first.data, ...second.data].map((h) => h.title);
    expect(new Set(titles).size).toBe(total);
    expect(searchCommunity({ q: "zebra", page: 3 }, db).data).toEqual([]);
  });

  it("ranks the newest matches by when they were written, not by the order they were loaded in, and filters reach older ones", () => {
    roadmapItemsWith("Okapi", SEARCH_WINDOW, Date.parse("2026-01-01T00:00:00Z"));
    // Loaded last but written long before: an import keeps its dates.
    roadmapItemsWith("Okapi ancient", 1, Date.parse("2001-01-01T00:00:00Z"));
    const newest = searchCommunity({ q: "okapi" }, db);
    expect(newest.capped).toBe(true);
    expect(newest.pagination.total).toBe(SEARCH_WINDOW);
    const everyPage = Array.from(
      { length: SEARCH_WINDOW / SEARCH_PAGE_SIZE },
      (_, i) => searchCommunity({ q: "okapi", page: i + 1 }, db).data,
    );
    expect(everyPage.flat().some((h) => h.title.includes("ancient"))).toBe(false);
    expect(hits({ q: "okapi ancient" }).map((h) => h.title)).toEqual([
      `${MATCH_START}Okapi${MATCH_END} ${MATCH_START}ancient${MATCH_END} 1`,
    ]);
  });

  it("matches words by their stem, and a word with a trailing * as a prefix", () => {
    expect(hits({ q: "kube" })).toEqual([]);
    expect(hits({ q: "kube*" }).length).toBeGreaterThan(0);
    expect(hits({ q: "following" }).some((h) => h.kind === "help")).toBe(true);
  });

  it("stays in step with writes through the database's own triggers, and never shows drafts", () => {
    const docs = db.select().from(teams).where(eq(teams.slug, "docs")).get()!;
    const update = db
      .select()
      .from(updates)
      .where(and(eq(updates.teamId, docs.id), eq(updates.state, "published")))
      .all()
      .at(-1)!;
    editUpdate(
      { actor: system, input: { id: update.id, expectedVersion: update.version, changes: { headline: "Zanzibar documentation sprint" } } },
      db,
    );
    expect(hits({ q: "zanzibar" }).map((h) => h.path)).toEqual([`/updates/${update.id}`]);
    expect(hits({ q: "moving off the wiki" }).some((h) => h.path === `/updates/${update.id}` && h.title.includes("wiki"))).toBe(false);

    const { id } = startUpdate({ actor: system, input: { team: "docs", cycle: "10.0", prefill: false } }, db);
    editUpdate({ actor: system, input: { id, expectedVersion: 1, changes: { headline: "Quokka draft only" } } }, db);
    expect(hits({ q: "quokka" })).toEqual([]);
  });

  it("keeps exactly one index row per published update, roadmap item, topic and wanted help request through edits, reviews and deletes", () => {
    const run = (statement: string) => db.$client.prepare(statement).run();
    const roadmapId = (db.$client.prepare("select min(id) as id from roadmap_items").get() as { id: number }).id;
    run(`update roadmap_items set title = 'Wombat support' where id = ${roadmapId}`);
    run("update community_topics set decision = 'Adopt the platypus plan' where id = (select min(id) from community_topics)");
    run("update help_requests set details = 'Bring a capybara' where id = (select min(id) from help_requests)");
    run("update help_requests set status = 'dropped' where id = (select max(id) from help_requests)");
    run("update updates set review_state = 'reviewed' where state = 'published'");
    run("delete from roadmap_items where id = (select max(id) from roadmap_items)");
    expect(hits({ q: "wombat" }).map((h) => h.kind)).toEqual(["roadmap"]);
    expect(hits({ q: "platypus" }).map((h) => h.kind)).toEqual(["topic"]);
    expect(hits({ q: "capybara" }).map((h) => h.kind)).toEqual(["help"]);

    const count = (statement: string) => (db.$client.prepare(statement).get() as { n: number }).n;
    const expected =
      count("select count(*) as n from updates where state = 'published'") +
      count("select count(*) as n from roadmap_items") +
      count("select count(*) as n from community_topics") +
      count("select count(*) as n from help_requests where status in ('open', 'taken')");
    expect(count("select count(*) as n from search_index")).toBe(expected);
    expect(count("select count(*) as n from search_rows")).toBe(expected);
    expect(count("select count(*) as n from search_index join search_rows on search_rows.id = search_index.rowid")).toBe(expected);
    expect(() => run("insert into search_index (search_index) values ('integrity-check')")).not.toThrow();
  });

  it("treats whatever people type as words, never as query syntax", () => {
    for (const q of ['"(AND', "NEAR(", "*", "a OR", "--", "日本語", "", "facets", "cycle1", "{title}", "a:b"])
      expect(() => searchCommunity({ q }, db)).not.toThrow();
    expect(hits({ q: "   " })).toEqual([]);
    expect(hits({ q: "cycle1 team1" })).toEqual([]);
  });
});
