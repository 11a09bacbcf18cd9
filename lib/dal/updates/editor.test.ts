/**
 * Publishing from the editor is one step on the server: what the editor has not saved yet
 * is saved and published in one transaction, so a refused publish keeps nothing of the
 * save. Real SQLite files with the demo community.
 */
import { and, eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { auditEntries, metricDefinitions, teams, updateLinks, updates } from "@/db/schema";
import { createTestDatabase, fingerprint } from "@/db/testing";
import { ConflictError, InputError } from "@/lib/errors";
import type { Actor } from "@/lib/permissions";
import type { EditorChanges } from "@/lib/validation/update";
import { publishUpdate, startUpdate } from "./editor";

const SYSTEM: Actor = { kind: "system", label: "test" };

let db: Db;
let cleanup: () => void;
beforeEach(() => {
  ({ db, cleanup } = createTestDatabase({ demo: true }));
});
afterEach(() => cleanup());

const docsId = () => db.select({ id: teams.id }).from(teams).where(eq(teams.slug, "docs")).get()!.id;
const row = (id: number) => db.select().from(updates).where(eq(updates.id, id)).get()!;

/** What the editor holds after the lead typed: a new headline, a link and one of the team's numbers. */
function typed(): EditorChanges {
  const metric = db.select({ id: metricDefinitions.id }).from(metricDefinitions).where(eq(metricDefinitions.teamId, docsId())).get()!;
  return {
    gatheringSlug: null,
    content: {
      headline: "Install guide rewritten",
      health: "at_risk",
      summary: "Typed, not saved yet",
      done: "",
      inProgress: "",
      planned: "",
      risks: "",
      helpWanted: "",
      privateNote: "",
    },
    links: [{ label: "Guide", url: "https://docs.example.org/install" }],
    metrics: [{ metricId: metric.id, value: 42 }],
  };
}

describe("publishing from the editor", () => {
  it("saves what the editor holds and publishes it as one change", () => {
    const { id } = startUpdate({ actor: SYSTEM, input: { team: "docs", cycle: "10.0", prefill: false } }, db);
    const { version } = publishUpdate({ actor: SYSTEM, input: { id, expectedVersion: row(id).version, changes: typed() } }, db);

    expect(row(id)).toMatchObject({ state: "published", headline: "Install guide rewritten", summary: "Typed, not saved yet", version });
    expect(db.select({ url: updateLinks.url }).from(updateLinks).where(eq(updateLinks.updateId, id)).all()).toEqual([
      { url: "https://docs.example.org/install" },
    ]);
    const audited = db
      .select({ action: auditEntries.action })
      .from(auditEntries)
      .where(and(eq(auditEntries.entityType, "update"), eq(auditEntries.entityId, String(id))))
      .all();
    expect(audited.map((a) => a.action)).toEqual(["update.start", "update.publish"]);
  });

  it("publishes a draft with nothing left to save without saving it again", () => {
    const { id } = startUpdate({ actor: SYSTEM, input: { team: "docs", cycle: "10.0", prefill: false } }, db);
    const before = row(id);
    publishUpdate({ actor: SYSTEM, input: { id, expectedVersion: before.version, changes: null } }, db);
    expect(row(id)).toMatchObject({ state: "published", headline: before.headline, version: before.version + 1 });
  });

  it("keeps nothing of the save when publishing is refused", () => {
    const published = db
      .select()
      .from(updates)
      .where(and(eq(updates.teamId, docsId()), eq(updates.state, "published")))
      .get()!;
    const before = fingerprint(db);
    expect(() =>
      publishUpdate({ actor: SYSTEM, input: { id: published.id, expectedVersion: published.version, changes: typed() } }, db),
    ).toThrow(InputError);
    expect(fingerprint(db)).toBe(before);
  });

  it("keeps nothing of the save when someone saved meanwhile", () => {
    const { id } = startUpdate({ actor: SYSTEM, input: { team: "docs", cycle: "10.0", prefill: false } }, db);
    const before = fingerprint(db);
    expect(() => publishUpdate({ actor: SYSTEM, input: { id, expectedVersion: row(id).version + 1, changes: typed() } }, db)).toThrow(
      ConflictError,
    );
    expect(fingerprint(db)).toBe(before);
  });
});
