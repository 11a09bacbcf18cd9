/**
 * The /api/v1 route handlers called directly with a Request, authenticated by tokens,
 * against a real demo database (the server's own handle, pointed at a temp file).
 * Reads served from the dashboards' cache need the Next server: the e2e spec covers those.
 */
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb, type Db } from "@/db/client";
import { communitySettings, people, updates } from "@/db/schema";
import { createTestDatabase, fingerprint } from "@/db/testing";
import * as cycleUpdatesRoute from "@/app/api/v1/cycles/[cycle]/updates/route";
import * as metricValueRoute from "@/app/api/v1/metric-values/[id]/route";
import * as metricValuesRoute from "@/app/api/v1/metric-values/route";
import * as openApiRoute from "@/app/api/v1/openapi.json/route";
import * as roadmapItemRoute from "@/app/api/v1/roadmap-items/[id]/route";
import * as roadmapItemsRoute from "@/app/api/v1/roadmap-items/route";
import * as updateRoute from "@/app/api/v1/updates/[id]/route";
import * as updatesRoute from "@/app/api/v1/updates/route";
import type { TOKEN_SCOPES } from "@/lib/permissions";
import { actorForPerson } from "../identity/person-actor";
import { createApiToken, revokeApiToken } from "../identity/api-tokens";

let db: Db;
let cleanup: () => void;
const tokens = { testCi: "", docsLead: "", docsLeadNoDrafts: "", docsRecorder: "", expired: "", revoked: "" };

function personId(email: string): string {
  return db.select({ id: people.id }).from(people).where(eq(people.email, email)).get()!.id;
}

function token(
  email: string,
  scopes: (typeof TOKEN_SCOPES)[number][],
  teams: string[] = [],
  expiresInDays: number | null = null,
  now = Date.now(),
): { id: number; secret: string } {
  return createApiToken(
    { actor: actorForPerson(db, personId(email)), input: { name: `${email} ${scopes.join(" ")}`, scopes, teams, expiresInDays }, now },
    db,
  );
}

const call = (method: string, path: string, { secret, body, raw }: { secret?: string; body?: unknown; raw?: string } = {}) =>
  new Request(`http://localhost${path}`, {
    method,
    headers: {
      ...(secret ? { authorization: `Bearer ${secret}` } : {}),
      ...(body !== undefined || raw !== undefined ? { "content-type": "application/json" } : {}),
    },
    body: raw ?? (body === undefined ? undefined : JSON.stringify(body)),
  });
const params = <T extends Record<string, string>>(p: T) => ({ params: Promise.resolve(p) });

beforeAll(() => {
  const test = createTestDatabase({ demo: true });
  process.env.CYCLEBOARD_DB = test.file;
  db = getDb();
  cleanup = test.cleanup;
  tokens.testCi = token("tomas.lead@example.org", ["metric.record"], ["test"]).secret;
  tokens.docsLead = token("dana.lead@example.org", ["update.write", "roadmap.write", "update.read_draft"]).secret;
  tokens.docsLeadNoDrafts = token("dana.lead@example.org", ["update.write"]).secret;
  tokens.docsRecorder = token("dana.lead@example.org", ["metric.record"]).secret;
  tokens.expired = token("tomas.lead@example.org", ["metric.record"], [], 1, Date.now() - 2 * 86_400_000).secret;
  const revoked = token("tomas.lead@example.org", ["metric.record"]);
  revokeApiToken({ actor: { kind: "system", label: "test" }, id: revoked.id }, db);
  tokens.revoked = revoked.secret;
});
afterAll(() => {
  db.$client.close();
  cleanup();
});

describe("POST /api/v1/metric-values", () => {
  const sanity = { team: "test", cycle: "10.0", metric: "manual_test_cases", value: 57, note: "weekly sanity" };

  it("records a CI job's value with a token scoped to the Test team", async () => {
    const response = await metricValuesRoute.POST(call("POST", "/api/v1/metric-values", { secret: tokens.testCi, body: sanity }));
    expect(response.status).toBe(201);
    const list = await metricValuesRoute.GET(
      call("GET", "/api/v1/metric-values?team=test&metric=manual_test_cases&per_page=1", { secret: tokens.testCi }),
    );
    expect(await list.json()).toMatchObject({
      data: [{ metric: "manual_test_cases", team: "test", cycle: "10.0", value: 57, note: "weekly sanity" }],
      pagination: { page: 1, perPage: 1 },
    });
  });

  it("answers 401 without credentials and for expired or revoked tokens, 403 for another team's token, changing nothing", async () => {
    const before = fingerprint(db);
    expect((await metricValuesRoute.POST(call("POST", "/api/v1/metric-values", { body: sanity }))).status).toBe(401);
    expect((await metricValuesRoute.POST(call("POST", "/api/v1/metric-values", { secret: tokens.expired, body: sanity }))).status).toBe(
      401,
    );
    expect((await metricValuesRoute.POST(call("POST", "/api/v1/metric-values", { secret: tokens.revoked, body: sanity }))).status).toBe(
      401,
    );
    expect((await metricValuesRoute.POST(call("POST", "/api/v1/metric-values", { secret: "not-a-token", body: sanity }))).status).toBe(401);
    const refused = await metricValuesRoute.POST(
      call("POST", "/api/v1/metric-values", { secret: tokens.testCi, body: { ...sanity, team: "docs", metric: "docs_changes_merged" } }),
    );
    expect(refused.status).toBe(403);
    expect(await refused.json()).toEqual({ error: { code: "forbidden", message: "You are not allowed to do this." } });
    expect(fingerprint(db)).toBe(before);
  });

  it("names the field at fault: 400 for malformed input, 422 for an unknown metric", async () => {
    const malformed = await metricValuesRoute.POST(call("POST", "/api/v1/metric-values", { secret: tokens.testCi, raw: '{"team":' }));
    expect(malformed.status).toBe(400);
    const wrongType = await metricValuesRoute.POST(
      call("POST", "/api/v1/metric-values", { secret: tokens.testCi, body: { ...sanity, value: true, colour: "red" } }),
    );
    expect(wrongType.status).toBe(400);
    expect((await wrongType.json()).error.fields).toHaveProperty("value");
    const unknown = await metricValuesRoute.POST(
      call("POST", "/api/v1/metric-values", { secret: tokens.testCi, body: { ...sanity, metric: "flaky_tests" } }),
    );
    expect(unknown.status).toBe(422);
    expect((await unknown.json()).error.fields).toEqual({ metric: ["No metric has this key"] });
  });
});

describe("PATCH and DELETE /api/v1/metric-values/{id}", () => {
  const record = async (value: number) => {
    const response = await metricValuesRoute.POST(
      call("POST", "/api/v1/metric-values", {
        secret: tokens.testCi,
        body: { team: "test", cycle: "9.0", metric: "features_tested", value, note: "weekly run" },
      }),
    );
    return String((await response.json()).data.id);
  };
  const patch = (id: string, body: unknown, secret = tokens.testCi) =>
    metricValueRoute.PATCH(call("PATCH", `/api/v1/metric-values/${id}`, { secret, body }), params({ id }));
  const remove = (id: string, secret = tokens.testCi) =>
    metricValueRoute.DELETE(call("DELETE", `/api/v1/metric-values/${id}`, { secret }), params({ id }));
  const figure = async () => {
    const list = await metricValuesRoute.GET(call("GET", "/api/v1/metric-values?team=test&cycle=9.0&metric=features_tested&per_page=100"));
    return (await list.json()).data as { id: number; value: number; countsInFigure: boolean }[];
  };

  it("corrects a value in place, answering it with who recorded it, and the list follows", async () => {
    const id = await record(1_660);
    const response = await patch(id, { value: 1_406, note: "reruns counted once" });
    expect(response.status).toBe(200);
    expect((await response.json()).data).toMatchObject({
      id: Number(id),
      value: 1_406,
      note: "reruns counted once",
      countsInFigure: true,
      recordedBy: { via: "token", person: "Tomas Redfern" },
    });
    expect((await figure()).filter((v) => v.id === Number(id))).toEqual([expect.objectContaining({ value: 1_406 })]);
  });

  it("deletes a value recorded by mistake; it is gone from the list and a second delete is a 404", async () => {
    const id = await record(12);
    const response = await remove(id);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ data: { id: Number(id) } });
    expect((await figure()).some((v) => v.id === Number(id))).toBe(false);
    expect((await remove(id)).status).toBe(404);
  });

  it("names the field at fault: 400 for malformed input, 422 for a value the metric's kind cannot read, and changes nothing", async () => {
    const id = await record(7);
    const before = fingerprint(db);
    const fields = async (response: Response) => ({ status: response.status, fields: (await response.json()).error.fields });
    expect(await fields(await patch(id, { value: true }))).toEqual({ status: 400, fields: { value: [expect.any(String)] } });
    expect(await fields(await patch(id, { observedAt: "yesterday" }))).toEqual({
      status: 400,
      fields: { observedAt: [expect.any(String)] },
    });
    expect(await fields(await patch(id, { note: "x".repeat(501) }))).toEqual({
      status: 400,
      fields: { note: ["Keep the note under 500 characters"] },
    });
    expect((await fields(await patch(id, { valeu: 8 }))).status).toBe(400);
    expect(await fields(await patch(id, {}))).toEqual({
      status: 400,
      fields: { _: ["Nothing to change: send value, note or observedAt"] },
    });
    expect(await fields(await patch(id, { value: 7.5 }))).toEqual({ status: 422, fields: { value: ["A count is a whole number"] } });
    expect(await fields(await patch(id, { value: "seven" }))).toEqual({ status: 422, fields: { value: ["Enter a number"] } });
    expect((await patch("999999", { value: 8 })).status).toBe(404);
    expect((await patch("abc", { value: 8 })).status).toBe(404);
    expect(fingerprint(db)).toBe(before);
  });

  it("is refused without the metric.record scope or for another team's value, changing nothing", async () => {
    const id = await record(3);
    const docsValue = await metricValuesRoute.POST(
      call("POST", "/api/v1/metric-values", {
        secret: tokens.docsRecorder,
        body: { team: "docs", cycle: "10.0", metric: "docs_changes_merged", value: 3 },
      }),
    );
    const docsId = String((await docsValue.json()).data.id);
    // A token's first use of the minute is recorded: use each once before comparing.
    await metricValuesRoute.GET(call("GET", "/api/v1/metric-values?per_page=1", { secret: tokens.docsLeadNoDrafts }));
    const before = fingerprint(db);
    expect((await patch(id, { value: 4 }, tokens.docsLeadNoDrafts)).status).toBe(403);
    expect((await remove(id, tokens.docsLeadNoDrafts)).status).toBe(403);
    expect((await patch(docsId, { value: 4 })).status).toBe(403);
    expect((await remove(docsId)).status).toBe(403);
    expect((await patch(id, { value: 4 }, "")).status).toBe(401);
    expect(fingerprint(db)).toBe(before);
  });
});

describe("updates through the API", () => {
  it("posts a published update in one call, edits it with its version, and refuses a stale version with 409", async () => {
    const posted = await updatesRoute.POST(
      call("POST", "/api/v1/updates", {
        secret: tokens.docsLead,
        body: {
          team: "docs",
          cycle: "10.0",
          headline: "Docs from CI",
          health: "at_risk",
          summary: "Install guide slipping",
          privateNote: "Only for leads",
          publish: true,
        },
      }),
    );
    expect(posted.status).toBe(201);
    const { data } = await posted.json();
    expect(data).toMatchObject({ state: "published", version: 1 });
    const stored = db.select().from(updates).where(eq(updates.id, data.id)).get()!;
    expect(stored).toMatchObject({ headline: "Docs from CI", health: "at_risk", state: "published", privateNote: "Only for leads" });

    const edited = await updateRoute.PATCH(
      call("PATCH", `/api/v1/updates/${data.id}`, { secret: tokens.docsLead, body: { version: 1, health: "on_track" } }),
      params({ id: String(data.id) }),
    );
    expect(edited.status).toBe(200);
    expect((await edited.json()).data.version).toBe(2);
    const stale = await updateRoute.PATCH(
      call("PATCH", `/api/v1/updates/${data.id}`, { secret: tokens.docsLead, body: { version: 1, headline: "Mine" } }),
      params({ id: String(data.id) }),
    );
    expect(stale.status).toBe(409);
    expect((await stale.json()).error).toMatchObject({ code: "conflict", current: { version: 2 } });
    const unknown = await updateRoute.PATCH(
      call("PATCH", "/api/v1/updates/999999", { secret: tokens.docsLead, body: { version: 1, headline: "x" } }),
      params({ id: "999999" }),
    );
    expect(unknown.status).toBe(404);
  });

  it("lists drafts and private notes only to tokens allowed to read them", async () => {
    const draft = await updatesRoute.POST(
      call("POST", "/api/v1/updates", {
        secret: tokens.docsLead,
        body: { team: "docs", cycle: "10.0", headline: "Docs draft", health: "on_track", privateNote: "secret plan" },
      }),
    );
    expect((await draft.json()).data.state).toBe("draft");
    const list = async (secret: string) =>
      (await (
        await cycleUpdatesRoute.GET(call("GET", "/api/v1/cycles/10.0/updates?team=docs&state=draft", { secret }), params({ cycle: "10.0" }))
      ).json()) as { data: { headline: string; privateNote?: string }[] };
    expect((await list(tokens.docsLead)).data).toEqual([expect.objectContaining({ headline: "Docs draft", privateNote: "secret plan" })]);
    expect((await list(tokens.docsLeadNoDrafts)).data).toEqual([]);
    expect((await list(tokens.testCi)).data).toEqual([]);
    const unknownCycle = await cycleUpdatesRoute.GET(
      call("GET", "/api/v1/cycles/99.0/updates", { secret: tokens.testCi }),
      params({ cycle: "99.0" }),
    );
    expect(unknownCycle.status).toBe(404);
  });
});

describe("roadmap items through the API", () => {
  it("adds an item, changes its status with its version, and filters by team, cycle and status", async () => {
    const created = await roadmapItemsRoute.POST(
      call("POST", "/api/v1/roadmap-items", {
        secret: tokens.docsLead,
        body: { team: "docs", cycle: "10.0", title: "API reference page" },
      }),
    );
    expect(created.status).toBe(201);
    const { id } = (await created.json()).data;
    const patched = await roadmapItemRoute.PATCH(
      call("PATCH", `/api/v1/roadmap-items/${id}`, { secret: tokens.docsLead, body: { version: 1, status: "done" } }),
      params({ id: String(id) }),
    );
    expect(patched.status).toBe(200);
    const done = await (
      await roadmapItemsRoute.GET(call("GET", "/api/v1/roadmap-items?team=docs&cycle=10.0&status=done", { secret: tokens.testCi }))
    ).json();
    expect(done.data).toContainEqual(
      expect.objectContaining({ id, title: "API reference page", status: "done", kind: "feature", version: 2 }),
    );
    const badFilter = await roadmapItemsRoute.GET(
      call("GET", "/api/v1/roadmap-items?status=finished&per_page=500", { secret: tokens.testCi }),
    );
    expect(badFilter.status).toBe(400);
    expect(Object.keys((await badFilter.json()).error.fields).sort()).toEqual(["per_page", "status"]);
  });
});

describe("private mode", () => {
  it("keeps API reads from anonymous callers but not from token holders", async () => {
    db.update(communitySettings).set({ privateMode: true }).where(eq(communitySettings.id, 1)).run();
    try {
      expect((await roadmapItemsRoute.GET(call("GET", "/api/v1/roadmap-items"))).status).toBe(401);
      expect((await roadmapItemsRoute.GET(call("GET", "/api/v1/roadmap-items", { secret: tokens.testCi }))).status).toBe(200);
    } finally {
      db.update(communitySettings).set({ privateMode: false }).where(eq(communitySettings.id, 1)).run();
    }
  });

  it("serves the OpenAPI document to token holders only, not to any Authorization header", async () => {
    db.update(communitySettings).set({ privateMode: true }).where(eq(communitySettings.id, 1)).run();
    try {
      const junk = await openApiRoute.GET(
        new Request("http://localhost/api/v1/openapi.json", { headers: { authorization: "Bearer junk" } }),
      );
      expect(junk.status).toBe(401);
      expect(await junk.json()).toMatchObject({ error: { code: "unauthorized" } });
      expect((await openApiRoute.GET(call("GET", "/api/v1/openapi.json"))).status).toBe(401);
      expect((await openApiRoute.GET(call("GET", "/api/v1/openapi.json", { secret: tokens.testCi }))).status).toBe(200);
    } finally {
      db.update(communitySettings).set({ privateMode: false }).where(eq(communitySettings.id, 1)).run();
    }
  });
});
