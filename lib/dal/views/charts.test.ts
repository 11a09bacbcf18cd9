import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { releaseCycles, roadmapItems } from "@/db/schema";
import { createTestDatabase } from "@/db/testing";
import { todayIso } from "@/lib/dates";
import { readBurnUp } from "./charts";
import { createRoadmapItem, editRoadmapItem } from "../roadmap/editor";

let db: Db;
let cleanup: () => void;
const system = { kind: "system", label: "test" } as const;
beforeEach(() => {
  ({ db, cleanup } = createTestDatabase({ demo: true }));
});
afterEach(() => cleanup());

const cycleId = (slug: string) => db.select({ id: releaseCycles.id }).from(releaseCycles).where(eq(releaseCycles.slug, slug)).get()!.id;
const last = (values: number[]) => values.at(-1);

describe("roadmap burn-up", () => {
  it("climbs from the cycle's start to its release, delivered items on the day they were delivered", () => {
    const burnUp = readBurnUp(db, cycleId("9.0"), "2026-01-01")!;
    expect(burnUp.span).toEqual(["2023-09-01", "2024-02-29"]);
    expect(burnUp.days[0]).toBe("2023-09-01");
    expect(burnUp.days.at(-1)).toBe("2024-02-29");
    expect(burnUp.days).toContain("2023-11-20");
    const planned9 = db
      .select()
      .from(roadmapItems)
      .where(eq(roadmapItems.cycleId, cycleId("9.0")))
      .all()
      .filter((i) => i.status !== "dropped").length;
    expect(last(burnUp.planned)).toBe(planned9);
    expect(burnUp.delivered[burnUp.days.indexOf("2023-11-20")]).toBe(1);
    expect(last(burnUp.delivered)).toBe(5);
    expect(burnUp.today).toBeNull();
    // Totals never go down.
    expect(burnUp.delivered.every((v, i) => i === 0 || v >= burnUp.delivered[i - 1]!)).toBe(true);
  });

  it("stops at today in a cycle under way, and marks an item delivered the day it becomes done", () => {
    const { id } = createRoadmapItem(
      {
        actor: system,
        input: {
          team: "docs",
          cycle: "10.0",
          title: "Style guide",
          description: "",
          status: "planned",
          kind: "documentation",
          helpWanted: false,
          links: [],
        },
      },
      db,
    );
    expect(db.select().from(roadmapItems).where(eq(roadmapItems.id, id)).get()!.deliveredOn).toBeNull();
    editRoadmapItem(
      {
        actor: system,
        input: {
          id,
          expectedVersion: 1,
          title: "Style guide",
          description: "",
          status: "done",
          kind: "documentation",
          helpWanted: false,
          links: [],
        },
      },
      db,
    );
    const today = todayIso(Date.now());
    expect(db.select().from(roadmapItems).where(eq(roadmapItems.id, id)).get()!.deliveredOn).toBe(today);
    editRoadmapItem(
      {
        actor: system,
        input: {
          id,
          expectedVersion: 2,
          title: "Style guide, 2nd edition",
          description: "",
          status: "done",
          kind: "documentation",
          helpWanted: false,
          links: [],
        },
      },
      db,
    );
    expect(db.select().from(roadmapItems).where(eq(roadmapItems.id, id)).get()!.deliveredOn).toBe(today);

    const burnUp = readBurnUp(db, cycleId("10.0"), today)!;
    expect(burnUp.days.at(-1)).toBe(today);
    expect(burnUp.today).toBe(today);
    expect(last(burnUp.delivered)).toBe(2);
    const before = readBurnUp(db, cycleId("10.0"), "2024-05-01")!;
    expect(before.days.at(-1)).toBe("2024-05-01");
    expect(last(before.delivered)).toBe(1);

    editRoadmapItem(
      {
        actor: system,
        input: {
          id,
          expectedVersion: 3,
          title: "Style guide",
          description: "",
          status: "in_progress",
          kind: "documentation",
          helpWanted: false,
          links: [],
        },
      },
      db,
    );
    expect(db.select().from(roadmapItems).where(eq(roadmapItems.id, id)).get()!.deliveredOn).toBeNull();
  });

  it("is null for an unknown cycle and flat at the start of one not begun", () => {
    expect(readBurnUp(db, 9999, "2024-01-01")).toBeNull();
    const early = readBurnUp(db, cycleId("10.0"), "2024-01-01")!;
    expect(early.days).toEqual(["2024-03-01"]);
    expect(early.today).toBeNull();
  });
});
