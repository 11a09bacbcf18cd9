import { and, eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { teams, updates } from "@/db/schema";
import { createTestDatabase } from "@/db/testing";
import { MATCH_END, MATCH_START, searchCommunity } from "./search";
import { startUpdate } from "../updates/editor";
import { editUpdate } from "../updates/writes";

let db: Db;
let cleanup: () => void;
const system = { kind: "system", label: "test" } as const;
beforeEach(() => {
  ({ db, cleanup } = createTestDatabase({ demo: true }));
});
afterEach(() => cleanup());

describe("search", () => {
  it("finds updates, roadmap items and topics, with the matched words marked", () => {
    const hits = searchCommunity({ q: "arm" }, db);
    expect(hits.map((h) => h.kind)).toEqual(expect.arrayContaining(["update", "roadmap"]));
    expect(hits.find((h) => h.kind === "roadmap" && h.title.includes("Arm"))?.title).toBe(`${MATCH_START}Arm${MATCH_END} support`);
    expect(searchCommunity({ q: "review process" }, db).some((h) => h.kind === "topic")).toBe(true);
  });

  it("filters by team, cycle and health", () => {
    expect(searchCommunity({ q: "kubernetes", team: "containers" }, db).every((h) => h.teamName === "Containers")).toBe(true);
    expect(searchCommunity({ q: "kubernetes", cycle: "9.0" }, db).every((h) => h.cycleName === "9.0")).toBe(true);
    expect(searchCommunity({ q: "arm", health: "at_risk" }, db).map((h) => h.kind)).toEqual(["update"]);
    expect(searchCommunity({ q: "arm", team: "nope" }, db)).toEqual([]);
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
    expect(searchCommunity({ q: "zanzibar" }, db).map((h) => h.path)).toEqual([`/updates/${update.id}`]);
    expect(
      searchCommunity({ q: "moving off the wiki" }, db).some((h) => h.path === `/updates/${update.id}` && h.title.includes("wiki")),
    ).toBe(false);

    const { id } = startUpdate({ actor: system, input: { team: "docs", cycle: "10.0", prefill: false } }, db);
    editUpdate({ actor: system, input: { id, expectedVersion: 1, changes: { headline: "Quokka draft only" } } }, db);
    expect(searchCommunity({ q: "quokka" }, db)).toEqual([]);
  });

  it("keeps exactly one index row per published update, roadmap item and topic through edits, reviews and deletes", () => {
    const run = (statement: string) => db.$client.prepare(statement).run();
    const roadmapId = (db.$client.prepare("select min(id) as id from roadmap_items").get() as { id: number }).id;
    run(`update roadmap_items set title = 'Wombat support' where id = ${roadmapId}`);
    run("update community_topics set decision = 'Adopt the platypus plan' where id = (select min(id) from community_topics)");
    run("update updates set review_state = 'reviewed' where state = 'published'");
    run("delete from roadmap_items where id = (select max(id) from roadmap_items)");
    expect(searchCommunity({ q: "wombat" }, db).map((h) => h.kind)).toEqual(["roadmap"]);
    expect(searchCommunity({ q: "platypus" }, db).map((h) => h.kind)).toEqual(["topic"]);

    const count = (statement: string) => (db.$client.prepare(statement).get() as { n: number }).n;
    const expected =
      count("select count(*) as n from updates where state = 'published'") +
      count("select count(*) as n from roadmap_items") +
      count("select count(*) as n from community_topics");
    expect(count("select count(*) as n from search_index")).toBe(expected);
    expect(() => run("insert into search_index (search_index) values ('integrity-check')")).not.toThrow();
  });

  it("treats whatever people type as words, never as query syntax", () => {
    for (const q of ['"(AND', "NEAR(", "*", "a OR", "--", "日本語", ""]) expect(() => searchCommunity({ q }, db)).not.toThrow();
    expect(searchCommunity({ q: "   " }, db)).toEqual([]);
  });
});
