/**
 * The one better-sqlite3 handle of the server process, and `openDatabase` for scripts
 * and tests. Owns the connection pragmas; edit here when durability settings change.
 */
import Database from "better-sqlite3";
import { drizzle, type BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import fs from "node:fs";
import path from "node:path";
import { migrateDatabase } from "./migrate";
import * as schema from "./schema";

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

export function databasePath(): string {
  // The database lives outside the build; keep the bundler from tracing this path.
  return path.resolve(/*turbopackIgnore: true*/ process.env.CYCLEBOARD_DB || "./data/cycleboard.db");
}

export function openDatabase(file: string = databasePath()): Db {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const sqlite = new Database(file);
  // First, so that even switching to WAL waits for another process rather than failing.
  sqlite.pragma("busy_timeout = 5000");
  sqlite.pragma("journal_mode = WAL");
  // FULL: a write acknowledged to a user survives a power cut, not just a crash.
  sqlite.pragma("synchronous = FULL");
  sqlite.pragma("foreign_keys = ON");
  return withImmediateTransactions(drizzle(sqlite, { schema }));
}

/**
 * Every transaction takes the write lock when it begins. A deferred one reads first and
 * asks for the lock at its first write; if another process (the server, a command-line
 * tool) committed in between, SQLite answers SQLITE_BUSY at once instead of waiting out
 * the busy timeout, and the change fails.
 */
function withImmediateTransactions(db: Db): Db {
  const transaction = db.transaction.bind(db);
  db.transaction = ((run, config) => transaction(run, { behavior: "immediate", ...config })) as Db["transaction"];
  return db;
}

/**
 * `next build` prerenders pages from an empty, migrated in-memory database: a build never
 * needs a site's database, and never bakes its content into a page (the server renders
 * pages itself and keeps them in lib/dal/cache/page-cache-handler.js).
 */
function openBuildDatabase(): Db {
  const db = drizzle(new Database(":memory:"), { schema });
  migrateDatabase(db);
  return db;
}

// On globalThis, so the page cache handler (loaded outside the bundle) reads the same connection.
const globalForDb = globalThis as unknown as { cycleboardDb?: Db };

/** The process-wide handle, opened on first use. */
export function getDb(): Db {
  globalForDb.cycleboardDb ??= process.env.NEXT_PHASE === "phase-production-build" ? openBuildDatabase() : openDatabase();
  return globalForDb.cycleboardDb;
}

/**
 * Tests only: makes `getDb()` answer with this (real, temporary) database, for code that
 * takes no handle of its own: cached public reads and server actions.
 */
export function setProcessDatabase(db: Db): void {
  globalForDb.cycleboardDb = db;
}

/** The handle inside `db.transaction((tx) => …)`, for helpers that run within a change. */
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];
