/**
 * The error vocabulary of the data layer. Route handlers map these to HTTP answers in
 * lib/http/error-response.ts (errorResponse), server actions to form results in lib/http/action-result.ts.
 */
import type { Action } from "./permissions";

export class NotFoundError extends Error {
  constructor(what: string) {
    super(`${what} not found`);
    this.name = "NotFoundError";
  }
}

/** The actor may not take this action (lib/permissions.ts assertCan): 403, or "not allowed" on a page. */
export class ForbiddenError extends Error {
  constructor(action: Action) {
    super(`Not allowed: ${action}`);
    this.name = "ForbiddenError";
  }
}

/** Someone else saved first: the caller gets what changed so nothing typed is lost. */
export class ConflictError extends Error {
  constructor(
    message: string,
    /** The version now saved, the fields known to differ from the caller's, and what is saved now. */
    readonly current: { version: number; changedFields: string[]; snapshot?: unknown },
  ) {
    super(message);
    this.name = "ConflictError";
  }
}

/** Input that is well-formed but cannot be accepted; names the form field at fault. */
export class InputError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
    this.name = "InputError";
  }
}

/** No usable credentials: no session or token where one is needed, or a token that is unknown, expired or revoked. */
export class UnauthorizedError extends Error {
  constructor(message = "Sign in or send a valid API token.") {
    super(message);
    this.name = "UnauthorizedError";
  }
}

/**
 * SQLite's answers when the database cannot be written or read just now (a full disk, a
 * read-only file, an I/O error, a lock held too long): nothing was changed, and trying
 * again later may work. better-sqlite3's SqliteError carries the extended code
 * ("SQLITE_IOERR_WRITE"), which Drizzle wraps as the `cause` of its query error.
 */
const STORAGE_UNAVAILABLE = [
  "SQLITE_READONLY",
  "SQLITE_FULL",
  "SQLITE_IOERR",
  "SQLITE_BUSY",
  "SQLITE_LOCKED",
  "SQLITE_CANTOPEN",
  "SQLITE_PROTOCOL",
  "SQLITE_NOLFS",
];

export function isStorageUnavailable(error: unknown): boolean {
  for (let current = error, depth = 0; current instanceof Error && depth < 5; current = current.cause, depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === "string" && STORAGE_UNAVAILABLE.some((primary) => code === primary || code.startsWith(`${primary}_`))) return true;
  }
  return false;
}

export const STORAGE_UNAVAILABLE_MESSAGE = "Could not save — the database is unavailable; nothing was changed. Try again in a moment.";
/** Seconds a client should wait before trying again after a storage failure. */
export const STORAGE_RETRY_AFTER_SECONDS = 30;
