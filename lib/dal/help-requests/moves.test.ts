import { and, asc, eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { auditEntries, helpRequests, people, releaseCycles, roadmapItems, teamLeads, teams } from "@/db/schema";
import { createTestDatabase, fingerprint } from "@/db/testing";
import { ConflictError, ForbiddenError, InputError, NotFoundError } from "@/lib/errors";
import type { Actor } from "@/lib/permissions";
import { moveHelpRequestSchema } from "@/lib/validation/help-requests";
import { createCycleFromTemplate, setCycleStatus } from "../cycles/admin";
import { readCycleBoard } from "../cycles/reads";
import { actorForPerson } from "../identity/person-actor";
import { carryOverRoadmap } from "../roadmap/editor";
import { readHelpWanted } from "../views/help-wanted";
import { searchCommunity } from "../views/search";
import { assignHelpRequest, closeHelpRequest, getHelpRequestsForEditing, openHelpRequest } from "./editor";
import { moveHelpRequest } from "./moves";

let db: Db;
let cleanup: () => void;
beforeEach(() => {
  ({ db, cleanup } = createTestDatabase({ demo: true }));
});
afterEach(() => cleanup());

const teamId = (slug: string) => db.select({ id: teams.id }).from(teams).where(eq(teams.slug, slug)).get()!.id;
const cycleId = (slug: string) => db.select({ id: releaseCycles.id }).from(releaseCycles).where(eq(releaseCycles.slug, slug)).get()!.id;
const leadOf = (slug: string): Actor =>
  actorForPerson(
    db,
    db
      .select({ id: teamLeads.personId })
      .from(teamLeads)
      .where(eq(teamLeads.teamId, teamId(slug)))
      .get()!.id,
  );
const releaseManager = (): Actor =>
  actorForPerson(db, db.select({ id: people.id }).from(people).where(eq(people.role, "release_manager")).get()!.id);
const request = (id: number) => db.select().from(helpRequests).where(eq(helpRequests.id, id)).get()!;
const requestTitled = (title: string) => db.select().from(helpRequests).where(eq(helpRequests.title, title)).get()!;
const trail = (id: number) =>
  db
    .select({ action: auditEntries.action })
    .from(auditEntries)
    .where(and(eq(auditEntries.entityType, "help_request"), eq(auditEntries.entityId, String(id))))
    .orderBy(asc(auditEntries.id))
    .all()
    .map((e) => e.action);
const boardCount = (cycle: string, team: string) => readCycleBoard(db, cycle)!.teams.find((t) => t.slug === team)!.helpRequests;
const nextCycle = () =>
  createCycleFromTemplate(
    { actor: releaseManager(), input: { name: "11.0", startsOn: "2024-10-01", targetReleaseOn: "2025-03-31", template: null } },
    db,
  );

describe("help requests follow their roadmap item", () => {
  it("moves the requests still wanted on a carried-over item to its copy in the next cycle, keeping who took them and their history", () => {
    nextCycle();
    const lead = leadOf("distro-multi-os");
    const reviews = requestTitled("Review the Arm support patches");
    const mirror = requestTitled("Build Arm packages for the project mirror");
    assignHelpRequest({ actor: lead, input: { id: reviews.id, ownerId: null, takenByName: "Ada Newcomer" } }, db);
    closeHelpRequest({ actor: lead, input: { id: mirror.id, status: "dropped" } }, db);
    expect(boardCount("10.0", "distro-multi-os")).toEqual({ open: 0, taken: 1 });

    const result = carryOverRoadmap({ actor: lead, input: { team: "distro-multi-os", from: "10.0", to: "11.0" } }, db);
    expect(result.helpRequests).toBe(1);

    const copy = db
      .select()
      .from(roadmapItems)
      .where(and(eq(roadmapItems.carriedFromId, reviews.roadmapItemId!), eq(roadmapItems.cycleId, cycleId("11.0"))))
      .get()!;
    expect(request(reviews.id)).toMatchObject({
      cycleId: cycleId("11.0"),
      askedInCycleId: cycleId("10.0"),
      roadmapItemId: copy.id,
      status: "taken",
      takenByName: "Ada Newcomer",
    });
    expect(trail(reviews.id)).toEqual(["help.assign", "help.carry_over"]);
    // The dropped one stays where it ended.
    expect(request(mirror.id)).toMatchObject({ cycleId: cycleId("10.0"), askedInCycleId: null, status: "dropped" });

    expect(boardCount("10.0", "distro-multi-os")).toEqual({ open: 0, taken: 0 });
    expect(boardCount("11.0", "distro-multi-os")).toEqual({ open: 0, taken: 1 });
    expect(readCycleBoard(db, "11.0")!.helpWanted.find((h) => h.key === `request-${reviews.id}`)).toMatchObject({ askedIn: "10.0" });
    expect(readHelpWanted(db, { cycle: "11.0" }).find((e) => e.key === `request-${reviews.id}`)).toMatchObject({
      cycle: { slug: "11.0", name: "11.0" },
      askedIn: "10.0",
      takenBy: "Ada Newcomer",
    });
    const hits = searchCommunity({ q: "review the arm support patches", cycle: "11.0" }, db).data.filter((h) => h.kind === "help");
    expect(hits.map((h) => h.path)).toEqual([`/help-wanted?team=distro-multi-os&cycle=11.0#request-${reviews.id}`]);
  });
});

describe("help requests follow their team when their cycle is released", () => {
  it("moves every request still wanted into the next cycle, and the new cycle counts them", () => {
    nextCycle();
    const stillWanted = db
      .select()
      .from(helpRequests)
      .where(eq(helpRequests.cycleId, cycleId("10.0")))
      .all();
    expect(stillWanted).toHaveLength(4);
    const openOn11 = () => readCycleBoard(db, "11.0")!.teams.reduce((sum, t) => sum + t.helpRequests.open, 0);
    expect(openOn11()).toBe(0);

    setCycleStatus({ actor: releaseManager(), input: { cycle: "10.0", status: "released", releasedOn: "2024-09-30" } }, db);

    expect(openOn11()).toBe(4);
    for (const r of stillWanted) {
      expect(request(r.id)).toMatchObject({ cycleId: cycleId("11.0"), askedInCycleId: cycleId("10.0"), roadmapItemId: r.roadmapItemId });
      expect(trail(r.id)).toEqual(["help.carry_over"]);
    }
    expect(readHelpWanted(db, { cycle: "11.0" }).filter((e) => e.key.startsWith("request-"))).toHaveLength(4);
  });

  it("waits for a next cycle when there is none, and moves when one is created", () => {
    const sanity = requestTitled("Help bring the sanity test suite upstream");
    setCycleStatus({ actor: releaseManager(), input: { cycle: "10.0", status: "released", releasedOn: "2024-09-30" } }, db);
    expect(request(sanity.id).cycleId).toBe(cycleId("10.0"));

    nextCycle();
    expect(request(sanity.id)).toMatchObject({
      cycleId: cycleId("11.0"),
      askedInCycleId: cycleId("10.0"),
      roadmapItemId: sanity.roadmapItemId,
    });
    expect(boardCount("11.0", "test")).toEqual({ open: 1, taken: 0 });
  });

  it("lands on its item's copy when the item was carried over before the request was opened", () => {
    nextCycle();
    const lead = leadOf("test");
    const item = requestTitled("Help bring the sanity test suite upstream").roadmapItemId!;
    carryOverRoadmap({ actor: lead, input: { team: "test", from: "10.0", to: "11.0" } }, db);
    const late = openHelpRequest(
      {
        actor: lead,
        input: { team: "test", cycle: "10.0", title: "Run sanity on a lab", details: "", linkUrl: null, contact: "", roadmapItemId: item },
      },
      db,
    );
    setCycleStatus({ actor: releaseManager(), input: { cycle: "10.0", status: "released", releasedOn: "2024-09-30" } }, db);
    const copy = db.select().from(roadmapItems).where(eq(roadmapItems.carriedFromId, item)).get()!;
    expect(request(late.id)).toMatchObject({ cycleId: cycleId("11.0"), roadmapItemId: copy.id, askedInCycleId: cycleId("10.0") });
    expect(trail(late.id)).toEqual(["help.open", "help.carry_over"]);
  });
});

describe("moving a help request by hand", () => {
  const parse = (id: number, cycle: string) => moveHelpRequestSchema.parse({ id: String(id), cycle });

  it("lets a lead or release manager move a request still wanted to a cycle not released, audited", () => {
    nextCycle();
    const docs = requestTitled("Tell us where the docs are hard to follow");
    moveHelpRequest({ actor: leadOf("docs"), input: parse(docs.id, "11.0") }, db);
    expect(request(docs.id)).toMatchObject({ cycleId: cycleId("11.0"), askedInCycleId: cycleId("10.0") });
    expect(getHelpRequestsForEditing({ actor: leadOf("docs"), team: "docs" }, db)!.requests).toEqual([
      expect.objectContaining({ id: docs.id, cycleSlug: "11.0", askedInCycleName: "10.0" }),
    ]);
    expect(boardCount("11.0", "docs")).toEqual({ open: 1, taken: 0 });
    expect(boardCount("10.0", "docs")).toEqual({ open: 0, taken: 0 });

    // Back where it was asked: nothing to remember.
    moveHelpRequest({ actor: releaseManager(), input: parse(docs.id, "10.0") }, db);
    expect(request(docs.id)).toMatchObject({ cycleId: cycleId("10.0"), askedInCycleId: null });
    const entries = db
      .select()
      .from(auditEntries)
      .where(and(eq(auditEntries.entityType, "help_request"), eq(auditEntries.entityId, String(docs.id))))
      .all();
    expect(entries.map((e) => [e.action, e.before, e.after])).toEqual([
      ["help.move", { cycle: "10.0", roadmapItemId: null }, { cycle: "11.0", roadmapItemId: null, reason: "moved by hand" }],
      ["help.move", { cycle: "11.0", roadmapItemId: null }, { cycle: "10.0", roadmapItemId: null, reason: "moved by hand" }],
    ]);
  });

  it("refuses, changing nothing, another team's lead, an unknown, released or same cycle, and a closed request", () => {
    nextCycle();
    const docs = requestTitled("Tell us where the docs are hard to follow");
    const before = fingerprint(db);
    expect(() => moveHelpRequest({ actor: leadOf("test"), input: parse(docs.id, "11.0") }, db)).toThrow(ForbiddenError);
    for (const [cycle, message] of [
      ["nope", "No such cycle"],
      ["9.0", "9.0 is released; pick a cycle in planning or under way"],
      ["10.0", "It is in this cycle already"],
    ] as const) {
      const attempt = () => moveHelpRequest({ actor: leadOf("docs"), input: parse(docs.id, cycle) }, db);
      expect(attempt).toThrow(InputError);
      expect(attempt).toThrow(message);
    }
    expect(() => moveHelpRequest({ actor: leadOf("docs"), input: parse(999_999, "11.0") }, db)).toThrow(NotFoundError);
    expect(fingerprint(db)).toBe(before);
    closeHelpRequest({ actor: leadOf("docs"), input: { id: docs.id, status: "resolved" } }, db);
    expect(() => moveHelpRequest({ actor: leadOf("docs"), input: parse(docs.id, "11.0") }, db)).toThrow(ConflictError);
    expect(moveHelpRequestSchema.safeParse({ id: "1", cycle: "" }).error?.issues[0]).toMatchObject({ path: ["cycle"] });
  });
});
