/**
 * A database that cannot be written (a read-only file, a full disk), met by real route
 * handlers and server actions on a real demo database: the API answers 503 in its error
 * format, actions answer "nothing was changed", and not one row is half-written. The
 * failures are SQLite's own: `PRAGMA query_only` makes every write fail with
 * SQLITE_READONLY (chmod does not stop root), `PRAGMA max_page_count` makes the file
 * unable to grow, failing with SQLITE_FULL wherever a write first needs a new page.
 */
import { eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { setProcessDatabase, type Db } from "@/db/client";
import { people, updates } from "@/db/schema";
import { fingerprint } from "@/db/testing";
import * as metricValuesRoute from "@/app/api/v1/metric-values/route";
import * as updatesRoute from "@/app/api/v1/updates/route";
import { saveUpdateAction } from "@/app/(signed-in)/updates/actions";
import { openHelpRequestAction } from "@/app/(signed-in)/teams/[slug]/help/actions";
import { STORAGE_UNAVAILABLE_MESSAGE } from "@/lib/errors";
import type { Actor } from "@/lib/permissions";
import { createApiToken } from "../identity/api-tokens";
import { actorForPerson } from "../identity/person-actor";
import { actorOf, copyOfTemplate, createWriteTemplate } from "./tables";

const request = vi.hoisted(() => ({ actor: { kind: "anonymous" } as Actor }));
vi.mock("next/cache", () => ({ refresh: () => {}, revalidateTag: () => {}, cacheTag: () => {}, cacheLife: () => {} }));
vi.mock("@/lib/dal/identity/actor", async (importOriginal) => ({
  ...(await importOriginal<object>()),
  getCurrentActor: async () => request.actor,
}));

let template: string;
let cleanupTemplate: () => void;
let db: Db;
let dispose: () => void;
let secret: string;

beforeAll(async () => {
  ({ file: template, cleanup: cleanupTemplate } = await createWriteTemplate());
});
afterAll(() => cleanupTemplate());

function freshCopy() {
  ({ db, dispose } = copyOfTemplate(template));
  setProcessDatabase(db);
  const docsLead = db.select({ id: people.id }).from(people).where(eq(people.email, "dana.lead@example.org")).get()!.id;
  secret = createApiToken(
    {
      actor: actorForPerson(db, docsLead),
      input: { name: "ci", scopes: ["update.write", "metric.record"], teams: [], expiresInDays: null },
    },
    db,
  ).secret;
}
afterEach(() => dispose());

const post = (path: string, body: unknown) =>
  new Request(`http://localhost${path}`, {
    method: "POST",
    headers: { authorization: `Bearer ${secret}`, "content-type": "application/json" },
    body: JSON.stringify(body),
  });

/** A short update with long links: its row fits where the file has room, its links (written next, in the same transaction) need new pages. */
const bigUpdate = {
  team: "docs",
  cycle: "10.0",
  headline: "Install guide rewritten",
  health: "on_track",
  publish: true,
  links: Array.from({ length: 20 }, (_, i) => ({
    label: `Chapter ${i + 1}`,
    url: `https://docs.example.org/install/${i + 1}/${"x".repeat(1_900)}`,
  })),
};

async function expectUnavailable(response: Response) {
  expect(response.status).toBe(503);
  expect(Number(response.headers.get("retry-after"))).toBeGreaterThan(0);
  expect(await response.json()).toEqual({ error: { code: "unavailable", message: expect.stringContaining("nothing was changed") } });
}

describe("a read-only database", () => {
  it("answers API writes with 503 in the error format and changes nothing", async () => {
    freshCopy();
    // One call first, so the token's last use is recorded before the file turns read-only.
    expect(
      (
        await metricValuesRoute.GET(
          new Request("http://localhost/api/v1/metric-values", { headers: { authorization: `Bearer ${secret}` } }),
        )
      ).status,
    ).toBe(200);
    const before = fingerprint(db);
    db.$client.pragma("query_only = ON");
    await expectUnavailable(await updatesRoute.POST(post("/api/v1/updates", bigUpdate)));
    await expectUnavailable(
      await metricValuesRoute.POST(post("/api/v1/metric-values", { team: "docs", cycle: "10.0", metric: "docs_changes_merged", value: 7 })),
    );
    db.$client.pragma("query_only = OFF");
    expect(fingerprint(db)).toBe(before);
  });

  it("answers server actions with 'nothing was changed', keeping what was typed, instead of throwing", async () => {
    freshCopy();
    const draft = db.select().from(updates).where(eq(updates.state, "draft")).get()!;
    const before = fingerprint(db);
    db.$client.pragma("query_only = ON");
    request.actor = actorOf("lead of the team", db);
    const content = {
      headline: "Typed while the disk was gone",
      health: draft.health,
      summary: "Kept",
      done: "",
      inProgress: "",
      planned: "",
      risks: "",
      helpWanted: "",
      privateNote: "",
    };
    expect(
      await saveUpdateAction({ id: draft.id, expectedVersion: draft.version, gatheringSlug: null, content, links: [], metrics: [] }),
    ).toEqual({ ok: false, message: STORAGE_UNAVAILABLE_MESSAGE, fieldErrors: {}, values: {}, retryable: true });
    const form = new FormData();
    for (const [key, value] of Object.entries({
      team: "docs",
      cycle: "10.0",
      title: "Reviewers for the install guide",
      details: "",
      linkUrl: "",
      contact: "docs@lists.example.org",
      roadmapItemId: "",
    }))
      form.set(key, value);
    expect(await openHelpRequestAction(null, form)).toMatchObject({
      ok: false,
      message: STORAGE_UNAVAILABLE_MESSAGE,
      values: { title: "Reviewers for the install guide" },
    });
    db.$client.pragma("query_only = OFF");
    expect(fingerprint(db)).toBe(before);
  });
});

describe("a full disk", () => {
  it("fails a publish part-way with 503, leaving no update, link, audit entry or search row behind", async () => {
    freshCopy();
    await metricValuesRoute.GET(new Request("http://localhost/api/v1/metric-values", { headers: { authorization: `Bearer ${secret}` } }));
    const before = fingerprint(db);
    const searchRows = db.$client.prepare("select count(*) from search_index").pluck().get();
    db.$client.pragma("wal_checkpoint(TRUNCATE)");
    // Room for a couple of new pages: the update's row and search entry fit, its 40 kB of links do not.
    const pages = db.$client.pragma("page_count", { simple: true }) as number;
    db.$client.pragma(`max_page_count = ${pages + 2}`);
    const changes = () => db.$client.prepare("select total_changes()").pluck().get() as number;
    const changesBefore = changes();
    await expectUnavailable(await updatesRoute.POST(post("/api/v1/updates", bigUpdate)));
    // Rows were written before the disk filled (total_changes counts them even when rolled back): a failure part-way.
    expect(changes()).toBeGreaterThan(changesBefore);
    db.$client.pragma(`max_page_count = ${pages * 100}`);
    expect(fingerprint(db)).toBe(before);
    expect(db.$client.prepare("select count(*) from search_index").pluck().get()).toBe(searchRows);
    // The disk has room again: the same request goes through.
    expect((await updatesRoute.POST(post("/api/v1/updates", bigUpdate))).status).toBe(201);
  });
});
