import { eq } from "drizzle-orm";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openDatabase, type Db } from "./client";
import { MigrationError, migrateDatabase } from "./migrate";
import { releaseCycles, teams, updates } from "./schema";
import { createTestDatabase } from "./testing";

let db: Db;
let file: string;
let cleanup: () => void;

beforeEach(() => {
  ({ db, file, cleanup } = createTestDatabase());
});
afterEach(() => cleanup());

function addTeamAndCycle() {
  const team = db.insert(teams).values({ slug: "docs", name: "Docs" }).returning().get();
  const cycle = db
    .insert(releaseCycles)
    .values({ slug: "10.0", name: "10.0", status: "active", startsOn: "2024-03-01", targetReleaseOn: "2024-09-30" })
    .returning()
    .get();
  return { team, cycle };
}

describe("the database", () => {
  it("takes the write lock when a change begins, so another process's commit cannot fail it halfway", () => {
    const other = openDatabase(file);
    other.$client.pragma("busy_timeout = 0");
    try {
      const { team } = addTeamAndCycle();
      db.transaction((tx) => {
        tx.select().from(teams).all();
        // Another process writing now must wait for this change, not slip in before its first write.
        expect(() => other.update(teams).set({ name: "Docs (other process)" }).where(eq(teams.id, team.id)).run()).toThrow(/locked|busy/i);
        tx.update(teams).set({ name: "Documentation" }).where(eq(teams.id, team.id)).run();
      });
      expect(db.select({ name: teams.name }).from(teams).get()?.name).toBe("Documentation");
    } finally {
      other.$client.close();
    }
  });

  it("runs in WAL mode with foreign keys and full synchronous writes", () => {
    expect(db.$client.pragma("journal_mode", { simple: true })).toBe("wal");
    expect(db.$client.pragma("foreign_keys", { simple: true })).toBe(1);
    expect(db.$client.pragma("synchronous", { simple: true })).toBe(2);
    expect(db.$client.pragma("busy_timeout", { simple: true })).toBe(5000);
  });

  it("refuses a health value outside the enumeration", () => {
    const { team, cycle } = addTeamAndCycle();
    expect(() =>
      db.$client.prepare("insert into updates (team_id, cycle_id, headline, health) values (?, ?, 'x', 'fine')").run(team.id, cycle.id),
    ).toThrow(/CHECK constraint failed: updates_health/);
  });

  it("refuses an update for a team that does not exist", () => {
    const { cycle } = addTeamAndCycle();
    expect(() => db.insert(updates).values({ teamId: 999, cycleId: cycle.id, headline: "x", health: "on_track" }).run()).toThrow(
      /FOREIGN KEY constraint failed/,
    );
  });

  it("refuses a published update without a publication time", () => {
    const { team, cycle } = addTeamAndCycle();
    expect(() =>
      db.insert(updates).values({ teamId: team.id, cycleId: cycle.id, headline: "x", health: "on_track", state: "published" }).run(),
    ).toThrow(/CHECK constraint failed: updates_published_at/);
  });

  it("allows only one active cycle", () => {
    addTeamAndCycle();
    expect(() =>
      db
        .insert(releaseCycles)
        .values({ slug: "11.0", name: "11.0", status: "active", startsOn: "2024-10-01", targetReleaseOn: "2025-03-31" })
        .run(),
    ).toThrow(/UNIQUE constraint failed/);
  });

  it("refuses duplicate team slugs and malformed ones", () => {
    addTeamAndCycle();
    expect(() => db.insert(teams).values({ slug: "docs", name: "Docs again" }).run()).toThrow(/UNIQUE/);
    expect(() => db.insert(teams).values({ slug: "Bad Slug", name: "Bad" }).run()).toThrow(/CHECK constraint failed: teams_slug/);
  });

  it("keeps a team that still has updates", () => {
    const { team, cycle } = addTeamAndCycle();
    db.insert(updates).values({ teamId: team.id, cycleId: cycle.id, headline: "x", health: "on_track" }).run();
    expect(() => db.delete(teams).where(eq(teams.id, team.id)).run()).toThrow(/FOREIGN KEY/);
  });

  it("refuses to start on a database with broken references", () => {
    const { cycle } = addTeamAndCycle();
    db.$client.pragma("foreign_keys = OFF");
    db.$client.prepare("insert into updates (team_id, cycle_id, headline, health) values (42, ?, 'orphan', 'on_track')").run(cycle.id);
    db.$client.close();
    const reopened = openDatabase(file);
    try {
      expect(() => migrateDatabase(reopened)).toThrow(MigrationError);
      expect(() => migrateDatabase(reopened)).toThrow(/broken reference/);
    } finally {
      reopened.$client.close();
      db = openDatabase(file);
    }
  });
});

describe("metric kinds", () => {
  it("refuses a kind outside the enumeration, and decimals on anything but a decimal", () => {
    const insert = (kind: string, decimals: number | null) =>
      db.$client
        .prepare("insert into metric_definitions (key, label, unit, kind, decimals, aggregation) values (?, 'x', 'count', ?, ?, 'sum')")
        .run(`k_${kind}_${decimals}`, kind, decimals);
    expect(() => insert("ratio", null)).toThrow(/CHECK constraint failed: metric_definitions_kind/);
    expect(() => insert("count", 2)).toThrow(/CHECK constraint failed: metric_definitions_kind/);
    expect(() => insert("decimal", 7)).toThrow(/CHECK constraint failed: metric_definitions_kind/);
    insert("decimal", 2);
    expect(() => db.$client.prepare("update metric_definitions set kind = 'ratio'").run()).toThrow(/metric_definitions_kind/);
  });

  it("came without rebuilding metric_definitions: every metric value is kept, and percents became percentages", () => {
    // The database as it stood before kinds: the migrations up to the one that added them.
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cycleboard-before-kinds-"));
    try {
      fs.cpSync(path.join(process.cwd(), "db", "migrations"), dir, { recursive: true });
      const journalFile = path.join(dir, "meta", "_journal.json");
      const journal = JSON.parse(fs.readFileSync(journalFile, "utf8")) as { entries: { tag: string }[] };
      // Found by what it does, not its name: migrations are renumbered when branches merge.
      const addsKinds = journal.entries.findIndex((e) =>
        fs.readFileSync(path.join(dir, `${e.tag}.sql`), "utf8").includes("ALTER TABLE `metric_definitions` ADD `kind`"),
      );
      expect(addsKinds).toBeGreaterThan(0);
      journal.entries = journal.entries.slice(0, addsKinds);
      fs.writeFileSync(journalFile, JSON.stringify(journal));
      const before = openDatabase(path.join(dir, "before.db"));
      try {
        migrate(before, { migrationsFolder: dir });
        const sqlite = before.$client;
        sqlite.prepare("insert into teams (slug, name) values ('test', 'Test')").run();
        sqlite
          .prepare(
            "insert into release_cycles (slug, name, status, starts_on, target_release_on) values ('9.0', '9.0', 'released', '2024-01-01', '2024-02-29')",
          )
          .run();
        sqlite
          .prepare(
            "insert into metric_definitions (key, label, unit, aggregation, team_id) values ('pass_rate', 'Pass rate', 'percent', 'average', 1)",
          )
          .run();
        sqlite
          .prepare("insert into metric_definitions (key, label, unit, aggregation, team_id) values ('cases', 'Cases', 'count', 'sum', 1)")
          .run();
        const value = sqlite.prepare("insert into metric_values (metric_id, team_id, cycle_id, value, observed_at) values (?, 1, 1, ?, 0)");
        value.run(1, 97.4);
        value.run(2, 683);

        migrateDatabase(before);
        expect(sqlite.prepare("select metric_id, value, entered from metric_values order by id").all()).toEqual([
          { metric_id: 1, value: 97.4, entered: null },
          { metric_id: 2, value: 683, entered: null },
        ]);
        expect(sqlite.prepare("select key, kind, decimals from metric_definitions order by id").all()).toEqual([
          { key: "pass_rate", kind: "percentage", decimals: null },
          { key: "cases", kind: "count", decimals: null },
        ]);
      } finally {
        before.$client.close();
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
