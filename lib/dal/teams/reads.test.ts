import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { eq } from "drizzle-orm";
import { createTestDatabase } from "@/db/testing";
import { releaseCycles, teams, updates } from "@/db/schema";
import { readCycleBoard } from "../cycles/reads";
import { createCycle } from "../cycles/admin";
import { RECENT_CYCLES, readTeamProfile, readTeams } from "./reads";

let db: Db;
let cleanup: () => void;
beforeAll(() => {
  ({ db, cleanup } = createTestDatabase({ demo: true }));
});
afterAll(() => cleanup());

describe("team pages", () => {
  it("show Distro & Multi-OS with its Arm roadmap item and call for help", () => {
    const profile = readTeamProfile(db, "distro-multi-os")!;
    expect(profile.team.name).toBe("Distro & Multi-OS");
    expect(profile.leads).toHaveLength(1);
    const arm = profile.roadmap.flatMap((g) => g.items).find((i) => i.title === "Arm support")!;
    expect(arm).toMatchObject({ helpWanted: true, status: "in_progress" });
    expect(profile.helpRequests.map((h) => h.title)).toContain("Review the Arm support patches");
    expect(profile.currentUpdate?.health).toBe("at_risk");
  });

  it("show the newest cycles' history and roadmap, and every cycle when asked", () => {
    const { db: many, cleanup: done } = createTestDatabase({ demo: true });
    try {
      const system = { kind: "system", label: "test" } as const;
      for (let n = 1; n <= RECENT_CYCLES; n++)
        createCycle(
          {
            actor: system,
            input: {
              name: `${20 + n}.0`,
              status: "planning",
              startsOn: `20${30 + n}-01-01`,
              targetReleaseOn: `20${30 + n}-06-30`,
              summary: "",
            },
          },
          many,
        );
      const recent = readTeamProfile(many, "test")!;
      const all = readTeamProfile(many, "test", { allCycles: true })!;
      expect(recent.olderCycles).toBeGreaterThan(0);
      expect(recent.history).toEqual([]);
      expect(recent.roadmap).toEqual([]);
      // The newest update still leads the page, though its cycle is no longer among the newest.
      expect(recent.currentUpdate?.id).toBe(all.history[0]!.id);
      expect(all.olderCycles).toBe(0);
      expect(all.history.map((u) => u.cycleName)).toContain("9.0");
    } finally {
      done();
    }
  });

  it("show the Test team's numbers across cycles, oldest first", () => {
    const profile = readTeamProfile(db, "test")!;
    const passRate = profile.numbers.find((n) => n.key === "pass_rate")!;
    expect(passRate.byCycle).toEqual([
      { cycleSlug: "9.0", cycleName: "9.0", value: 97.4 },
      { cycleSlug: "10.0", cycleName: "10.0", value: null },
    ]);
    expect(profile.history.map((u) => u.cycleName)).toEqual(["10.0", "9.0"]);
  });

  it("list every team with its latest update", () => {
    const teams = readTeams(db);
    expect(teams).toHaveLength(6);
    expect(teams.every((t) => t.latestUpdate?.cycleName === "10.0")).toBe(true);
  });

  it("take each team's newest published update as its latest, on the list and the board alike", () => {
    const own = createTestDatabase({ demo: true });
    try {
      const docs = own.db.select({ id: teams.id }).from(teams).where(eq(teams.slug, "docs")).get()!;
      const cycle = own.db.select({ id: releaseCycles.id }).from(releaseCycles).where(eq(releaseCycles.slug, "10.0")).get()!;
      const before = readTeams(own.db).find((t) => t.slug === "docs")!.latestUpdate!;
      const write = (headline: string, state: "draft" | "published", at: Date | null) =>
        own.db
          .insert(updates)
          .values({ teamId: docs.id, cycleId: cycle.id, headline, health: "blocked", state, publishedAt: at })
          .returning({ id: updates.id })
          .get().id;
      write("A newer draft", "draft", null);
      expect(readTeams(own.db).find((t) => t.slug === "docs")!.latestUpdate!.id).toBe(before.id);
      // Published at the same moment as the current latest: the later row wins.
      const tie = write("Same moment, later row", "published", new Date(before.publishedAt));
      expect(readTeams(own.db).find((t) => t.slug === "docs")!.latestUpdate).toMatchObject({
        id: tie,
        health: "blocked",
        cycleName: "10.0",
      });
      const card = readCycleBoard(own.db, "10.0")!.teams.find((t) => t.slug === "docs")!;
      expect(card.latestUpdate).toMatchObject({ id: tie, headline: "Same moment, later row" });
      expect(readCycleBoard(own.db, "9.0")!.teams.find((t) => t.slug === "docs")!.latestUpdate?.id).not.toBe(tie);
    } finally {
      own.cleanup();
    }
  });

  it("answer null for an unknown team", () => {
    expect(readTeamProfile(db, "nope")).toBeNull();
  });
});
