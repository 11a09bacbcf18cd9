import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { createTestDatabase } from "@/db/testing";
import { reportMarkdown } from "@/lib/formats/report-markdown";
import { createCycle } from "../cycles/admin";
import { readDelivery } from "../metrics/reads";
import { readCycleComparison, readCycleReport } from "./reports";
import { carryOverRoadmap } from "../roadmap/editor";
import { createTeam, setTeamArchived } from "../teams/admin";

const system = { kind: "system", label: "test" } as const;

let db: Db;
let cleanup: () => void;
beforeAll(() => {
  ({ db, cleanup } = createTestDatabase({ demo: true }));
});
afterAll(() => cleanup());

describe("the 10.0 recap", () => {
  it("has a section for every team, with its update, and the topics with their outcome", () => {
    const report = readCycleReport(db, "10.0")!;
    expect(report.teams.map((t) => t.name)).toEqual(["Distributed Cloud", "Test", "Docs", "Distro & Multi-OS", "Containers", "Release"]);
    expect(report.teams.every((t) => t.update !== null)).toBe(true);
    expect(report.topics.map((t) => t.outcome)).toEqual(["decision", "no_decision", "no_decision"]);
    expect(report.teams.find((t) => t.slug === "distro-multi-os")!.helpWanted.map((h) => h.title)).toContain(
      "Review the Arm support patches",
    );
  });

  it("as Markdown, states the cycle's dates in the tense of the day it is read", () => {
    const released = reportMarkdown(readCycleReport(db, "9.0")!, "StarlingX", "2026-01-01");
    expect(released).toContain("The 9.0 cycle started on 1 Sep 2023 and was released on 29 Feb 2024.");
    expect(released).toContain("#### What was under way");
    expect(released).not.toContain("What is under way");
    // 10.0 is not marked released: due before its planned day, late after it.
    expect(reportMarkdown(readCycleReport(db, "10.0")!, "StarlingX", "2024-05-01")).toContain(
      "The 10.0 cycle started on 1 Mar 2024 and is due to be released on 30 Sep 2024.",
    );
    const late = reportMarkdown(readCycleReport(db, "10.0")!, "StarlingX", "2026-01-01");
    expect(late).toContain("and was due to be released on 30 Sep 2024.");
    expect(late).not.toMatch(/is (planned|due) .*released on 30 Sep 2024/);
    expect(late).toContain("#### What is under way");
    expect(reportMarkdown(readCycleReport(db, "10.0")!, "StarlingX", "2024-01-01")).toContain(
      "The 10.0 cycle starts on 1 Mar 2024 and is due to be released on 30 Sep 2024.",
    );
  });

  it("says a team of a cycle gone by posted no update, not that it has not yet", () => {
    const { id } = createTeam({ actor: system, input: { name: "Late joiners", slug: "late-joiners", mission: "" } }, db);
    try {
      expect(reportMarkdown(readCycleReport(db, "9.0")!, "StarlingX", "2026-01-01")).toContain("_No update was posted for this cycle._");
      expect(reportMarkdown(readCycleReport(db, "10.0")!, "StarlingX", "2024-05-01")).toContain("_No update posted for this cycle yet._");
    } finally {
      setTeamArchived({ actor: system, id, archived: true }, db);
    }
  });

  it("answers null for an unknown cycle, and links the cycle's gatherings", () => {
    expect(readCycleReport(db, "99.0")).toBeNull();
    expect(readCycleReport(db, "9.0")!.gatherings.map((g) => g.slug)).toEqual(["ptg-2024-04"]);
  });
});

describe("delivered vs planned and the comparison of cycles", () => {
  it("counts done items against everything not dropped", () => {
    expect(readDelivery(db, readCycleReport(db, "9.0")!.cycle.id).overall).toEqual({ planned: 5, delivered: 5 });
    const tenth = readDelivery(db, readCycleReport(db, "10.0")!.cycle.id);
    expect(tenth.overall).toEqual({ planned: 11, delivered: 1 });
    expect(tenth.teams.find((t) => t.teamSlug === "release")).toEqual({
      teamSlug: "release",
      teamName: "Release",
      planned: 1,
      delivered: 1,
    });
  });

  it("lists numbers, health and the items that slipped between two cycles", () => {
    createCycle(
      { actor: system, input: { name: "11.0", status: "planning", startsOn: "2024-10-01", targetReleaseOn: "2025-03-31", summary: "" } },
      db,
    );
    carryOverRoadmap({ actor: system, input: { team: "containers", from: "10.0", to: "11.0" } }, db);
    const comparison = readCycleComparison(db, "10.0", "11.0")!;
    expect(comparison.slipped.map((s) => [s.title, s.originalCycle, s.nowIn])).toEqual([
      ["Kubernetes 1.28 and 1.29", "10.0", "11.0"],
      ["Faster multi-version Kubernetes upgrades", "10.0", "11.0"],
    ]);
    const nineTen = readCycleComparison(db, "9.0", "10.0")!;
    expect(nineTen.numbers.find((n) => n.key === "bugs_fixed")).toMatchObject({ a: 783, b: null });
    expect(nineTen.health.find((h) => h.teamSlug === "distro-multi-os")).toMatchObject({ a: null, b: "at_risk" });
    expect(readCycleComparison(db, "9.0", "nope")).toBeNull();
  });
});
