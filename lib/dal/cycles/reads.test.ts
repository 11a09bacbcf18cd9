import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { createTestDatabase } from "@/db/testing";
import { readCycleBoard, readCycles } from "./reads";

let db: Db;
let cleanup: () => void;
beforeAll(() => {
  ({ db, cleanup } = createTestDatabase({ demo: true }));
});
afterAll(() => cleanup());

const figures = (board: NonNullable<ReturnType<typeof readCycleBoard>>, slug: string) =>
  Object.fromEntries(board.teams.find((t) => t.slug === slug)!.keyNumbers.map((n) => [n.key, n.value]));

describe("the cycle dashboard", () => {
  it("shows the Test team's 9.0 numbers and its wrap-up update on its card", () => {
    const board = readCycleBoard(db, "9.0")!;
    const test = board.teams.find((t) => t.slug === "test")!;
    expect(test.latestUpdate).toMatchObject({ health: "done", headline: expect.stringContaining("97.4%") });
    expect(figures(board, "test")).toEqual({ features_tested: 22, features_automated: 9, manual_test_cases: 683, pass_rate: 97.4 });
  });

  it("shows the Test team's 10.0 update and no numbers yet", () => {
    const board = readCycleBoard(db, "10.0")!;
    const test = board.teams.find((t) => t.slug === "test")!;
    expect(test.latestUpdate).toMatchObject({ health: "on_track", headline: expect.stringContaining("Weekly sanity") });
    expect(test.roadmap).toEqual({ total: 2, done: 0, inProgress: 1, atRisk: 0 });
    expect(Object.values(figures(board, "test"))).toEqual([null, null, null, null]);
  });

  it("has a card for each of the six teams in 10.0, in order", () => {
    const board = readCycleBoard(db, "10.0")!;
    expect(board.teams.map((t) => t.slug)).toEqual(["distributed-cloud", "test", "docs", "distro-multi-os", "containers", "release"]);
    expect(board.cycle).toMatchObject({ status: "active", targetReleaseOn: "2024-09-30", teamsReporting: 6 });
  });

  it("lists the at-risk team, the calls for help and the three community topics", () => {
    const board = readCycleBoard(db, "10.0")!;
    expect(board.atRisk.map((r) => r.teamSlug)).toEqual(["distro-multi-os"]);
    expect(board.helpWanted.map((h) => h.title)).toContain("Review the Arm support patches");
    expect(board.topics.map((t) => t.title)).toHaveLength(3);
    expect(board.topics.filter((t) => t.outcome === "no_decision").map((t) => t.title)).toEqual(
      expect.arrayContaining([expect.stringMatching(/review process/i), expect.stringMatching(/testing/i)]),
    );
  });

  it("forms the 9.0 release numbers", () => {
    const numbers = Object.fromEntries(readCycleBoard(db, "9.0")!.numbers.map((n) => [n.key, n.value]));
    expect(numbers).toMatchObject({ features_delivered: 33, bugs_fixed: 783 });
  });

  it("answers null for an unknown cycle and lists cycles newest first", () => {
    expect(readCycleBoard(db, "99.0")).toBeNull();
    expect(readCycles(db).map((c) => [c.name, c.teamsReporting])).toEqual([
      ["10.0", 6],
      ["9.0", 5],
    ]);
  });
});
