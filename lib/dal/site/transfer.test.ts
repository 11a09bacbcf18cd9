import { eq, is } from "drizzle-orm";
import { getTableConfig, SQLiteTable } from "drizzle-orm/sqlite-core";
import { afterEach, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import * as schema from "@/db/schema";
import { createTestDatabase } from "@/db/testing";
import { ForbiddenError, InputError } from "@/lib/errors";
import { type Actor } from "@/lib/permissions";
import { searchCommunity } from "../views/search";
import {
  describeDocumentErrors,
  exportSite,
  importSite,
  LEFT_BEHIND,
  readSite,
  siteDocumentSchema,
  TRANSFERRED,
  type SiteDocument,
} from "./transfer";

const cli: Actor = { kind: "system", label: "test import" };
const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});
function database(demo: boolean): Db {
  const { db, cleanup } = createTestDatabase({ demo });
  cleanups.push(cleanup);
  return db;
}
/** A JSON round trip, as the document travels between machines. */
const asFile = (doc: SiteDocument): unknown => JSON.parse(JSON.stringify(doc));

// Imports hash a password per person (scrypt): slow on a busy machine.
describe("site export and import", { timeout: 30_000 }, () => {
  it("decides for every table of the schema whether it travels", () => {
    const decided = new Set([...TRANSFERRED, ...LEFT_BEHIND].map((t) => getTableConfig(t).name));
    const tables = (Object.values(schema) as unknown[])
      .filter((value): value is SQLiteTable => is(value, SQLiteTable))
      .map((t) => getTableConfig(t).name);
    expect(tables.filter((name) => !decided.has(name))).toEqual([]);
  });

  it("gives back the same rows after export, import into an empty database and export again", async () => {
    const source = database(true);
    const first = readSite(source);
    expect(first.tables.updates?.length).toBeGreaterThan(10);

    const target = database(false);
    const result = await importSite({ actor: cli, document: asFile(first) }, target);
    expect(result.rows.updates).toBe(first.tables.updates?.length);
    const second = readSite(target);

    // The only difference: the import's own audit entry, after the imported ones.
    const { audit_entries: auditAfter = [], ...restAfter } = second.tables;
    const { audit_entries: auditBefore = [], ...restBefore } = first.tables;
    expect(restAfter).toEqual(restBefore);
    expect(auditAfter.slice(0, auditBefore.length)).toEqual(auditBefore);
    expect(auditAfter.slice(auditBefore.length).map((a) => [a.action, a.actor_label])).toEqual([["site.import", "test import"]]);
  });

  it("keeps password hashes, sessions and API tokens behind, and gives each active person a new password", async () => {
    const source = database(true);
    const someone = source.select().from(schema.people).get()!;
    const hash = "scrypt:secret-hash-of-a-password";
    source
      .insert(schema.accounts)
      .values({ id: "acc", personId: someone.id, accountId: someone.id, providerId: "credential", password: hash })
      .run();
    source
      .insert(schema.sessions)
      .values({ id: "s", token: "session-token-secret", personId: someone.id, expiresAt: new Date(Date.now() + 86_400_000) })
      .run();
    const doc = readSite(source);
    const text = JSON.stringify(doc);
    expect(Object.keys(doc.tables)).not.toContain("accounts");
    expect(Object.keys(doc.tables)).not.toContain("sessions");
    expect(Object.keys(doc.tables)).not.toContain("api_tokens");
    expect(text).not.toContain(hash);
    expect(text).not.toContain("session-token-secret");

    const target = database(false);
    const { passwords } = await importSite({ actor: cli, document: asFile(doc) }, target);
    expect(passwords.map((p) => p.email).sort()).toEqual(
      doc.tables
        .people!.filter((p) => p.active === 1)
        .map((p) => p.email)
        .sort(),
    );
    expect(target.select().from(schema.accounts).all()).toHaveLength(passwords.length);
    expect(target.select().from(schema.sessions).all()).toEqual([]);
  });

  it("fills the search index through the database's triggers", async () => {
    const source = database(true);
    const target = database(false);
    await importSite({ actor: cli, document: asFile(readSite(source)) }, target);
    for (const q of ["arm", "kubernetes", "review process"]) expect(searchCommunity({ q }, target)).toEqual(searchCommunity({ q }, source));
    const count = (db: Db) => db.$client.prepare("select count(*) as n from search_index").get();
    expect(count(target)).toEqual(count(source));
  });

  it("refuses a database that already holds a site, and changes nothing", async () => {
    const target = database(true);
    const before = readSite(target).tables;
    await expect(importSite({ actor: cli, document: asFile(readSite(database(true))) }, target)).rejects.toThrow(/already holds data/);
    expect(readSite(target).tables).toEqual(before);
  });

  it("keeps a fresh site's first admin, matched by email, with their own password", async () => {
    const source = database(true);
    const doc = readSite(source);
    const target = database(false);
    const adminEmail = doc.tables.people![0]!.email as string;
    target.insert(schema.people).values({ id: "first-admin", name: "First admin", email: adminEmail.toUpperCase(), role: "admin" }).run();
    target
      .insert(schema.accounts)
      .values({ id: "acc", personId: "first-admin", accountId: "first-admin", providerId: "credential", password: "kept" })
      .run();
    const { passwords } = await importSite({ actor: cli, document: asFile(doc) }, target);
    expect(passwords.map((p) => p.email)).not.toContain(adminEmail);
    expect(target.select().from(schema.people).all()).toHaveLength(doc.tables.people!.length);
    expect(
      target.select({ password: schema.accounts.password }).from(schema.accounts).where(eq(schema.accounts.personId, "first-admin")).get()
        ?.password,
    ).toBe("kept");
  });

  it("names the bad field of a malformed document and writes nothing", async () => {
    const doc = asFile(readSite(database(true))) as SiteDocument;
    (doc.tables.updates![2] as Record<string, unknown>).headline = 42;
    (doc.tables.teams![0] as Record<string, unknown>).colour = "red";
    const target = database(false);
    const parsed = siteDocumentSchema.safeParse(doc);
    expect(parsed.success).toBe(false);
    const messages = describeDocumentErrors(parsed.error!);
    expect(messages).toContainEqual(expect.stringMatching(/^tables\.updates\[2\]\.headline: /));
    expect(messages).toContainEqual(expect.stringMatching(/^tables\.teams\[0\]: .*colour/));
    await expect(importSite({ actor: cli, document: doc }, target)).rejects.toThrow();
    expect(target.select().from(schema.people).all()).toEqual([]);
  });

  it("refuses dates outside the window every form applies (years 0000 and 9999), naming them", () => {
    const doc = asFile(readSite(database(true))) as SiteDocument;
    (doc.tables.release_cycles![0] as Record<string, unknown>).starts_on = "0000-01-01";
    (doc.tables.milestones![0] as Record<string, unknown>).due_on = "9999-12-31";
    (doc.tables.metric_values![0] as Record<string, unknown>).observed_at = Date.parse("9999-01-01T00:00:00Z");
    const parsed = siteDocumentSchema.safeParse(doc);
    expect(parsed.success).toBe(false);
    const messages = describeDocumentErrors(parsed.error!);
    expect(messages).toContainEqual(expect.stringMatching(/^tables\.release_cycles\[0\]\.starts_on: Use a date between 1990-01-01 and /));
    expect(messages).toContainEqual(expect.stringMatching(/^tables\.milestones\[0\]\.due_on: Use a date between/));
    expect(messages).toContainEqual(expect.stringMatching(/^tables\.metric_values\[0\]\.observed_at: Use a time between/));
  });

  it("names the row a table's own rules refuse (a duplicate email) and writes nothing", async () => {
    const doc = asFile(readSite(database(true))) as SiteDocument;
    const people = doc.tables.people!;
    people[1] = { ...people[1]!, email: String(people[0]!.email).toUpperCase() };
    const target = database(false);
    await expect(importSite({ actor: cli, document: doc }, target)).rejects.toThrow(/^tables\.people\[1\]: UNIQUE constraint failed/);
    expect(target.select().from(schema.teams).all()).toEqual([]);
  });

  it("refuses a document of another format version", () => {
    const doc = { ...(asFile(readSite(database(false))) as SiteDocument), version: 2 };
    const parsed = siteDocumentSchema.safeParse(doc);
    expect(parsed.success && "parsed").toBe(false);
    expect(describeDocumentErrors(parsed.error!)[0]).toMatch(/^version: this Cycleboard reads format version 1/);
  });

  it("refuses a document whose rows refer to rows it does not hold, and writes nothing", async () => {
    const doc = asFile(readSite(database(true))) as SiteDocument;
    doc.tables.teams = [];
    const target = database(false);
    await expect(importSite({ actor: cli, document: doc }, target)).rejects.toThrow(InputError);
    expect(target.select().from(schema.releaseCycles).all()).toEqual([]);
  });

  it("lets only admins export or import", async () => {
    const db = database(true);
    const person = (role: "member" | "release_manager"): Actor => ({ kind: "person", id: "x", name: "X", role, leadOf: [1] });
    for (const actor of [{ kind: "anonymous" } as const, person("member"), person("release_manager")]) {
      expect(() => exportSite({ actor }, db)).toThrow(ForbiddenError);
      await expect(importSite({ actor, document: {} }, database(false))).rejects.toThrow(ForbiddenError);
    }
    expect(
      exportSite({ actor: { kind: "person", id: "admin", name: "A", role: "admin", leadOf: [] } }, db).tables.people?.length,
    ).toBeGreaterThan(1);
  });
});
