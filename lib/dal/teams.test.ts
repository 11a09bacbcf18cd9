import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { createTestDatabase } from "@/db/testing";
import { readTeamProfile, readTeams } from "./teams";

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

  it("answer null for an unknown team", () => {
    expect(readTeamProfile(db, "nope")).toBeNull();
  });
});
