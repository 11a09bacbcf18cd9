/**
 * Every write the app has (WRITES in ./testing.ts), tried by every kind of actor against a
 * real database: allowed → the change is there; refused → ForbiddenError (403 / sign-in at
 * the edges) and not one row anywhere differs. Add a row to WRITES with each new write action.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fingerprint } from "@/db/testing";
import { ForbiddenError } from "@/lib/errors";
import { ACTORS, actorOf, copyOfTemplate, createWriteTemplate, WRITES } from "./testing";

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
      if (write.allowed.includes(kind)) {
        await write.run(actor, db);
        expect(fingerprint(db)).not.toBe(before);
      } else {
        await expect(Promise.resolve().then(() => write.run(actor, db))).rejects.toBeInstanceOf(ForbiddenError);
        expect(fingerprint(db)).toBe(before);
      }
    } finally {
      dispose();
    }
  });
});
