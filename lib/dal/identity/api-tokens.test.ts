import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { apiTokens, auditEntries, metricValues, people, teams } from "@/db/schema";
import { createTestDatabase, fingerprint } from "@/db/testing";
import { ForbiddenError } from "@/lib/errors";
import { can, type Actor } from "@/lib/permissions";
import { actorForPerson } from "./person-actor";
import { authenticateApiToken, createApiToken, hashToken, listApiTokens, revokeApiToken, TOKEN_PREFIX } from "./api-tokens";
import { recordMetricValue } from "../metrics/writes";
import { createPerson } from "../people/admin";

let db: Db;
let cleanup: () => void;
let testLead: Actor;
let admin: Actor;
let testTeamId: number;

const personByEmail = (email: string) =>
  actorForPerson(db, db.select({ id: people.id }).from(people).where(eq(people.email, email)).get()!.id);
const sanityRun = (actor: Actor, value = 42) =>
  recordMetricValue({ actor, input: { team: "test", cycle: "10.0", metric: "manual_test_cases", value, note: "weekly sanity" } }, db);

beforeEach(async () => {
  ({ db, cleanup } = createTestDatabase({ demo: true }));
  await createPerson(
    {
      actor: { kind: "system", label: "test" },
      input: { name: "Ada Admin", email: "ada@example.org", role: "admin", leads: [] },
      password: "a-long-password-1",
    },
    db,
  );
  testLead = personByEmail("tomas.lead@example.org");
  admin = personByEmail("ada@example.org");
  testTeamId = db.select({ id: teams.id }).from(teams).where(eq(teams.slug, "test")).get()!.id;
});
afterEach(() => cleanup());

describe("API tokens", () => {
  it("keeps only a SHA-256 hash and a recognisable prefix of the secret", () => {
    const { id, secret } = createApiToken(
      { actor: testLead, input: { name: "sanity CI", scopes: ["metric.record"], teams: ["test"], expiresInDays: 30 } },
      db,
    );
    expect(secret.startsWith(TOKEN_PREFIX)).toBe(true);
    expect(secret.length).toBeGreaterThan(40);
    const row = db.select().from(apiTokens).where(eq(apiTokens.id, id)).get()!;
    expect(row.tokenHash).toBe(hashToken(secret));
    expect(JSON.stringify(row)).not.toContain(secret);
    expect(secret.startsWith(row.prefix)).toBe(true);
    const audit = db.select().from(auditEntries).where(eq(auditEntries.action, "token.create")).get()!;
    expect(JSON.stringify(audit)).not.toContain(secret);
  });

  it("authenticates as its owner narrowed to its scopes and teams, and notes the last use", () => {
    const { secret, id } = createApiToken(
      { actor: testLead, input: { name: "sanity CI", scopes: ["metric.record"], teams: ["test"], expiresInDays: null } },
      db,
    );
    expect(listApiTokens({ actor: testLead }, db)[0]!.lastUsedAt).toBeNull();
    const actor = authenticateApiToken(secret, db)!;
    expect(actor).toMatchObject({ kind: "person", token: { id, name: "sanity CI", scopes: ["metric.record"], teamIds: [testTeamId] } });
    expect(can(actor, "metric.record", { teamId: testTeamId })).toBe(true);
    expect(can(actor, "update.write", { teamId: testTeamId })).toBe(false);
    expect(listApiTokens({ actor: testLead }, db)[0]!.lastUsedAt).toBeTypeOf("number");
  });

  it("refuses unknown, expired and revoked tokens, and those of deactivated people", () => {
    const now = Date.now();
    const expiring = createApiToken(
      { actor: testLead, input: { name: "short", scopes: ["metric.record"], teams: [], expiresInDays: 7 }, now },
      db,
    );
    expect(authenticateApiToken(expiring.secret, db, now + 6 * 86_400_000)).not.toBeNull();
    expect(authenticateApiToken(expiring.secret, db, now + 7 * 86_400_000)).toBeNull();
    expect(authenticateApiToken(`${TOKEN_PREFIX}not-a-real-token`, db)).toBeNull();
    expect(authenticateApiToken("", db)).toBeNull();

    const revoked = createApiToken(
      { actor: testLead, input: { name: "revoked", scopes: ["metric.record"], teams: [], expiresInDays: null } },
      db,
    );
    revokeApiToken({ actor: testLead, id: revoked.id }, db);
    expect(authenticateApiToken(revoked.secret, db)).toBeNull();

    const owned = createApiToken(
      { actor: testLead, input: { name: "owner leaves", scopes: ["metric.record"], teams: [], expiresInDays: null } },
      db,
    );
    db.update(people).set({ active: false }).where(eq(people.email, "tomas.lead@example.org")).run();
    expect(authenticateApiToken(owned.secret, db)).toBeNull();
  });

  it("writes through a token only within its scopes, and audits the change as coming from the token", () => {
    const scoped = authenticateApiToken(
      createApiToken({ actor: admin, input: { name: "docs bot", scopes: ["metric.record"], teams: ["docs"], expiresInDays: null } }, db)
        .secret,
      db,
    )!;
    const before = fingerprint(db);
    expect(() => sanityRun(scoped)).toThrow(ForbiddenError);
    expect(fingerprint(db)).toBe(before);

    const ci = authenticateApiToken(
      createApiToken({ actor: testLead, input: { name: "sanity CI", scopes: ["metric.record"], teams: ["test"], expiresInDays: null } }, db)
        .secret,
      db,
    )!;
    const { id } = sanityRun(ci);
    const value = db.select().from(metricValues).where(eq(metricValues.id, id)).get()!;
    expect(value.sourceTokenId).not.toBeNull();
    const audit = db.select().from(auditEntries).where(eq(auditEntries.action, "metric.record")).get()!;
    expect(audit).toMatchObject({ via: "token", actorLabel: "Tomas Redfern from token sanity CI", tokenId: value.sourceTokenId });
  });

  it("lists a person's own tokens, and everyone's only for admins; others cannot revoke them", () => {
    createApiToken({ actor: testLead, input: { name: "mine", scopes: ["metric.record"], teams: [], expiresInDays: null } }, db);
    const adminsToken = createApiToken(
      { actor: admin, input: { name: "admin's", scopes: ["update.write"], teams: ["docs", "test"], expiresInDays: 90 } },
      db,
    );
    expect(listApiTokens({ actor: testLead }, db).map((t) => t.name)).toEqual(["mine"]);
    expect(
      listApiTokens({ actor: admin, everyone: true }, db)
        .map((t) => t.name)
        .sort(),
    ).toEqual(["admin's", "mine"]);
    expect(
      listApiTokens({ actor: admin }, db)[0]!
        .teams.map((t) => t.slug)
        .sort(),
    ).toEqual(["docs", "test"]);
    expect(() => listApiTokens({ actor: testLead, everyone: true }, db)).toThrow(ForbiddenError);
    expect(() => revokeApiToken({ actor: testLead, id: adminsToken.id }, db)).toThrow(ForbiddenError);
    const mine = listApiTokens({ actor: testLead }, db)[0]!;
    revokeApiToken({ actor: admin, id: mine.id }, db);
    expect(listApiTokens({ actor: testLead }, db)[0]!.revokedAt).toBeTypeOf("number");
  });

  it("cannot be created or revoked through a token, nor name an unknown team", () => {
    const ci = authenticateApiToken(
      createApiToken({ actor: admin, input: { name: "ci", scopes: ["metric.record"], teams: [], expiresInDays: null } }, db).secret,
      db,
    )!;
    expect(() =>
      createApiToken({ actor: ci, input: { name: "more", scopes: ["update.write"], teams: [], expiresInDays: null } }, db),
    ).toThrow(ForbiddenError);
    expect(() =>
      createApiToken({ actor: admin, input: { name: "typo", scopes: ["update.write"], teams: ["tset"], expiresInDays: null } }, db),
    ).toThrow(/No team is called tset/);
  });
});
