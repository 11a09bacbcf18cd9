/**
 * Backups of a live database and their restore. A backup is SQLite's online backup of one
 * consistent moment, taken while the server keeps writing (WAL: the backup reads a
 * snapshot, writers go on). A restore checks the file, then swaps it in while no process
 * has the database open. Edit here when the database's files or checks change.
 */
import Database from "better-sqlite3";
import { readMigrationFiles } from "drizzle-orm/migrator";
import fs from "node:fs";
import path from "node:path";

export class BackupError extends Error {}

const migrationsFolder = path.join(process.cwd(), "db", "migrations");

/**
 * Copies the database at `source` into `target` (which must not exist yet). The whole copy
 * is one backup step, hence one read snapshot: a step-by-step backup restarts whenever
 * another connection writes, and under steady writes might never finish.
 */
export async function backupDatabase(source: string, target: string): Promise<{ pages: number }> {
  if (!fs.existsSync(source)) throw new BackupError(`There is no database at ${source}.`);
  if (fs.existsSync(target)) throw new BackupError(`${target} already exists; name a new file for the backup.`);
  const partial = `${target}.partial`;
  fs.rmSync(partial, { force: true });
  const db = new Database(source, { fileMustExist: true });
  try {
    db.pragma("busy_timeout = 5000");
    const { totalPages } = await db.backup(partial, { progress: () => 0x7fffffff });
    asSingleFile(partial);
    checkDatabaseFile(partial);
    fs.renameSync(partial, target);
    return { pages: totalPages };
  } finally {
    db.close();
    fs.rmSync(partial, { force: true });
  }
}

/** The copy keeps the source's WAL mode; a backup is better one self-contained file. */
function asSingleFile(file: string): void {
  const db = new Database(file, { fileMustExist: true });
  try {
    db.pragma("journal_mode = DELETE");
  } finally {
    db.close();
  }
}

/**
 * What makes a file a restorable Cycleboard database: SQLite says it is intact, and its
 * applied migrations are ones this version knows (an older backup is migrated at the next
 * start). Returns how many of this version's migrations it has.
 */
export function checkDatabaseFile(file: string): { migrations: number; known: number } {
  let db: Database.Database;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
  } catch (error) {
    throw new BackupError(`${file} cannot be opened as a SQLite database: ${error instanceof Error ? error.message : error}`);
  }
  try {
    let result: string[];
    try {
      result = (db.pragma("integrity_check") as { integrity_check: string }[]).map((r) => r.integrity_check);
    } catch (error) {
      throw new BackupError(`${file} is not a SQLite database: ${error instanceof Error ? error.message : error}`);
    }
    if (result.join() !== "ok") throw new BackupError(`${file} fails SQLite's integrity check: ${result.slice(0, 5).join("; ")}`);
    const hasMigrations = db.prepare("select 1 from sqlite_master where type = 'table' and name = '__drizzle_migrations'").get();
    if (!hasMigrations) throw new BackupError(`${file} is a SQLite database but not a Cycleboard one (it has no migrations table).`);
    const applied = (db.prepare("select hash from __drizzle_migrations order by created_at").all() as { hash: string }[]).map(
      (r) => r.hash,
    );
    const known = readMigrationFiles({ migrationsFolder }).map((m) => m.hash);
    const unknown = applied.filter((hash) => !known.includes(hash));
    if (unknown.length > 0)
      throw new BackupError(
        `${file} has ${unknown.length} migration(s) this version of Cycleboard does not know: it comes from a newer version.`,
      );
    if (applied.length === 0) throw new BackupError(`${file} has no Cycleboard migrations applied.`);
    return { migrations: applied.length, known: known.length };
  } finally {
    db.close();
  }
}

/**
 * Fails unless no other process has the database open: in WAL mode every open connection
 * holds a shared lock, so an exclusive one is refused while a server is running.
 */
function assertNotInUse(file: string): void {
  if (!fs.existsSync(file)) return;
  const db = new Database(file, { timeout: 0 });
  try {
    db.pragma("locking_mode = EXCLUSIVE");
    db.exec("BEGIN EXCLUSIVE");
    // Fold the write-ahead log into the file, so nothing of the old database is left beside it.
    db.exec("COMMIT");
    db.pragma("wal_checkpoint(TRUNCATE)");
  } catch {
    throw new BackupError(`${file} is in use (is Cycleboard running?). Stop the server, then restore again.`);
  } finally {
    db.close();
  }
}

/**
 * Replaces the database at `target` with the backup at `source`, keeping the replaced one
 * beside it. The copy is made and checked first, then renamed into place, so a failure
 * leaves the current database untouched.
 */
export async function restoreDatabase(source: string, target: string): Promise<{ kept: string | null; migrations: number; known: number }> {
  const checked = checkDatabaseFile(source);
  assertNotInUse(target);
  const incoming = `${target}.restoring`;
  fs.rmSync(incoming, { force: true });
  fs.mkdirSync(path.dirname(target), { recursive: true });
  const backup = new Database(source, { readonly: true, fileMustExist: true });
  try {
    await backup.backup(incoming, { progress: () => 0x7fffffff });
  } finally {
    backup.close();
  }
  try {
    asSingleFile(incoming);
    checkDatabaseFile(incoming);
    assertNotInUse(target);
    let kept: string | null = null;
    if (fs.existsSync(target)) {
      kept = `${target}.replaced-${new Date().toISOString().replace(/[:.]/g, "-")}`;
      fs.renameSync(target, kept);
    }
    for (const leftover of ["-wal", "-shm"]) fs.rmSync(`${target}${leftover}`, { force: true });
    fs.renameSync(incoming, target);
    return { kept, ...checked };
  } finally {
    fs.rmSync(incoming, { force: true });
  }
}
