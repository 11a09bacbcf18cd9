/**
 * Publishing from the editor is one step on the server: what the editor has not saved yet
 * is saved and published in one transaction, so a refused publish keeps nothing of the
 * save. Starting from the last update carries forward only open work; the editor shows the
 * last update and the numbers already recorded; open drafts are found again. Real SQLite
 * files with the demo community.
 */
import { and, desc, eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { auditEntries, metricDefinitions, teams, updateLinks, updates } from "@/db/schema";
import { createTestDatabase, fingerprint } from "@/db/testing";
import { CARRIED_FORWARD_SECTIONS, UPDATE_SECTIONS } from "@/lib/domain";
import { ConflictError, ForbiddenError, InputError } from "@/lib/errors";
import type { Actor } from "@/lib/permissions";
import type { EditorChanges } from "@/lib/validation/update";
import { editMetricValue, recordMetricValue } from "../metrics/writes";
import {
  getStartOptions,
  getUpdateForEditing,
  listLeadsOpenDrafts,
  listOpenDrafts,
  publishUpdate,
  saveUpdate,
  startUpdate,
} from "./editor";

const SYSTEM: Actor = { kind: "system", label: "test" };

let db: Db;
let cleanup: () => void;
beforeEach(() => {
  ({ db, cleanup } = createTestDatabase({ demo: true }));
});
afterEach(() => cleanup());

const docsId = () => db.select({ id: teams.id }).from(teams).where(eq(teams.slug, "docs")).get()!.id;
const lead = (leadOf: number[]): Actor => ({ kind: "person", id: "lead", name: "Lead", role: "member", leadOf });
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

describe("starting from the last update", () => {
  it("copies in progress, planned, risks and help wanted, and not last time's summary or done", () => {
    const last = db
      .select()
      .from(updates)
      .where(and(eq(updates.teamId, docsId()), eq(updates.state, "published")))
      .orderBy(desc(updates.publishedAt))
      .get()!;
    db.update(updates)
      .set({
        done: "- Shipped last time",
        summary: "Last time",
        inProgress: "- Still going",
        planned: "- Next",
        risks: "- Few reviewers",
        helpWanted: "- Review the guide",
      })
      .where(eq(updates.id, last.id))
      .run();

    const { id } = startUpdate({ actor: SYSTEM, input: { team: "docs", cycle: "10.0", prefill: true } }, db);

    const draft = row(id);
    for (const key of CARRIED_FORWARD_SECTIONS)
      expect(draft[key]).toBe(db.select().from(updates).where(eq(updates.id, last.id)).get()![key]);
    const notCarried = UPDATE_SECTIONS.map(([key]) => key).filter((key) => !CARRIED_FORWARD_SECTIONS.includes(key));
    expect(notCarried).toEqual(["summary", "done"]);
    for (const key of notCarried) expect(draft[key]).toBe("");
    expect(draft.headline).toBe("Docs update");
  });
});

describe("the editor's companions", () => {
  it("shows the team's last published update, section by section", () => {
    const last = db
      .select()
      .from(updates)
      .where(and(eq(updates.teamId, docsId()), eq(updates.state, "published")))
      .orderBy(desc(updates.publishedAt))
      .get()!;
    const { id } = startUpdate({ actor: SYSTEM, input: { team: "docs", cycle: "10.0", prefill: false } }, db);
    const editing = getUpdateForEditing({ actor: SYSTEM, id }, db)!;
    expect(editing.previousUpdate).toMatchObject({
      id: last.id,
      headline: last.headline,
      sections: { done: last.done, risks: last.risks },
    });
  });

  it("shows, for a published update, the one before it rather than itself", () => {
    const { id } = startUpdate({ actor: SYSTEM, input: { team: "docs", cycle: "10.0", prefill: false } }, db);
    const before = getUpdateForEditing({ actor: SYSTEM, id }, db)!.previousUpdate!;
    publishUpdate({ actor: SYSTEM, input: { id, expectedVersion: row(id).version, changes: null } }, db);
    expect(getUpdateForEditing({ actor: SYSTEM, id }, db)!.previousUpdate!.id).toBe(before.id);
  });

  it("shows beside each number the cycle's figure and the values it is made of, not counting this draft's own figure", () => {
    const metric = db
      .select({ id: metricDefinitions.id, key: metricDefinitions.key })
      .from(metricDefinitions)
      .where(eq(metricDefinitions.teamId, docsId()))
      .get()!;
    const { id } = startUpdate({ actor: SYSTEM, input: { team: "docs", cycle: "10.0", prefill: false } }, db);
    const { id: ci } = recordMetricValue(
      { actor: SYSTEM, input: { team: "docs", cycle: "10.0", metric: metric.key, value: 7, note: "CI" } },
      db,
    );
    saveUpdate(
      { actor: SYSTEM, input: { id, expectedVersion: row(id).version, ...typed(), metrics: [{ metricId: metric.id, value: "1000" }] } },
      db,
    );

    const editing = getUpdateForEditing({ actor: SYSTEM, id }, db)!;
    const number = editing.metrics.find((m) => m.metricId === metric.id)!;
    expect(number.value).toBe("1000");
    expect(number.figure).toEqual({
      value: 7,
      values: [expect.objectContaining({ id: ci, value: 7, note: "CI", counts: true, thisUpdate: false, source: { via: "system" } })],
    });
    expect(editing.canCorrectValues).toBe(true);
  });

  it("keeps a figure's row when a save leaves it as it was, with the note a correction gave it", () => {
    const metric = db.select({ id: metricDefinitions.id }).from(metricDefinitions).where(eq(metricDefinitions.teamId, docsId())).get()!;
    const { id } = startUpdate({ actor: SYSTEM, input: { team: "docs", cycle: "10.0", prefill: false } }, db);
    publishUpdate({ actor: SYSTEM, input: { id, expectedVersion: row(id).version, changes: typed() } }, db);
    const reported = getUpdateForEditing({ actor: SYSTEM, id }, db)!.metrics.find((m) => m.metricId === metric.id)!.figure.values[0]!;
    editMetricValue({ actor: SYSTEM, id: reported.id, input: { note: "merged PRs only" } }, db);
    saveUpdate(
      { actor: SYSTEM, input: { id, expectedVersion: row(id).version, ...typed(), metrics: [{ metricId: metric.id, value: "42" }] } },
      db,
    );
    expect(getUpdateForEditing({ actor: SYSTEM, id }, db)!.metrics.find((m) => m.metricId === metric.id)!.figure.values).toEqual([
      expect.objectContaining({ id: reported.id, value: 42, note: "merged PRs only", thisUpdate: true }),
    ]);
  });

  it("refuses a number its metric's kind cannot read, naming the field", () => {
    const metric = db.select({ id: metricDefinitions.id }).from(metricDefinitions).where(eq(metricDefinitions.teamId, docsId())).get()!;
    const { id } = startUpdate({ actor: SYSTEM, input: { team: "docs", cycle: "10.0", prefill: false } }, db);
    expect(() =>
      saveUpdate(
        { actor: SYSTEM, input: { id, expectedVersion: row(id).version, ...typed(), metrics: [{ metricId: metric.id, value: "4.5" }] } },
        db,
      ),
    ).toThrow(expect.objectContaining({ field: "metrics.0.value", message: "A count is a whole number" }));
  });
});

describe("open drafts", () => {
  it("are offered when starting an update and listed for the team's draft readers", () => {
    const { id } = startUpdate({ actor: SYSTEM, input: { team: "docs", cycle: "10.0", prefill: false } }, db);
    expect(getStartOptions({ actor: SYSTEM }, db).drafts).toContainEqual(
      expect.objectContaining({ id, teamSlug: "docs", cycleSlug: "10.0", headline: "Docs update" }),
    );
    expect(listOpenDrafts({ actor: SYSTEM, teamSlug: "docs" }, db).map((d) => d.id)).toContain(id);
    expect(() => listOpenDrafts({ actor: { kind: "anonymous" }, teamSlug: "docs" }, db)).toThrow(ForbiddenError);
  });

  it("are no longer listed once published", () => {
    const { id } = startUpdate({ actor: SYSTEM, input: { team: "docs", cycle: "10.0", prefill: false } }, db);
    publishUpdate({ actor: SYSTEM, input: { id, expectedVersion: row(id).version, changes: null } }, db);
    expect(listOpenDrafts({ actor: SYSTEM, teamSlug: "docs" }, db).map((d) => d.id)).not.toContain(id);
    expect(listLeadsOpenDrafts({ actor: lead([docsId()]) }, db).map((d) => d.id)).not.toContain(id);
  });

  it("of the teams a person leads are listed in their inbox, and nobody else's", () => {
    const { id } = startUpdate({ actor: SYSTEM, input: { team: "docs", cycle: "10.0", prefill: false } }, db);
    expect(listLeadsOpenDrafts({ actor: lead([docsId()]) }, db)).toContainEqual(
      expect.objectContaining({ id, teamName: "Docs", cycleName: "10.0" }),
    );
    const otherTeam = db.select({ id: teams.id }).from(teams).where(eq(teams.slug, "test")).get()!.id;
    expect(listLeadsOpenDrafts({ actor: lead([otherTeam]) }, db).map((d) => d.id)).not.toContain(id);
    expect(listLeadsOpenDrafts({ actor: { kind: "anonymous" } }, db)).toEqual([]);
  });
});
