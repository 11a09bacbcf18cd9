import { parse } from "csv-parse/sync";
import { and, eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { releaseCycles, teams, updates } from "@/db/schema";
import { createTestDatabase } from "@/db/testing";
import { CSV_PARTS, cycleCsv } from "@/lib/formats/cycle-export-csv";
import { createMetricDefinition } from "../cycles/admin";
import { readCycleBoard } from "../cycles/reads";
import { recordMetricValue } from "../metrics/writes";
import { readCycleExport } from "./cycle-export";

let db: Db;
let cleanup: () => void;
beforeEach(() => {
  ({ db, cleanup } = createTestDatabase({ demo: true }));
});
afterEach(() => cleanup());

describe("cycle export", () => {
  it("holds the cycle's published updates, team health, numbers and roadmap, as the dashboard shows them", () => {
    const data = readCycleExport(db, "10.0")!;
    const board = readCycleBoard(db, "10.0")!;
    expect(data.cycle.name).toBe("10.0");
    expect(data.teams.map((t) => [t.slug, t.health])).toEqual(board.teams.map((t) => [t.slug, t.latestUpdate?.health ?? null]));
    expect(data.updates.length).toBeGreaterThan(0);
    expect(data.numbers.map((n) => [n.key, n.value])).toEqual(board.numbers.map((n) => [n.key, n.value]));
    expect(data.roadmapItems.length).toBeGreaterThan(0);
    expect(readCycleExport(db, "nope")).toBeNull();
  });

  it("never holds a draft or a private note", () => {
    const cycle = db.select().from(releaseCycles).where(eq(releaseCycles.slug, "10.0")).get()!;
    const docs = db.select().from(teams).where(eq(teams.slug, "docs")).get()!;
    db.insert(updates)
      .values({
        teamId: docs.id,
        cycleId: cycle.id,
        headline: "Draft headline zqx",
        health: "blocked",
        summary: "draft body zqx",
        privateNote: "draft note zqx",
      })
      .run();
    const published = db
      .select()
      .from(updates)
      .where(and(eq(updates.cycleId, cycle.id), eq(updates.state, "published")))
      .get()!;
    db.update(updates).set({ privateNote: "private note zqx" }).where(eq(updates.id, published.id)).run();

    const data = readCycleExport(db, "10.0")!;
    expect(data.updates.some((u) => u.id === published.id)).toBe(true);
    const everything = JSON.stringify(data) + CSV_PARTS.map((part) => cycleCsv(data, part)).join("");
    expect(everything).not.toContain("zqx");
  });

  it("writes CSV a spreadsheet reads back field for field, quotes, commas and line breaks included, and formulas as text", () => {
    const cycle = db.select().from(releaseCycles).where(eq(releaseCycles.slug, "10.0")).get()!;
    const published = db
      .select()
      .from(updates)
      .where(and(eq(updates.cycleId, cycle.id), eq(updates.state, "published")))
      .get()!;
    const headline = 'Say "hello", then\nwait; =1+1';
    db.update(updates).set({ headline }).where(eq(updates.id, published.id)).run();
    const data = readCycleExport(db, "10.0")!;

    const rows = parse(cycleCsv(data, "updates"), { columns: true }) as Record<string, string>[];
    expect(rows).toHaveLength(data.updates.length);
    expect(rows.find((r) => r.id === String(published.id))?.headline).toBe(headline);
    for (const part of CSV_PARTS) {
      const table = parse(cycleCsv(data, part), { columns: true }) as Record<string, string>[];
      expect(table.length).toBeGreaterThan(0);
    }
    const item = data.roadmapItems[0]!;
    item.title = '=HYPERLINK("https://evil.example")';
    expect((parse(cycleCsv(data, "roadmap"), { columns: true }) as Record<string, string>[])[0]?.title).toBe(`'${item.title}`);
    item.title = data.roadmapItems[1]!.title;
    const roadmap = parse(cycleCsv(data, "roadmap"), { columns: true }) as Record<string, string>[];
    expect(roadmap.map((r) => r.title)).toEqual(data.roadmapItems.map((i) => i.title));
    expect(new Set(roadmap.map((r) => r.help_wanted))).toEqual(new Set(data.roadmapItems.map((i) => (i.helpWanted ? "yes" : "no"))));
  });

  it("shows each figure the way every page does: versions as entered, percentages with their sign", () => {
    const system = { kind: "system", label: "test" } as const;
    createMetricDefinition(
      {
        actor: system,
        input: {
          key: "k8s",
          label: "Kubernetes",
          kind: "version",
          decimals: null,
          direction: "higher_is_better",
          aggregation: "latest",
          team: "test",
        },
      },
      db,
    );
    for (const [value, observedAt] of [
      ["1.27", "2024-04-01T00:00:00Z"],
      ["1.32", "2024-06-01T00:00:00Z"],
      ["1.29", "2024-05-01T00:00:00Z"],
    ] as const)
      recordMetricValue({ actor: system, input: { team: "test", cycle: "10.0", metric: "k8s", value, observedAt, note: "" } }, db);
    recordMetricValue({ actor: system, input: { team: "test", cycle: "10.0", metric: "pass_rate", value: 96.5, note: "" } }, db);

    const rows = parse(cycleCsv(readCycleExport(db, "10.0")!, "numbers"), { columns: true }) as Record<string, string>[];
    expect(rows.filter((r) => r.metric === "k8s").map((r) => [r.team, r.shown, r.counts_in_figure])).toEqual([
      ["", "1.32", ""],
      ["test", "1.27", "yes"],
      ["test", "1.29", "yes"],
      ["test", "1.32", "yes"],
    ]);
    expect(rows.find((r) => r.metric === "pass_rate" && r.team === "")!.shown).toBe("96.5%");
  });
});
