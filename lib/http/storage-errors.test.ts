import Database from "better-sqlite3";
import { DrizzleQueryError } from "drizzle-orm/errors";
import { describe, expect, it } from "vitest";
import { toActionFailure } from "./action-result";
import { isStorageUnavailable, STORAGE_UNAVAILABLE_MESSAGE } from "../errors";
import { errorResponse } from "./error-response";

const sqliteError = (code: string) => new Database.SqliteError(`sqlite says ${code}`, code);

describe("storage failures", () => {
  it("answer the API with 503 in its one error format, with Retry-After", async () => {
    const response = errorResponse(sqliteError("SQLITE_READONLY"));
    expect(response.status).toBe(503);
    expect(Number(response.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(await response.json()).toEqual({ error: { code: "unavailable", message: expect.stringContaining("nothing was changed") } });
  });

  it("are recognised by SQLite's primary and extended codes, also inside Drizzle's query error", () => {
    for (const code of [
      "SQLITE_READONLY",
      "SQLITE_READONLY_DBMOVED",
      "SQLITE_FULL",
      "SQLITE_IOERR_WRITE",
      "SQLITE_BUSY",
      "SQLITE_BUSY_SNAPSHOT",
      "SQLITE_CANTOPEN",
    ]) {
      expect(isStorageUnavailable(sqliteError(code)), code).toBe(true);
    }
    expect(isStorageUnavailable(new DrizzleQueryError("insert into updates …", [], sqliteError("SQLITE_FULL")))).toBe(true);
    expect(isStorageUnavailable(sqliteError("SQLITE_CONSTRAINT_UNIQUE"))).toBe(false);
    expect(isStorageUnavailable(new Error("SQLITE_FULL"))).toBe(false);
    expect(() => errorResponse(sqliteError("SQLITE_CONSTRAINT_CHECK"))).toThrow();
  });

  it("answer a server action with a message saying nothing was changed, instead of throwing", () => {
    expect(toActionFailure(sqliteError("SQLITE_IOERR"), { name: "kept" })).toEqual({
      ok: false,
      message: STORAGE_UNAVAILABLE_MESSAGE,
      fieldErrors: {},
      values: { name: "kept" },
      retryable: true,
    });
  });
});
