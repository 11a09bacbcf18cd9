/**
 * Every read that can show a draft or a private note (DRAFT_READS in ./tables.ts), tried by
 * every kind of actor, API tokens included, against a real database: the actors a row names
 * see it; everyone else gets nothing, a null or a ForbiddenError. Add a row to DRAFT_READS
 * with each new read of drafts or private notes.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { ForbiddenError } from "@/lib/errors";
import { ACTORS, actorOf, copyOfTemplate, createWriteTemplate, DRAFT_READS, TOKEN_ACTORS } from "./tables";

let cleanupTemplate: () => void;
let db: Db;
let dispose: () => void;

beforeAll(async () => {
  const template = await createWriteTemplate();
  cleanupTemplate = template.cleanup;
  ({ db, dispose } = copyOfTemplate(template.file));
});
afterAll(() => {
  dispose();
  cleanupTemplate();
});

function sees(run: () => boolean): boolean {
  try {
    return run();
  } catch (error) {
    if (error instanceof ForbiddenError) return false;
    throw error;
  }
}

describe.each(DRAFT_READS)("$name", (read) => {
  it.each([...ACTORS, ...TOKEN_ACTORS])("as %s", (kind) => {
    expect(sees(() => read.run(actorOf(kind, db), db))).toBe(read.sees.includes(kind));
  });
});
