/**
 * The shared input rules (lib/validation/dates.ts, lib/validation/text.ts) as the JSON API
 * applies them: a refused value is a 4xx naming the field, and nothing is written.
 */
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb, type Db } from "@/db/client";
import { people } from "@/db/schema";
import { createTestDatabase, fingerprint } from "@/db/testing";
import * as metricValuesRoute from "@/app/api/v1/metric-values/route";
import * as roadmapItemsRoute from "@/app/api/v1/roadmap-items/route";
import * as updatesRoute from "@/app/api/v1/updates/route";
import { actorForPerson } from "../identity/person-actor";
import { authenticateApiToken, createApiToken } from "../identity/api-tokens";

let db: Db;
let cleanup: () => void;
let testCi: string;
let docsLead: string;

const post = (path: string, secret: string, body: unknown) =>
  new Request(`http://localhost${path}`, {
    method: "POST",
    headers: { authorization: `Bearer ${secret}`, "content-type": "application/json" },
    body: JSON.stringify(body),
  });

beforeAll(() => {
  const test = createTestDatabase({ demo: true });
  process.env.CYCLEBOARD_DB = test.file;
  db = getDb();
  cleanup = test.cleanup;
  const owner = (email: string) => actorForPerson(db, db.select({ id: people.id }).from(people).where(eq(people.email, email)).get()!.id);
  testCi = createApiToken(
    { actor: owner("tomas.lead@example.org"), input: { name: "CI", scopes: ["metric.record"], teams: ["test"], expiresInDays: null } },
    db,
  ).secret;
  docsLead = createApiToken(
    {
      actor: owner("dana.lead@example.org"),
      input: { name: "Docs bot", scopes: ["update.write", "roadmap.write"], teams: [], expiresInDays: null },
    },
    db,
  ).secret;
  // Use each token once now: last use is kept to the minute, so a refused call below writes nothing.
  for (const secret of [testCi, docsLead]) authenticateApiToken(secret, db);
});
afterAll(() => {
  db.$client.close();
  cleanup();
});

async function expectRefused(response: Response, field: string, before: string) {
  expect(response.status).toBeGreaterThanOrEqual(400);
  expect(response.status).toBeLessThan(500);
  expect(Object.keys((await response.json()).error.fields)).toEqual([field]);
  expect(fingerprint(db)).toBe(before);
}

describe("POST /api/v1/metric-values and the date window", () => {
  const sanity = { team: "test", cycle: "10.0", metric: "manual_test_cases", value: 57 };

  it.each(["9999-12-31T00:00:00Z", "0000-01-01T00:00:00Z", new Date(Date.now() + 86_400_000).toISOString()])(
    "refuses a value observed at %s, naming observedAt",
    async (observedAt) => {
      const before = fingerprint(db);
      await expectRefused(
        await metricValuesRoute.POST(post("/api/v1/metric-values", testCi, { ...sanity, observedAt })),
        "observedAt",
        before,
      );
    },
  );

  it("records a value observed a moment ago", async () => {
    const response = await metricValuesRoute.POST(
      post("/api/v1/metric-values", testCi, { ...sanity, observedAt: new Date(Date.now() - 60_000).toISOString() }),
    );
    expect(response.status).toBe(201);
  });
});

describe("the API and visible text", () => {
  it.each([
    ["only zero-width characters", "\u200B\u200B\u200B"],
    ["a right-to-left override", "All good \u202Ekcart no"],
    ["a control character", "Build\u0001 docs"],
  ])("refuses an update headline with %s, naming headline", async (_what, headline) => {
    const before = fingerprint(db);
    await expectRefused(
      await updatesRoute.POST(post("/api/v1/updates", docsLead, { team: "docs", cycle: "10.0", headline, health: "on_track" })),
      "headline",
      before,
    );
  });

  it("refuses a roadmap item title with a bidirectional isolate, naming title", async () => {
    const before = fingerprint(db);
    await expectRefused(
      await roadmapItemsRoute.POST(
        post("/api/v1/roadmap-items", docsLead, { team: "docs", cycle: "10.0", title: "Arm \u2067builds\u2069" }),
      ),
      "title",
      before,
    );
  });

  it("accepts a headline in any script", async () => {
    const response = await updatesRoute.POST(
      post("/api/v1/updates", docsLead, { team: "docs", cycle: "10.0", headline: "التوثيق جاهز 📚", health: "on_track" }),
    );
    expect(response.status).toBe(201);
  });
});
