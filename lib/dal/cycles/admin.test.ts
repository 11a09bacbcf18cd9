import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { auditEntries, gatherings, milestones, releaseCycles, topicActionItems } from "@/db/schema";
import { createTestDatabase } from "@/db/testing";
import { InputError } from "@/lib/errors";
import {
  addGathering,
  addTopic,
  createCycleFromTemplate,
  editGathering,
  editMetricDefinition,
  editTopic,
  setCycleStatus,
  setMilestoneDone,
} from "./admin";
import { readCycleBoard } from "./reads";

let db: Db;
let cleanup: () => void;
const rm = { kind: "system", label: "test" } as const;
beforeEach(() => {
  ({ db, cleanup } = createTestDatabase({ demo: true }));
});
afterEach(() => cleanup());

describe("managing cycles", () => {
  it("starts a cycle from the previous one, its milestones moved by the difference in start dates", () => {
    createCycleFromTemplate(
      { actor: rm, input: { name: "11.0", startsOn: "2024-10-01", targetReleaseOn: "2025-03-31", template: "10.0" } },
      db,
    );
    const cycle = db.select().from(releaseCycles).where(eq(releaseCycles.slug, "11.0")).get()!;
    expect(cycle.status).toBe("planning");
    const copied = db
      .select({ name: milestones.name, dueOn: milestones.dueOn, doneOn: milestones.doneOn })
      .from(milestones)
      .where(eq(milestones.cycleId, cycle.id))
      .all();
    // 10.0 started 2024-03-01; 11.0 starts 214 days later.
    expect(copied).toContainEqual({ name: "Feature freeze", dueOn: "2025-02-14", doneOn: null });
    expect(copied).toHaveLength(5);
  });

  it("keeps one active cycle and asks for the release date", () => {
    createCycleFromTemplate(
      { actor: rm, input: { name: "11.0", startsOn: "2024-10-01", targetReleaseOn: "2025-03-31", template: null } },
      db,
    );
    expect(() => setCycleStatus({ actor: rm, input: { cycle: "11.0", status: "active", releasedOn: null } }, db)).toThrow(
      /10\.0 is the active cycle/,
    );
    expect(() => setCycleStatus({ actor: rm, input: { cycle: "10.0", status: "released", releasedOn: null } }, db)).toThrow(InputError);
    setCycleStatus({ actor: rm, input: { cycle: "10.0", status: "released", releasedOn: "2024-09-30" } }, db);
    setCycleStatus({ actor: rm, input: { cycle: "11.0", status: "active", releasedOn: null } }, db);
    expect(readCycleBoard(db, "11.0")!.cycle.status).toBe("active");
  });

  it("records a cycle released on its real day, never before it started", () => {
    expect(() => setCycleStatus({ actor: rm, input: { cycle: "10.0", status: "released", releasedOn: "2024-02-29" } }, db)).toThrow(
      expect.objectContaining({ constructor: InputError, field: "releasedOn" }),
    );
    setCycleStatus({ actor: rm, input: { cycle: "10.0", status: "released", releasedOn: "2024-10-02" } }, db);
    expect(readCycleBoard(db, "10.0")!.cycle.releasedOn).toBe("2024-10-02");
  });

  it("marks a milestone done on the day it was done, as its audit entry says", () => {
    const freeze = db.select().from(milestones).where(eq(milestones.name, "Feature freeze")).all()[0]!;
    setMilestoneDone({ actor: rm, id: freeze.id, doneOn: "2024-07-17" }, db);
    expect(db.select().from(milestones).where(eq(milestones.id, freeze.id)).get()!.doneOn).toBe("2024-07-17");
    expect(db.select().from(auditEntries).where(eq(auditEntries.action, "milestone.done")).all().at(-1)!.after).toEqual({
      doneOn: "2024-07-17",
    });
  });

  it("records a topic with its outcome and one action item per line", () => {
    addTopic(
      {
        actor: rm,
        input: {
          cycle: "10.0",
          title: "Security response",
          notes: "Who triages reports?",
          outcome: "decision",
          decision: "The release team triages.",
          actionItems: "Write the process — Release team\nAnnounce it",
          gathering: null,
        },
      },
      db,
    );
    const topic = readCycleBoard(db, "10.0")!.topics.find((t) => t.title === "Security response")!;
    expect(topic).toMatchObject({ outcome: "decision", decision: "The release team triages." });
    expect(db.select({ d: topicActionItems.description, o: topicActionItems.ownerName }).from(topicActionItems).all().slice(-2)).toEqual([
      { d: "Write the process", o: "Release team" },
      { d: "Announce it", o: "" },
    ]);
    editTopic(
      {
        actor: rm,
        input: {
          id: topic.id,
          cycle: "10.0",
          title: "Security response",
          notes: "",
          outcome: "no_decision",
          decision: "ignored",
          actionItems: "Ask the TSC — Release team",
          gathering: null,
        },
      },
      db,
    );
    const edited = readCycleBoard(db, "10.0")!.topics.find((t) => t.id === topic.id)!;
    expect(edited).toMatchObject({ outcome: "no_decision", decision: "" });
    expect(edited.actionItems.map((a) => [a.description, a.ownerName])).toEqual([["Ask the TSC", "Release team"]]);
  });

  it("adds a gathering that the cycle's board then shows", () => {
    addGathering(
      {
        actor: rm,
        input: {
          cycle: "10.0",
          name: "October 2024 virtual PTG",
          slug: "ptg-2024-10",
          startsOn: "2024-10-21",
          endsOn: "2024-10-25",
          websiteUrl: null,
          etherpadUrl: null,
          recordingUrl: null,
          wrapsCycle: null,
        },
      },
      db,
    );
    expect(readCycleBoard(db, "10.0")!.gatherings.map((g) => g.slug)).toEqual(["ptg-2024-04", "ptg-2024-10"]);
    expect(() =>
      addGathering(
        {
          actor: rm,
          input: {
            cycle: "10.0",
            name: "Again",
            slug: "ptg-2024-10",
            startsOn: "2024-10-21",
            endsOn: "2024-10-25",
            websiteUrl: null,
            etherpadUrl: null,
            recordingUrl: null,
            wrapsCycle: null,
          },
        },
        db,
      ),
    ).toThrow(InputError);
    const april = readCycleBoard(db, "10.0")!.gatherings[0]!;
    const id = db.select().from(gatherings).where(eq(gatherings.slug, april.slug)).get()!.id;
    editGathering(
      {
        actor: rm,
        input: {
          id,
          cycle: "10.0",
          name: april.name,
          slug: april.slug,
          startsOn: april.startsOn,
          endsOn: april.endsOn,
          websiteUrl: null,
          etherpadUrl: "https://etherpad.example.org/p/ptg",
          recordingUrl: null,
          wrapsCycle: null,
        },
      },
      db,
    );
    expect(readCycleBoard(db, "10.0")!.gatherings[0]!.etherpadUrl).toBe("https://etherpad.example.org/p/ptg");
    expect(() =>
      editGathering(
        {
          actor: rm,
          input: {
            id,
            cycle: "10.0",
            name: "x",
            slug: "ptg-2024-10",
            startsOn: "2024-04-08",
            endsOn: "2024-04-12",
            websiteUrl: null,
            etherpadUrl: null,
            recordingUrl: null,
            wrapsCycle: null,
          },
        },
        db,
      ),
    ).toThrow(/slug/);
  });

  it("changes how a metric's figure is formed, and a retired metric leaves the numbers", () => {
    editMetricDefinition(
      {
        actor: rm,
        input: {
          key: "bugs_fixed",
          label: "Bugs fixed",
          kind: "count",
          decimals: null,
          direction: "higher_is_better",
          aggregation: "latest",
          retired: true,
        },
      },
      db,
    );
    expect(readCycleBoard(db, "9.0")!.numbers.map((n) => n.key)).not.toContain("bugs_fixed");
  });
});
