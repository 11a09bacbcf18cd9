import { and, desc, eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { auditEntries, people, reviewComments, teamLeads, teams, updates } from "@/db/schema";
import { createTestDatabase } from "@/db/testing";
import { InputError } from "@/lib/errors";
import type { Actor } from "@/lib/permissions";
import { postUpdate } from "./writes";
import { actorForPerson } from "../identity/person-actor";
import {
  askForAnotherLook,
  changeRequestOf,
  getReviewQueue,
  getReviewThread,
  markReviewed,
  openChangeRequests,
  replyToReview,
  requestChanges,
  resolveReviewComment,
  undoReviewDecision,
} from "./review";
import { getReviewReading } from "./review-reading";

let db: Db;
let cleanup: () => void;
beforeEach(() => {
  ({ db, cleanup } = createTestDatabase({ demo: true }));
});
afterEach(() => cleanup());

const rm = () => actorForPerson(db, db.select().from(people).where(eq(people.role, "release_manager")).get()!.id);
const leadOf = (slug: string): Actor => {
  const team = db.select().from(teams).where(eq(teams.slug, slug)).get()!;
  return actorForPerson(db, db.select().from(teamLeads).where(eq(teamLeads.teamId, team.id)).get()!.personId);
};
/** The team's latest published update of 10.0: the one its queue entry acts on. */
const latestOf = (slug: string) => {
  const team = db.select().from(teams).where(eq(teams.slug, slug)).get()!;
  return db
    .select()
    .from(updates)
    .where(and(eq(updates.teamId, team.id), eq(updates.state, "published")))
    .orderBy(desc(updates.publishedAt), desc(updates.id))
    .get()!;
};
const queue = () => getReviewQueue({ actor: rm(), cycle: "10.0", now: Date.now() }, db)!;
const entryOf = (slug: string) => queue().entries.find((e) => e.teamSlug === slug);
const post = (slug: string, headline: string, summary = "") =>
  postUpdate(
    {
      actor: leadOf(slug),
      input: {
        team: slug,
        cycle: "10.0",
        gathering: null,
        headline,
        health: "on_track",
        summary,
        done: "",
        inProgress: "",
        planned: "",
        risks: "",
        helpWanted: "",
        privateNote: "",
        links: [],
        publish: true,
      },
    },
    db,
  );
const refusal = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    if (error instanceof InputError) return error.message;
    throw error;
  }
  throw new Error("not refused");
};

describe("the review queue", () => {
  it("lists one entry per team waiting in 10.0, the release manager's own teams first, and teams due since the last passed milestone", () => {
    const q = getReviewQueue({ actor: rm(), cycle: "10.0", now: Date.parse("2024-05-20T12:00:00Z") }, db)!;
    expect(q.entries).toHaveLength(6);
    expect(new Set(q.entries.map((e) => e.teamSlug)).size).toBe(6);
    expect(q.entries.every((e) => e.shepherded && e.status === "unreviewed")).toBe(true);
    // Spec freeze (15 May) has passed and every update is from April: all six are due.
    expect(q.due.reason).toBe("since Spec freeze (2024-05-15)");
    expect(q.due.teams).toHaveLength(6);
    expect(getReviewQueue({ actor: rm(), cycle: "10.0", now: Date.parse("2024-04-18T12:00:00Z") }, db)!.due).toEqual({
      reason: "in the last 30 days",
      teams: [],
    });
  });

  it("folds a team's superseded updates into its latest one and counts them, until the latest is reviewed", () => {
    const first = entryOf("docs")!;
    const second = post("docs", "Docs, a week later");
    const third = post("docs", "Docs, two weeks later");
    const docs = queue().entries.filter((e) => e.teamSlug === "docs");
    expect(docs.map((e) => [e.id, e.earlier])).toEqual([[third.id, first.earlier + 2]]);
    expect(second.id).toBeLessThan(third.id);

    markReviewed({ actor: rm(), input: { updateId: third.id, seen: "unreviewed" } }, db);
    expect(entryOf("docs")).toBeUndefined();
    const fourth = post("docs", "Docs, three weeks later");
    expect(entryOf("docs")).toMatchObject({ id: fourth.id, earlier: 0, base: { id: third.id, headline: "Docs, two weeks later" } });
  });

  it("reads an update inline as a word diff against the team's last reviewed update", () => {
    const reviewed = post("docs", "Docs moving", "The build guide is half done.");
    markReviewed({ actor: rm(), input: { updateId: reviewed.id, seen: "unreviewed" } }, db);
    const next = post("docs", "Docs moving", "The build guide is done.");
    const reading = getReviewReading({ actor: rm(), updateId: next.id }, db);
    expect(reading.base).toEqual({ id: reviewed.id, headline: "Docs moving" });
    expect(reading.changed.map((f) => f.label)).toEqual(["Summary"]);
    expect(reading.changed[0]!.diff!.filter((part) => part.removed).map((part) => part.value.trim())).toEqual(["half"]);
    expect(reading.unchanged).toContain("Headline");
    expect(() => getReviewReading({ actor: leadOf("docs"), updateId: next.id }, db)).toThrow(/Not allowed/);
  });

  it("keeps each page bounded, with every team once across the pages", () => {
    for (let i = 0; i < 25; i++)
      db.insert(teams)
        .values({ slug: `extra-${i}`, name: `Extra ${i}`, sortOrder: 100 + i })
        .run();
    const cycleId = latestOf("docs").cycleId;
    const extra = db.select({ id: teams.id }).from(teams).all().slice(-25);
    for (const [i, team] of extra.entries())
      db.insert(updates)
        .values({
          teamId: team.id,
          cycleId,
          headline: `Extra ${i}`,
          health: "on_track",
          state: "published",
          publishedAt: new Date(Date.parse("2024-04-20T00:00:00Z") + i),
        })
        .run();
    const first = getReviewQueue({ actor: rm(), cycle: "10.0", now: Date.now() }, db)!;
    const second = getReviewQueue({ actor: rm(), cycle: "10.0", now: Date.now(), page: 2 }, db)!;
    expect([first.total, first.pages, first.entries.length, second.entries.length]).toEqual([31, 2, 20, 11]);
    expect(new Set([...first.entries, ...second.entries].map((e) => e.teamSlug)).size).toBe(31);
  });
});

describe("decisions", () => {
  it("moves an update through changes requested, a reply, resolution and review", () => {
    const update = latestOf("containers");
    requestChanges(
      { actor: rm(), input: { updateId: update.id, seen: "unreviewed", body: "Add the Kubernetes versions you test against." } },
      db,
    );
    expect(openChangeRequests({ actor: leadOf("containers"), teamSlug: "containers" }, db)).toEqual([
      {
        updateId: update.id,
        headline: update.headline,
        comments: ["Add the Kubernetes versions you test against."],
        anotherLookAsked: false,
      },
    ]);
    replyToReview({ actor: rm(), input: { updateId: update.id, replyToId: null, body: "Note for RMs", releaseManagersOnly: true } }, db);
    replyToReview(
      {
        actor: leadOf("containers"),
        input: { updateId: update.id, replyToId: null, body: "Added 1.28 and 1.29.", releaseManagersOnly: false },
      },
      db,
    );

    const asLead = getReviewThread({ actor: leadOf("containers"), updateId: update.id }, db);
    expect(asLead.comments.map((c) => c.body)).toEqual(["Add the Kubernetes versions you test against.", "Added 1.28 and 1.29."]);
    expect(getReviewThread({ actor: rm(), updateId: update.id }, db).comments).toHaveLength(3);

    resolveReviewComment({ actor: leadOf("containers"), commentId: asLead.comments[0]!.id }, db);
    markReviewed({ actor: rm(), input: { updateId: update.id, seen: "changes_requested" } }, db);
    expect(openChangeRequests({ actor: leadOf("containers"), teamSlug: "containers" }, db)).toEqual([]);
    expect(entryOf("containers")).toBeUndefined();
  });

  it("refuses a decision on an update a newer one replaced, naming the newer one", () => {
    const shown = latestOf("docs");
    const newer = post("docs", "Docs, rewritten");
    expect(refusal(() => markReviewed({ actor: rm(), input: { updateId: shown.id, seen: "unreviewed" } }, db))).toBe(
      `Not saved: a newer update (“Docs, rewritten”) replaced “${shown.headline}”. Reload the queue to review the newer one.`,
    );
    expect(db.select().from(updates).where(eq(updates.id, shown.id)).get()!.reviewState).toBe("unreviewed");
    expect(db.select().from(updates).where(eq(updates.id, newer.id)).get()!.reviewState).toBe("unreviewed");
  });

  it("refuses a decision when someone else decided since the page was loaded", () => {
    const shown = latestOf("docs");
    requestChanges({ actor: rm(), input: { updateId: shown.id, seen: "unreviewed", body: "Numbers, please." } }, db);
    expect(refusal(() => markReviewed({ actor: rm(), input: { updateId: shown.id, seen: "unreviewed" } }, db))).toMatch(
      /is now waiting on changes; someone decided since you loaded the page/,
    );
    expect(db.select().from(updates).where(eq(updates.id, shown.id)).get()!.reviewState).toBe("changes_requested");
  });

  it("undoes a decision in one audited step, and only once", () => {
    const shown = latestOf("docs");
    markReviewed({ actor: rm(), input: { updateId: shown.id, seen: "unreviewed" } }, db);
    expect(undoReviewDecision({ actor: rm(), input: { updateId: shown.id } }, db)).toEqual({
      reviewState: "unreviewed",
      status: "unreviewed",
      canUndo: false,
    });
    expect(db.select().from(updates).where(eq(updates.id, shown.id)).get()!.reviewState).toBe("unreviewed");
    const audit = db
      .select()
      .from(auditEntries)
      .where(eq(auditEntries.entityId, String(shown.id)))
      .all()
      .map((a) => [a.action, a.before?.reviewState, a.after?.reviewState]);
    expect(audit).toEqual([
      ["update.mark_reviewed", "unreviewed", "reviewed"],
      ["update.undo_review", "reviewed", "unreviewed"],
    ]);
    expect(refusal(() => undoReviewDecision({ actor: rm(), input: { updateId: shown.id } }, db))).toBe(
      `There is no decision on “${shown.headline}” to undo.`,
    );
    expect(() => undoReviewDecision({ actor: leadOf("docs"), input: { updateId: shown.id } }, db)).toThrow(/Not allowed/);
  });

  it("undoes a change request: its comment goes and the lead's earlier ask for another look comes back", () => {
    const shown = latestOf("docs");
    requestChanges({ actor: rm(), input: { updateId: shown.id, seen: "unreviewed", body: "First round." } }, db);
    askForAnotherLook({ actor: leadOf("docs"), input: { updateId: shown.id } }, db);
    requestChanges({ actor: rm(), input: { updateId: shown.id, seen: "changes_requested", body: "Second round." } }, db);
    expect(entryOf("docs")!.status).toBe("changes_requested");

    expect(undoReviewDecision({ actor: rm(), input: { updateId: shown.id } }, db).status).toBe("lead_replied");
    expect(entryOf("docs")!.status).toBe("lead_replied");
    expect(
      db
        .select({ body: reviewComments.body })
        .from(reviewComments)
        .where(eq(reviewComments.updateId, shown.id))
        .all()
        .map((c) => c.body),
    ).toEqual(["First round."]);
  });

  it("will not undo a change request the thread has moved on from", () => {
    const shown = latestOf("docs");
    requestChanges({ actor: rm(), input: { updateId: shown.id, seen: "unreviewed", body: "Numbers, please." } }, db);
    replyToReview(
      { actor: leadOf("docs"), input: { updateId: shown.id, replyToId: null, body: "Added.", releaseManagersOnly: false } },
      db,
    );
    expect(refusal(() => undoReviewDecision({ actor: rm(), input: { updateId: shown.id } }, db))).toMatch(/the thread on .* has moved on/);
    expect(db.select().from(updates).where(eq(updates.id, shown.id)).get()!.reviewState).toBe("changes_requested");
  });

  it("keeps another team's lead out of the thread", () => {
    expect(() => getReviewThread({ actor: leadOf("docs"), updateId: latestOf("containers").id }, db)).toThrow(/Not allowed/);
  });
});

describe("asking for another look", () => {
  it("shows the lead the request's text, records the ask, and shows the queue that the lead replied", () => {
    const shown = latestOf("docs");
    requestChanges({ actor: rm(), input: { updateId: shown.id, seen: "unreviewed", body: "Say which guides moved." } }, db);
    expect(changeRequestOf({ actor: leadOf("docs"), updateId: shown.id }, db)).toEqual({
      updateId: shown.id,
      headline: shown.headline,
      comments: ["Say which guides moved."],
      anotherLookAsked: false,
    });

    askForAnotherLook({ actor: leadOf("docs"), input: { updateId: shown.id } }, db);
    expect(changeRequestOf({ actor: leadOf("docs"), updateId: shown.id }, db)!.anotherLookAsked).toBe(true);
    expect(queue().entries[0]).toMatchObject({ teamSlug: "docs", status: "lead_replied" });
    expect(
      db
        .select({ action: auditEntries.action })
        .from(auditEntries)
        .all()
        .map((a) => a.action),
    ).toContain("update.ask_another_look");
    expect(refusal(() => askForAnotherLook({ actor: leadOf("docs"), input: { updateId: shown.id } }, db))).toMatch(/already asked/);

    markReviewed({ actor: rm(), input: { updateId: shown.id, seen: "changes_requested" } }, db);
    expect(db.select().from(updates).where(eq(updates.id, shown.id)).get()!.anotherLookAskedAt).toBeNull();
    expect(changeRequestOf({ actor: leadOf("docs"), updateId: shown.id }, db)).toBeNull();
  });

  it("is for the team's leads, and only while changes are requested", () => {
    const shown = latestOf("docs");
    expect(refusal(() => askForAnotherLook({ actor: leadOf("docs"), input: { updateId: shown.id } }, db))).toMatch(
      /has no change request waiting/,
    );
    requestChanges({ actor: rm(), input: { updateId: shown.id, seen: "unreviewed", body: "More." } }, db);
    expect(() => askForAnotherLook({ actor: leadOf("containers"), input: { updateId: shown.id } }, db)).toThrow(/Not allowed/);
  });
});
