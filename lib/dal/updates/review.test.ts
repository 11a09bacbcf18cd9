import { and, eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { people, teamLeads, teams, updates } from "@/db/schema";
import { createTestDatabase } from "@/db/testing";
import type { Actor } from "@/lib/permissions";
import { postUpdate } from "./writes";
import { actorForPerson } from "../identity/person-actor";
import {
  getReviewQueue,
  getReviewThread,
  markReviewed,
  openChangeRequests,
  replyToReview,
  requestChanges,
  resolveReviewComment,
} from "./review";

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
const updateOf = (slug: string) => {
  const team = db.select().from(teams).where(eq(teams.slug, slug)).get()!;
  return db
    .select()
    .from(updates)
    .where(and(eq(updates.teamId, team.id), eq(updates.state, "published")))
    .all()
    .at(-1)!;
};

describe("the review queue", () => {
  it("lists the unreviewed 10.0 updates, the release manager's own teams first, and teams due since the last passed milestone", () => {
    const queue = getReviewQueue({ actor: rm(), cycle: "10.0", now: Date.parse("2024-05-20T12:00:00Z") }, db)!;
    expect(queue.unreviewed).toHaveLength(6);
    expect(queue.unreviewed.every((u) => u.shepherded)).toBe(true);
    // Spec freeze (15 May) has passed and every update is from April: all six are due.
    expect(queue.due.reason).toBe("since Spec freeze (2024-05-15)");
    expect(queue.due.teams).toHaveLength(6);
    expect(getReviewQueue({ actor: rm(), cycle: "10.0", now: Date.parse("2024-04-18T12:00:00Z") }, db)!.due).toEqual({
      reason: "in the last 30 days",
      teams: [],
    });
  });

  it("moves an update through changes requested, a reply, resolution and review", () => {
    const update = updateOf("containers");
    requestChanges({ actor: rm(), input: { updateId: update.id, body: "Add the Kubernetes versions you test against." } }, db);
    expect(openChangeRequests({ actor: leadOf("containers"), teamSlug: "containers" }, db).map((r) => r.updateId)).toEqual([update.id]);
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
    expect(openChangeRequests({ actor: leadOf("containers"), teamSlug: "containers" }, db)).toEqual([]);
    markReviewed({ actor: rm(), updateId: update.id }, db);
    expect(getReviewQueue({ actor: rm(), cycle: "10.0", now: Date.now() }, db)!.unreviewed.map((u) => u.teamSlug)).not.toContain(
      "containers",
    );
  });

  it("shows each team's newest unreviewed update once, counting the earlier ones it speaks for", () => {
    const before = getReviewQueue({ actor: rm(), cycle: "10.0", now: Date.now() }, db)!.unreviewed.find((u) => u.teamSlug === "docs")!;
    const newer = postUpdate(
      {
        actor: leadOf("docs"),
        input: {
          team: "docs",
          cycle: "10.0",
          gathering: null,
          headline: "Docs, a week later",
          health: "on_track",
          summary: "",
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
    const docs = getReviewQueue({ actor: rm(), cycle: "10.0", now: Date.now() }, db)!.unreviewed.filter((u) => u.teamSlug === "docs");
    expect(docs.map((u) => [u.id, u.earlierInSameState])).toEqual([[newer.id, before.earlierInSameState + 1]]);
  });

  it("keeps another team's lead out of the thread", () => {
    expect(() => getReviewThread({ actor: leadOf("docs"), updateId: updateOf("containers").id }, db)).toThrow(/Not allowed/);
  });
});
