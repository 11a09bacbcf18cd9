/**
 * Every write the app has (WRITES in ./tables.ts), tried by every kind of actor against a
 * real database: allowed → the table the row names changed (an audit entry alone is not
 * enough; a row's `after` says which rows); refused → ForbiddenError (403 / sign-in at the edges) and not one row anywhere
 * differs. Add a row to WRITES with each new write action.
 */
import { getTableName } from "drizzle-orm";
import type { SQLiteTable } from "drizzle-orm/sqlite-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { fingerprint } from "@/db/testing";
import { ForbiddenError } from "@/lib/errors";
import { ACTORS, actorOf, copyOfTemplate, createWriteTemplate, WRITES } from "./tables";

const rowsOf = (db: Db, table: SQLiteTable) => db.select().from(table).all();

let template: string;
let cleanupTemplate: () => void;

beforeAll(async () => {
  ({ file: template, cleanup: cleanupTemplate } = await createWriteTemplate());
});
afterAll(() => cleanupTemplate());

describe.each(WRITES)("$name", (write) => {
  it.each(ACTORS)("as %s", async (kind) => {
    const { db, dispose } = copyOfTemplate(template);
    try {
      const actor = actorOf(kind, db);
      const before = fingerprint(db);
      const rowsBefore = rowsOf(db, write.changes);
      if (write.allowed.includes(kind)) {
        await write.run(actor, db);
        expect(rowsOf(db, write.changes), `${getTableName(write.changes)} did not change`).not.toEqual(rowsBefore);
        write.after?.(db);
      } else {
        await expect(Promise.resolve().then(() => write.run(actor, db))).rejects.toBeInstanceOf(ForbiddenError);
        expect(fingerprint(db)).toBe(before);
      }
    } finally {
      dispose();
    }
  });
});
