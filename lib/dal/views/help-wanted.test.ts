import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { createTestDatabase } from "@/db/testing";
import { readHelpWanted } from "./help-wanted";

let db: Db;
let cleanup: () => void;
beforeAll(() => {
  ({ db, cleanup } = createTestDatabase({ demo: true }));
});
afterAll(() => cleanup());

describe("help wanted", () => {
  it("lists open requests with link, contact and owner, without repeating the roadmap item they belong to", () => {
    const all = readHelpWanted(db, {});
    const arm = all.find((e) => e.title === "Review the Arm support patches")!;
    expect(arm).toMatchObject({
      team: { slug: "distro-multi-os" },
      cycle: { name: "10.0" },
      contact: expect.stringContaining("starlingx-discuss"),
      owner: expect.any(String),
    });
    expect(arm.linkUrl).toMatch(/^https:\/\/review\.opendev\.org\//);
    expect(all.filter((e) => e.title === "Arm support")).toEqual([]);
  });

  it("filters by team and by cycle", () => {
    expect(readHelpWanted(db, { team: "docs" }).every((e) => e.team.slug === "docs")).toBe(true);
    expect(readHelpWanted(db, { team: "docs" }).length).toBeGreaterThan(0);
    expect(readHelpWanted(db, { cycle: "9.0" })).toEqual([]);
  });
});
