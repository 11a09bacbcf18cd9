/**
 * Property-based tests over every write route of /api/v1: whatever body, id and
 * credentials a caller sends, the answer is never a 500, and any 4xx (malformed, refused,
 * unknown, conflicting) leaves every row of the database as it was.
 */
import fc from "fast-check";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb, type Db } from "@/db/client";
import { people } from "@/db/schema";
import { createTestDatabase, fingerprint } from "@/db/testing";
import * as metricValueRoute from "@/app/api/v1/metric-values/[id]/route";
import * as metricValuesRoute from "@/app/api/v1/metric-values/route";
import * as roadmapItemRoute from "@/app/api/v1/roadmap-items/[id]/route";
import * as roadmapItemsRoute from "@/app/api/v1/roadmap-items/route";
import * as updateRoute from "@/app/api/v1/updates/[id]/route";
import * as updatesRoute from "@/app/api/v1/updates/route";
import { HEALTH, ROADMAP_KIND, ROADMAP_STATUS } from "@/lib/domain";
import { TOKEN_SCOPES } from "@/lib/permissions";
import { actorForPerson } from "../identity/person-actor";
import { authenticateApiToken, createApiToken, revokeApiToken } from "../identity/api-tokens";
import { createPerson } from "../people/admin";

let db: Db;
let cleanup: () => void;
let credentials: (string | undefined)[];

beforeAll(async () => {
  const test = createTestDatabase({ demo: true });
  process.env.CYCLEBOARD_DB = test.file;
  db = getDb();
  cleanup = test.cleanup;
  const owner = (email: string) => actorForPerson(db, db.select({ id: people.id }).from(people).where(eq(people.email, email)).get()!.id);
  const make = (email: string, teams: string[], scopes = [...TOKEN_SCOPES]) =>
    createApiToken({ actor: owner(email), input: { name: email, scopes, teams, expiresInDays: null } }, db);
  const revoked = make("dana.lead@example.org", []);
  revokeApiToken({ actor: { kind: "system", label: "test" }, id: revoked.id }, db);
  await createPerson(
    {
      actor: { kind: "system", label: "test" },
      input: { name: "Ada Admin", email: "ada@example.org", role: "admin", leads: [] },
      password: "a-long-password-1",
    },
    db,
  );
  const admin = make("ada@example.org", []).secret;
  const docsLead = make("dana.lead@example.org", ["docs"]).secret;
  const releaseManager = make("morgan.rm@example.org", []).secret;
  credentials = [
    undefined,
    "cb_unknown",
    revoked.secret,
    docsLead,
    docsLead,
    docsLead,
    make("tomas.lead@example.org", ["test"], ["metric.record"]).secret,
    releaseManager,
    releaseManager,
    admin,
    admin,
  ];
  // Use each token once now: last use is kept to the minute, so the runs below write nothing but their changes.
  for (const secret of credentials) if (secret) authenticateApiToken(secret, db);
});
afterAll(() => {
  db.$client.close();
  cleanup();
});

const text = fc.string({ maxLength: 40 });
const words = fc.string({ minLength: 1, maxLength: 40 }).filter((t) => t.trim().length > 0);
const number = fc.oneof(
  { weight: 3, arbitrary: fc.oneof(fc.integer({ min: -3, max: 1000 }), fc.double({ min: 0, max: 100, noNaN: true })) },
  { weight: 1, arbitrary: fc.oneof(fc.double(), fc.constantFrom(1e308, -1e308, 2 ** 53 + 1, 1e13)) },
);
const version = fc.oneof({ weight: 4, arbitrary: fc.integer({ min: 1, max: 3 }) }, { weight: 1, arbitrary: number });
const team = fc.constantFrom("docs", "docs", "test", "release", "no-such-team", "");
const cycle = fc.constantFrom("10.0", "9.0", "11.0", "0.0");

type Fields = Record<string, { valid: fc.Arbitrary<unknown>; required?: boolean }>;

/**
 * JSON bodies: valid ones, valid ones with one field broken, missing or added, any JSON
 * value, and text that is not JSON at all.
 */
function body(fields: Fields): fc.Arbitrary<string> {
  const keys = Object.keys(fields);
  const valid = fc.record(Object.fromEntries(keys.map((k) => [k, fields[k]!.valid])), {
    requiredKeys: keys.filter((k) => fields[k]!.required),
  }) as fc.Arbitrary<Record<string, unknown>>;
  const broken = fc.tuple(valid, fc.constantFrom(...keys), fc.option(fc.jsonValue(), { freq: 3 })).map(([b, key, value]) => {
    const copy = { ...b };
    if (value === null) delete copy[key];
    else copy[key] = value;
    return copy;
  });
  const extra = fc
    .tuple(valid, fc.string({ minLength: 1, maxLength: 8 }), fc.jsonValue())
    .map(([b, key, value]) => ({ ...b, [key]: value }));
  return fc.oneof(
    { weight: 4, arbitrary: valid.map((b) => JSON.stringify(b)) },
    { weight: 3, arbitrary: broken.map((b) => JSON.stringify(b)) },
    { weight: 1, arbitrary: extra.map((b) => JSON.stringify(b)) },
    { weight: 1, arbitrary: fc.jsonValue().map((v) => JSON.stringify(v)) },
    { weight: 1, arbitrary: fc.string({ maxLength: 30 }) },
  );
}

/** A day something happened on: recent history, today, or (refused) the future. */
const pastDay = fc.constantFrom("2024-06-14", "2023-01-31", new Date().toISOString().slice(0, 10), "2999-01-01");
const updateFields: Fields = {
  headline: { valid: words, required: true },
  asOf: { valid: pastDay },
  health: { valid: fc.constantFrom(...HEALTH), required: true },
  summary: { valid: text },
  risks: { valid: text },
  privateNote: { valid: text },
  links: { valid: fc.array(fc.record({ label: words, url: fc.webUrl() }), { maxLength: 2 }) },
};
const roadmapFields: Fields = {
  title: { valid: words, required: true },
  description: { valid: text },
  status: { valid: fc.constantFrom(...ROADMAP_STATUS) },
  kind: { valid: fc.constantFrom(...ROADMAP_KIND) },
  helpWanted: { valid: fc.boolean() },
  links: {
    valid: fc.array(fc.record({ kind: fc.constantFrom("gerrit", "storyboard"), label: words, url: fc.webUrl() }), { maxLength: 2 }),
  },
  deliveredOn: { valid: pastDay },
};
const optional = (fields: Fields): Fields => Object.fromEntries(Object.entries(fields).map(([k, f]) => [k, { valid: f.valid }]));
const id = fc.oneof(
  { weight: 5, arbitrary: fc.integer({ min: 1, max: 40 }).map(String) },
  { weight: 1, arbitrary: fc.constantFrom("0", "-1", "abc", "1e3", "99999999999999999999") },
);

type Handler = (request: Request, context: { params: Promise<{ id: string }> }) => Promise<Response>;
const ROUTES: { name: string; method: string; handler: Handler; body: fc.Arbitrary<string>; withId?: boolean }[] = [
  {
    name: "POST /api/v1/updates",
    method: "POST",
    handler: updatesRoute.POST,
    body: body({
      team: { valid: team, required: true },
      cycle: { valid: cycle, required: true },
      gathering: { valid: fc.constantFrom(null, "ptg-2024-04", "nope") },
      publish: { valid: fc.boolean() },
      ...updateFields,
    }),
  },
  {
    name: "PATCH /api/v1/updates/{id}",
    method: "PATCH",
    handler: updateRoute.PATCH,
    withId: true,
    body: body({ version: { valid: version, required: true }, publish: { valid: fc.constant(true) }, ...optional(updateFields) }),
  },
  {
    name: "POST /api/v1/roadmap-items",
    method: "POST",
    handler: roadmapItemsRoute.POST,
    body: body({ team: { valid: team, required: true }, cycle: { valid: cycle, required: true }, ...roadmapFields }),
  },
  {
    name: "PATCH /api/v1/roadmap-items/{id}",
    method: "PATCH",
    handler: roadmapItemRoute.PATCH,
    withId: true,
    body: body({ version: { valid: version, required: true }, ...optional(roadmapFields) }),
  },
  {
    name: "POST /api/v1/metric-values",
    method: "POST",
    handler: metricValuesRoute.POST,
    body: body({
      team: { valid: team, required: true },
      cycle: { valid: cycle, required: true },
      metric: { valid: fc.constantFrom("manual_test_cases", "pass_rate", "docs_changes_merged", "bugs"), required: true },
      value: { valid: fc.oneof(number, fc.constantFrom("1.32", "1h 30m", "97.4%")), required: true },
      observedAt: {
        valid: fc.date({ min: new Date("2020-01-01"), max: new Date("2030-01-01"), noInvalidDate: true }).map((d) => d.toISOString()),
      },
      note: { valid: text },
    }),
  },
  {
    name: "PATCH /api/v1/metric-values/{id}",
    method: "PATCH",
    handler: metricValueRoute.PATCH,
    withId: true,
    body: body({
      value: { valid: fc.oneof(number, fc.constantFrom("1.32", "1h 30m", "97.4%", "1,406", "")) },
      note: { valid: text },
      observedAt: {
        valid: fc.date({ min: new Date("2020-01-01"), max: new Date("2030-01-01"), noInvalidDate: true }).map((d) => d.toISOString()),
      },
    }),
  },
  {
    name: "DELETE /api/v1/metric-values/{id}",
    method: "DELETE",
    handler: metricValueRoute.DELETE,
    withId: true,
    body: fc.constantFrom("", "{}", "null"),
  },
];

describe.each(ROUTES)("$name", (route) => {
  it("never answers 500, and a 4xx changes nothing", async () => {
    await fc.assert(
      fc.asyncProperty(route.body, id, fc.constantFrom(...credentials), async (payload, rawId, secret) => {
        const before = fingerprint(db);
        const request = new Request(`http://localhost/api/v1/x`, {
          method: route.method,
          headers: { "content-type": "application/json", ...(secret ? { authorization: `Bearer ${secret}` } : {}) },
          body: payload,
        });
        const response = await route.handler(request, { params: Promise.resolve({ id: route.withId ? rawId : "" }) });
        expect(response.status).toBeLessThan(500);
        if (response.status >= 400) {
          expect((await response.json()).error.code).toBeTypeOf("string");
          expect(fingerprint(db)).toBe(before);
        }
        if (!secret) expect(response.status).toBe(401);
      }),
      { numRuns: 150 },
    );
  }, 120_000);
});
