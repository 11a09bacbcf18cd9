/** A real, throw-away SQLite file for tests: migrated, optionally holding the demo community. */
import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { openDatabase, type Db } from "./client";
import { migrateDatabase } from "./migrate";
import { demoCommunity } from "./seed/demo-data";
import { loadDemoCommunity } from "./seed/load-demo";

export function createTestDatabase({ demo = false }: { demo?: boolean } = {}): { db: Db; file: string; cleanup: () => void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cycleboard-test-"));
  const file = path.join(dir, "test.db");
  const db = openDatabase(file);
  migrateDatabase(db);
  if (demo) loadDemoCommunity(db, demoCommunity);
  return {
    db,
    file,
    cleanup: () => {
      db.$client.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A fingerprint of every row of every table (the search index itself, not its FTS5 shadow tables): equal means nothing changed. */
export function fingerprint(db: Db): string {
  const tables = db.$client
    .prepare(
      "select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like 'search_index_%' order by name",
    )
    .all() as { name: string }[];
  const hash = createHash("sha256");
  for (const { name } of tables) hash.update(name + JSON.stringify(db.$client.prepare(`select * from "${name}" order by rowid`).all()));
  return hash.digest("hex");
}
