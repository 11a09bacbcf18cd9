/** A real, throw-away SQLite file for tests: migrated, optionally holding the demo community. */
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
