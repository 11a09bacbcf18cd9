import Database from "better-sqlite3";
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { backupDatabase, checkDatabaseFile, restoreDatabase } from "./backup";
import { openDatabase } from "./client";
import { migrateDatabase } from "./migrate";
import { createTestDatabase } from "./testing";

const tsx = path.join(process.cwd(), "node_modules", ".bin", "tsx");
const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

function demoFile(): string {
  const { db, file, cleanup } = createTestDatabase({ demo: true });
  db.$client.close();
  cleanups.push(cleanup);
  return file;
}

/** The writer runs in a process group of its own: tsx starts a second node, and killing the group stops both. */
function startWriter(file: string): ChildProcess & { stop: () => void } {
  const writer = spawn(tsx, ["--conditions=react-server", "db/testing-write-load.ts"], {
    env: { ...process.env, CYCLEBOARD_DB: file },
    stdio: ["ignore", "ignore", "pipe"],
    detached: true,
  });
  const stop = () => {
    try {
      process.kill(-writer.pid!, "SIGKILL");
    } catch {
      // already gone
    }
  };
  cleanups.push(stop);
  return Object.assign(writer, { stop });
}

const loadItems = (db: Database.Database) =>
  db
    .prepare(
      "select r.id, r.title, r.description, count(l.id) as links from roadmap_items r left join roadmap_item_links l on l.item_id = r.id where r.title like 'load %' group by r.id order by r.id",
    )
    .all() as { id: number; title: string; description: string; links: number }[];
const loadAudits = (db: Database.Database) =>
  (db.prepare("select count(*) as n from audit_entries where actor_label = 'write load'").get() as { n: number }).n;

describe("backup and restore", () => {
  it(
    "copies a database while another process writes to it: intact, and holding a consistent prefix of the writes",
    { timeout: 120_000 },
    async () => {
      const file = demoFile();
      const live = new Database(file, { readonly: true });
      cleanups.push(() => live.close());
      const writer = startWriter(file);
      let exited = false;
      writer.on("exit", () => (exited = true));
      while (loadItems(live).length < 40) {
        expect(exited).toBe(false);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }

      const copy = path.join(path.dirname(file), "backup.db");
      const writtenBeforeBackup = loadItems(live).length;
      await backupDatabase(file, copy);
      const writtenAtBackup = loadItems(live).length;
      expect(exited).toBe(false);
      writer.stop();

      expect(checkDatabaseFile(copy).migrations).toBeGreaterThan(0);
      const backup = new Database(copy, { readonly: true });
      cleanups.push(() => backup.close());
      const items = loadItems(backup);
      // Every write is item + link + audit entry in one transaction: the copy holds whole writes, in order, none torn.
      expect(items.length).toBeGreaterThanOrEqual(writtenBeforeBackup);
      expect(items.length).toBeLessThanOrEqual(writtenAtBackup);
      expect(items.map((i) => i.title)).toEqual(items.map((_, n) => `load ${n}`));
      expect(items.every((i, n) => i.description === `written ${n}th` && i.links === 1)).toBe(true);
      expect(loadAudits(backup)).toBe(items.length);
      expect(backup.pragma("foreign_key_check")).toEqual([]);

      const restored = path.join(path.dirname(file), "restored", "cycleboard.db");
      const { kept } = await restoreDatabase(copy, restored);
      expect(kept).toBeNull();
      const db = openDatabase(restored);
      cleanups.push(() => db.$client.close());
      migrateDatabase(db);
      expect(db.$client.pragma("integrity_check", { simple: true })).toBe("ok");
      expect(loadItems(db.$client)).toEqual(items);
      expect(loadAudits(db.$client)).toBe(items.length);
    },
  );

  it("refuses to restore over a database in use, and keeps the replaced one when it is not", async () => {
    const file = demoFile();
    const copy = path.join(path.dirname(file), "backup.db");
    await backupDatabase(file, copy);
    await expect(backupDatabase(file, copy)).rejects.toThrow(/already exists/);

    const server = openDatabase(file);
    server.$client.prepare("select count(*) from teams").get();
    await expect(restoreDatabase(copy, file)).rejects.toThrow(/in use \(is Cycleboard running\?\)/);
    server.$client.close();

    const { kept } = await restoreDatabase(copy, file);
    expect(kept && fs.existsSync(kept)).toBe(true);
    expect(checkDatabaseFile(file).migrations).toBeGreaterThan(0);
  });

  it("refuses a file that is not a Cycleboard database, or is damaged", async () => {
    const dir = path.dirname(demoFile());
    const target = path.join(dir, "target.db");
    const text = path.join(dir, "notes.txt");
    fs.writeFileSync(text, "not a database".repeat(100));
    await expect(restoreDatabase(text, target)).rejects.toThrow(/not a SQLite database/);

    const other = path.join(dir, "other.db");
    new Database(other).exec("create table things (id integer)").close();
    await expect(restoreDatabase(other, target)).rejects.toThrow(/not a Cycleboard one/);

    const damaged = path.join(dir, "damaged.db");
    await backupDatabase(path.join(dir, "test.db"), damaged);
    const bytes = fs.readFileSync(damaged);
    bytes.fill(0x55, 4096 * 3, 4096 * 3 + 2000);
    fs.writeFileSync(damaged, bytes);
    await expect(restoreDatabase(damaged, target)).rejects.toThrow(/integrity check|not a SQLite database|malformed/);
    expect(fs.existsSync(target)).toBe(false);
  });
});
