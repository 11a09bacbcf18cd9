/**
 * Applies the committed drizzle-kit migrations and verifies referential integrity.
 * Called by every entry point before the app serves or a script writes.
 */
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import path from "node:path";
import type { Db } from "./client";

export class MigrationError extends Error {}

const migrationsFolder = path.join(process.cwd(), "db", "migrations");

export function migrateDatabase(db: Db): void {
  try {
    migrate(db, { migrationsFolder });
  } catch (error) {
    throw new MigrationError(
      `Could not migrate the database: ${error instanceof Error ? error.message : String(error)}. ` +
        "Nothing was changed by the failed migration; restore a backup or fix the migration, then start again.",
      { cause: error },
    );
  }
  const violations = db.$client.pragma("foreign_key_check") as { table: string; rowid: number; parent: string }[];
  if (violations.length > 0) {
    const sample = violations
      .slice(0, 5)
      .map((v) => `${v.table} row ${v.rowid} → ${v.parent}`)
      .join("; ");
    throw new MigrationError(`The database has ${violations.length} broken reference(s) after migrating (${sample}). Refusing to start.`);
  }
}
