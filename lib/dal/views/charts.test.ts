import { eq } from "drizzle-orm";
import { ForbiddenError } from "@/lib/errors";
import type { Actor } from "@/lib/permissions";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { people, releaseCycles, roadmapItems } from "@/db/schema";
import { createTestDatabase } from "@/db/testing";
import { todayIso } from "@/lib/dates";
import { readBurnUp } from "./charts";
import { createCycle, setCycleStatus } from "../cycles/admin";
import { actorForPerson } from "../identity/person-actor";
import { createRoadmapItem, editRoadmapItem } from "../roadmap/editor";
import { patchRoadmapItem } from "../roadmap/writes";

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

describe("a cycle's history entered after its release", () => {
  const person = (email: string) => actorForPerson(db, db.select({ id: people.id }).from(people).where(eq(people.email, email)).get()!.id);
  const item = (actor: Actor, title: string, status: "done" | "planned", deliveredOn?: string) =>
    createRoadmapItem(
      {
        actor,
        input: { team: "docs", cycle: "8.0", title, description: "", status, kind: "feature", helpWanted: false, links: [], deliveredOn },
      },
      db,
    ).id;

  beforeEach(() => {
    createCycle(
      { actor: system, input: { name: "8.0", status: "planning", startsOn: "2023-03-01", targetReleaseOn: "2023-08-31", summary: "" } },
      db,
    );
    setCycleStatus({ actor: system, input: { cycle: "8.0", status: "released", releasedOn: "2023-08-25" } }, db);
  });

  it("keeps each item's delivery day, and draws the burn-up from the start to the release, not to today", () => {
    const lead = person("dana.lead@example.org");
    item(lead, "Install guide", "done", "2023-05-10");
    item(lead, "API reference", "done", "2023-08-01");
    item(lead, "Translations", "planned");

    const delivered = db.select({ title: roadmapItems.title, deliveredOn: roadmapItems.deliveredOn }).from(roadmapItems).all();
    expect(delivered).toContainEqual({ title: "Install guide", deliveredOn: "2023-05-10" });
    expect(delivered).toContainEqual({ title: "Translations", deliveredOn: null });

    const burnUp = readBurnUp(db, cycleId("8.0"), todayIso(Date.now()))!;
    expect(burnUp.span).toEqual(["2023-03-01", "2023-08-25"]);
    expect(burnUp.days).toEqual(["2023-03-01", "2023-05-10", "2023-08-01", "2023-08-25"]);
    expect(burnUp.planned).toEqual([3, 3, 3, 3]);
    expect(burnUp.delivered).toEqual([0, 1, 2, 2]);
    expect(burnUp.today).toBeNull();
  });

  it("lets a release manager or the team's lead give a delivery day, keeps it through edits, and refuses others", () => {
    const id = item(person("morgan.rm@example.org"), "Install guide", "done", "2023-05-10");
    const delivery = () => db.select().from(roadmapItems).where(eq(roadmapItems.id, id)).get()!.deliveredOn;
    // Renamed later: the day stays.
    patchRoadmapItem({ actor: person("dana.lead@example.org"), id, input: { version: 1, title: "Installation guide" } }, db);
    expect(delivery()).toBe("2023-05-10");
    patchRoadmapItem({ actor: person("dana.lead@example.org"), id, input: { version: 2, deliveredOn: "2023-05-12" } }, db);
    expect(delivery()).toBe("2023-05-12");
    expect(() =>
      patchRoadmapItem({ actor: person("tomas.lead@example.org"), id, input: { version: 3, deliveredOn: "2023-05-01" } }, db),
    ).toThrow(ForbiddenError);
    // A token for today's roadmap changes may mark items done, but not in the past.
    const lead = person("dana.lead@example.org");
    const token: Actor = lead.kind === "person" ? { ...lead, token: { id: 0, name: "ci", scopes: ["roadmap.write"], teamIds: [] } } : lead;
    expect(() => patchRoadmapItem({ actor: token, id, input: { version: 3, deliveredOn: "2023-05-01" } }, db)).toThrow(ForbiddenError);
    expect(delivery()).toBe("2023-05-12");
  });
});
