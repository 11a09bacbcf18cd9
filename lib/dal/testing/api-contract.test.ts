/**
 * Every documented answer is what its route really sends. Each GET operation of the OpenAPI
 * document is called on the demo data, anonymously and as a release manager (who also sees
 * drafts and private notes), and its JSON parsed with the operation's response schema, the
 * one the document is generated from. The schemas are strict: a field added, renamed or
 * retyped in the data layer without its contract fails here. Each write is made with a
 * token holding only the scope its operation documents, and refused without that scope.
 */
import path from "node:path";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { getDb, type Db } from "@/db/client";
import { people } from "@/db/schema";
import { createTestDatabase } from "@/db/testing";
import * as updateRoute from "@/app/api/v1/updates/[id]/route";
import * as updatesRoute from "@/app/api/v1/updates/route";
import type { Operation } from "@/lib/http/api";
import { OPERATIONS } from "@/lib/http/openapi";
import { TOKEN_SCOPES } from "@/lib/permissions";
import { createApiToken } from "../identity/api-tokens";
import { actorForPerson } from "../identity/person-actor";

// The anonymous reads are the dashboards' cached ones; outside the Next server they simply run.
vi.mock("next/cache", () => ({ cacheTag: () => {}, cacheLife: () => {}, revalidateTag: () => {}, refresh: () => {} }));

type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;

/** A route handler by its operation: app/api/v1/<path with {x} as [x]>/route.ts. */
async function handlerOf(operation: Operation): Promise<Handler> {
  const folder = operation.path.replace(/^\/api\/v1/, "").replace(/\{(\w+)\}/g, "[$1]");
  const route = (await import(path.join(import.meta.dirname, "../../../app/api/v1", folder, "route.ts"))) as Record<string, Handler>;
  return route[operation.method.toUpperCase()]!;
}

let db: Db;
let cleanup: () => void;
const callers: Record<string, string | undefined> = { anonymous: undefined, "a release manager": "" };
/** Demo values for each path parameter; the update is published, has a private note and a revision. */
const pathValues: Record<string, string> = { cycle: "10.0", team: "docs", id: "" };

const request = (method: string, url: string, secret?: string, body?: unknown) =>
  new Request(`http://localhost${url}`, {
    method,
    headers: {
      ...(secret ? { authorization: `Bearer ${secret}` } : {}),
      ...(body === undefined ? {} : { "content-type": "application/json" }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });

beforeAll(async () => {
  const test = createTestDatabase({ demo: true });
  process.env.CYCLEBOARD_DB = test.file;
  db = getDb();
  cleanup = test.cleanup;
  const owner = (email: string) => actorForPerson(db, db.select({ id: people.id }).from(people).where(eq(people.email, email)).get()!.id);
  const lead = createApiToken(
    { actor: owner("dana.lead@example.org"), input: { name: "docs CI", scopes: ["update.write"], teams: [], expiresInDays: null } },
    db,
  ).secret;
  callers["a release manager"] = createApiToken(
    { actor: owner("morgan.rm@example.org"), input: { name: "reader", scopes: ["update.read_draft"], teams: [], expiresInDays: null } },
    db,
  ).secret;
  const posted = await updatesRoute.POST(
    request("POST", "/api/v1/updates", lead, {
      team: "docs",
      cycle: "10.0",
      headline: "Docs for the contract",
      health: "at_risk",
      privateNote: "leads only",
      links: [{ label: "Plan", url: "https://example.org/plan" }],
      publish: true,
    }),
  );
  const { id } = (await posted.json()).data;
  await updateRoute.PATCH(request("PATCH", `/api/v1/updates/${id}`, lead, { version: 1, health: "on_track" }), {
    params: Promise.resolve({ id: String(id) }),
  });
  pathValues.id = String(id);
});
afterAll(() => {
  db.$client.close();
  cleanup();
});

const reads = OPERATIONS.filter((op) => op.method === "get");

describe("every documented answer matches what the route sends on the demo data", () => {
  it("documents a response for every read", () => {
    expect(reads.length).toBeGreaterThan(10);
  });

  for (const operation of reads) {
    for (const caller of Object.keys(callers)) {
      it(`GET ${operation.path}, asked by ${caller}`, async () => {
        const params = Object.fromEntries([...operation.path.matchAll(/\{(\w+)\}/g)].map(([, name]) => [name!, pathValues[name!]!]));
        const url =
          operation.path.replace(/\{(\w+)\}/g, (_m, name: string) => encodeURIComponent(pathValues[name]!)) +
          (operation.filters ? "?per_page=100" : "");
        const response = await (await handlerOf(operation))(request("GET", url, callers[caller]), { params: Promise.resolve(params) });
        expect(response.status).toBe(200);
        const body = await response.json();
        const parsed = operation.response.safeParse(body);
        expect(parsed.success ? [] : parsed.error.issues).toEqual([]);
        // An empty list would match any item schema: each list has demo rows to check.
        if (operation.filters) expect(body.data.length).toBeGreaterThan(0);
      });
    }
  }
});

/** A demo-valid body for each write, by operation; a new write fails below until it has one. */
const WRITE_BODIES: Record<string, unknown> = {
  "post /api/v1/updates": { team: "docs", cycle: "10.0", headline: "Scoped write", health: "on_track" },
  "patch /api/v1/updates/{id}": { version: 1, health: "at_risk" },
  "post /api/v1/roadmap-items": { team: "docs", cycle: "10.0", title: "Scoped item" },
  "patch /api/v1/roadmap-items/{id}": { version: 1, status: "in_progress" },
  "post /api/v1/metric-values": { team: "docs", cycle: "10.0", metric: "docs_changes_merged", value: 3 },
  "patch /api/v1/metric-values/{id}": { value: 4, note: "recounted" },
  "delete /api/v1/metric-values/{id}": undefined,
};

describe("every write needs the scope its operation documents, and answers as documented", () => {
  const writes = OPERATIONS.filter((op) => op.method !== "get");
  /** What each POST created, by its collection's path, for the PATCH of the same resource. */
  const created = new Map<string, string>();

  // In the document's order: each resource's POST comes before its PATCH and DELETE.
  for (const operation of writes) {
    it(`${operation.method.toUpperCase()} ${operation.path} (${operation.scope})`, async () => {
      const key = `${operation.method} ${operation.path}`;
      expect(Object.keys(WRITE_BODIES)).toContain(key);
      expect(TOKEN_SCOPES).toContain(operation.scope);
      const token = (scopes: (typeof TOKEN_SCOPES)[number][]) => {
        const owner = actorForPerson(
          db,
          db.select({ id: people.id }).from(people).where(eq(people.email, "dana.lead@example.org")).get()!.id,
        );
        return createApiToken({ actor: owner, input: { name: `${key} ${scopes.join(" ")}`, scopes, teams: [], expiresInDays: null } }, db)
          .secret;
      };
      const id = operation.pathParams?.id ? created.get(operation.path.replace(/\/\{id\}$/, "")) : undefined;
      const url = operation.path.replace("{id}", id ?? "");
      const send = async (secret: string) =>
        (await handlerOf(operation))(request(operation.method.toUpperCase(), url, secret, WRITE_BODIES[key]), {
          params: Promise.resolve<Record<string, string>>(id ? { id } : {}),
        });

      const refused = await send(token(TOKEN_SCOPES.filter((scope) => scope !== operation.scope)));
      expect(refused.status).toBe(403);
      const answered = await send(token([operation.scope!]));
      expect(answered.status).toBe(operation.created ? 201 : 200);
      const body = await answered.json();
      const parsed = operation.response.safeParse(body);
      expect(parsed.success ? [] : parsed.error.issues).toEqual([]);
      if (operation.created) created.set(operation.path, String(body.data.id));
    });
  }
});
