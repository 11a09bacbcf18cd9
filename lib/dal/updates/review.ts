/** Release managers' review of updates, and the comment thread leads answer and resolve. */
import "server-only";
import { and, asc, count, desc, eq, inArray, isNull, lt, lte, or, sql } from "drizzle-orm";
import { getDb, type Db, type Tx } from "@/db/client";
import { communitySettings, milestones, people, releaseCycles, reviewComments, roadmapItems, teams, updates } from "@/db/schema";
import type { Health, ReviewState } from "@/lib/domain";
import { InputError, NotFoundError } from "@/lib/errors";
import { assertCan, can, type Actor } from "@/lib/permissions";
import type { ReplyInput, RequestChangesInput } from "@/lib/validation/review";
import { recordAudit } from "../audit/audit";
import { invalidate, tags } from "../cache/cache";
import { readAtRisk, readCycleHelpWanted, readCycleSummary } from "../cycles/reads";
import { latestPublishedUpdateId } from "./visibility";

const DAY = 86_400_000;

export interface QueueUpdate {
  id: number;
  teamSlug: string;
  teamName: string;
  headline: string;
  health: Health;
  publishedAt: number;
  reviewState: ReviewState;
  shepherded: boolean;
  openRequests: number;
  /** Older updates of the same team in this cycle in the same review state: the newest speaks for them. */
  earlierInSameState: number;
}

/**
 * When a team's update counts as due: since the last milestone that has passed, or,
 * before any has, for longer than the site's "stale after" days.
 */
export function dueSince(db: Db, cycleId: number, now: number): { since: number; reason: string } {
  const today = new Date(now).toISOString().slice(0, 10);
  const passed = db
    .select({ name: milestones.name, dueOn: milestones.dueOn })
    .from(milestones)
    .where(and(eq(milestones.cycleId, cycleId), lte(milestones.dueOn, today)))
    .orderBy(desc(milestones.dueOn))
    .get();
  if (passed) return { since: new Date(`${passed.dueOn}T00:00:00Z`).getTime(), reason: `since ${passed.name} (${passed.dueOn})` };
  const days =
    db.select({ days: communitySettings.staleUpdateDays }).from(communitySettings).where(eq(communitySettings.id, 1)).get()?.days ?? 30;
  return { since: now - days * DAY, reason: `in the last ${days} days` };
}

/** Teams with no published update since `since` in the cycle. */
export function teamsDue(db: Db, cycleId: number, since: number) {
  return db
    .select({ id: teams.id, slug: teams.slug, name: teams.name, shepherdId: teams.shepherdId, publishedAt: updates.publishedAt })
    .from(teams)
    .leftJoin(updates, eq(updates.id, latestPublishedUpdateId(teams.id, cycleId)))
    .where(and(eq(teams.archived, false), or(isNull(updates.publishedAt), lt(updates.publishedAt, new Date(since)))))
    .orderBy(asc(teams.sortOrder))
    .all()
    .map(({ publishedAt, ...team }) => ({ ...team, lastPublishedAt: publishedAt?.getTime() ?? null }));
}

export function getReviewQueue({ actor, cycle, now }: { actor: Actor; cycle: string; now: number }, db: Db = getDb()) {
  assertCan(actor, "update.review");
  const summary = readCycleSummary(db, cycle);
  if (!summary) return null;
  const cycleId = summary.id;
  const shepherdedIds = new Set(
    actor.kind === "person"
      ? db
          .select({ id: teams.id })
          .from(teams)
          .where(eq(teams.shepherdId, actor.id))
          .all()
          .map((t) => t.id)
      : [],
  );
  // One entry per team and review state: its newest update, counting the earlier ones it speaks for.
  const waiting = db
    .select({ teamId: updates.teamId, reviewState: updates.reviewState, count: count().as("count") })
    .from(updates)
    .where(
      and(eq(updates.cycleId, cycleId), eq(updates.state, "published"), inArray(updates.reviewState, ["unreviewed", "changes_requested"])),
    )
    .groupBy(updates.teamId, updates.reviewState)
    .as("waiting");
  const newest = sql`(select u.id from ${updates} u where u.cycle_id = ${cycleId} and u.team_id = ${waiting.teamId} and u.state = 'published' and u.review_state = ${waiting.reviewState} order by u.published_at desc, u.id desc limit 1)`;
  const rows = db
    .select({
      id: updates.id,
      teamId: teams.id,
      teamSlug: teams.slug,
      teamName: teams.name,
      headline: updates.headline,
      health: updates.health,
      publishedAt: updates.publishedAt,
      reviewState: waiting.reviewState,
      inState: waiting.count,
      openRequests: sql<number>`(select count(*) from ${reviewComments} c where c.update_id = ${updates.id} and c.requests_changes = 1 and c.resolved_at is null)`,
    })
    .from(waiting)
    .innerJoin(updates, eq(updates.id, newest))
    .innerJoin(teams, eq(teams.id, waiting.teamId))
    .orderBy(asc(teams.sortOrder), desc(updates.publishedAt))
    .all();
  const toQueue = (r: (typeof rows)[number]): QueueUpdate => ({
    id: r.id,
    teamSlug: r.teamSlug,
    teamName: r.teamName,
    headline: r.headline,
    health: r.health,
    publishedAt: r.publishedAt?.getTime() ?? 0,
    reviewState: r.reviewState,
    shepherded: shepherdedIds.has(r.teamId),
    openRequests: r.openRequests,
    earlierInSameState: r.inState - 1,
  });
  // The signed-in release manager's own teams first.
  const byShepherd = (a: QueueUpdate, b: QueueUpdate) => Number(b.shepherded) - Number(a.shepherded);
  const due = dueSince(db, cycleId, now);
  const cycles = db
    .select({ slug: releaseCycles.slug, name: releaseCycles.name })
    .from(releaseCycles)
    .orderBy(desc(releaseCycles.startsOn))
    .all();
  return {
    cycle: summary,
    cycles,
    unreviewed: rows
      .filter((r) => r.reviewState === "unreviewed")
      .map(toQueue)
      .sort(byShepherd),
    changesRequested: rows
      .filter((r) => r.reviewState === "changes_requested")
      .map(toQueue)
      .sort(byShepherd),
    due: {
      reason: due.reason,
      teams: teamsDue(db, cycleId, due.since).map((t) => ({
        slug: t.slug,
        name: t.name,
        lastPublishedAt: t.lastPublishedAt,
        shepherded: shepherdedIds.has(t.id),
      })),
    },
    atRisk: readAtRisk(db, cycleId),
    slipping: db
      .select({ id: roadmapItems.id, title: roadmapItems.title, teamName: teams.name, teamSlug: teams.slug })
      .from(roadmapItems)
      .innerJoin(teams, eq(teams.id, roadmapItems.teamId))
      .where(and(eq(roadmapItems.cycleId, cycleId), eq(roadmapItems.status, "deferred")))
      .all(),
    helpWanted: readCycleHelpWanted(db, cycleId),
  };
}

function updateOf(db: Db | Tx, updateId: number) {
  const update = db
    .select({ id: updates.id, teamId: updates.teamId, cycleId: updates.cycleId, reviewState: updates.reviewState, state: updates.state })
    .from(updates)
    .where(eq(updates.id, updateId))
    .get();
  if (!update) throw new NotFoundError("Update");
  return update;
}

function setReviewState(db: Db, actor: Actor, updateId: number, reviewState: ReviewState, comment?: string) {
  assertCan(actor, "update.review");
  const update = db.transaction((tx) => {
    const current = updateOf(tx, updateId);
    if (current.state !== "published") throw new InputError("updateId", "Only a published update can be reviewed");
    tx.update(updates).set({ reviewState }).where(eq(updates.id, updateId)).run();
    if (comment) {
      tx.insert(reviewComments)
        .values({ updateId, authorId: actor.kind === "person" ? actor.id : null, body: comment, requestsChanges: true })
        .run();
    }
    recordAudit(tx, actor, {
      action: `update.${reviewState === "reviewed" ? "mark_reviewed" : "request_changes"}`,
      entityType: "update",
      entityId: updateId,
      before: { reviewState: current.reviewState },
      after: { reviewState, ...(comment ? { comment } : {}) },
    });
    return current;
  });
  invalidate(tags.update(updateId), tags.team(update.teamId));
}

export function markReviewed({ actor, updateId }: { actor: Actor; updateId: number }, db: Db = getDb()): void {
  setReviewState(db, actor, updateId, "reviewed");
}

export function requestChanges({ actor, input }: { actor: Actor; input: RequestChangesInput }, db: Db = getDb()): void {
  setReviewState(db, actor, input.updateId, "changes_requested", input.body);
}

/** A reply in the thread: by a release manager, or by a lead of the update's team. */
export function replyToReview({ actor, input }: { actor: Actor; input: ReplyInput }, db: Db = getDb()): void {
  db.transaction((tx) => {
    const update = updateOf(tx, input.updateId);
    const parent =
      input.replyToId === null
        ? null
        : tx
            .select({ releaseManagersOnly: reviewComments.releaseManagersOnly })
            .from(reviewComments)
            .where(and(eq(reviewComments.id, input.replyToId), eq(reviewComments.updateId, input.updateId)))
            .get();
    assertCan(actor, "update.reply", {
      teamId: update.teamId,
      releaseManagersOnly: input.releaseManagersOnly || Boolean(parent?.releaseManagersOnly),
    });
    if (parent === undefined) throw new InputError("replyToId", "That comment is not on this update");
    tx.insert(reviewComments)
      .values({
        updateId: input.updateId,
        authorId: actor.kind === "person" ? actor.id : null,
        replyToId: input.replyToId,
        body: input.body,
        releaseManagersOnly: input.releaseManagersOnly,
      })
      .run();
    recordAudit(tx, actor, { action: "review.reply", entityType: "update", entityId: input.updateId, after: { body: input.body } });
  });
}

export function resolveReviewComment({ actor, commentId }: { actor: Actor; commentId: number }, db: Db = getDb()): void {
  db.transaction((tx) => {
    const comment = tx
      .select({
        id: reviewComments.id,
        updateId: reviewComments.updateId,
        resolvedAt: reviewComments.resolvedAt,
        releaseManagersOnly: reviewComments.releaseManagersOnly,
      })
      .from(reviewComments)
      .where(eq(reviewComments.id, commentId))
      .get();
    if (!comment) throw new NotFoundError("Comment");
    const update = updateOf(tx, comment.updateId);
    assertCan(actor, "update.reply", { teamId: update.teamId, releaseManagersOnly: comment.releaseManagersOnly });
    if (comment.resolvedAt) return;
    tx.update(reviewComments)
      .set({ resolvedAt: new Date(), resolvedById: actor.kind === "person" ? actor.id : null })
      .where(eq(reviewComments.id, commentId))
      .run();
    recordAudit(tx, actor, { action: "review.resolve", entityType: "update", entityId: comment.updateId, after: { commentId } });
  });
}

export interface ThreadComment {
  id: number;
  replyToId: number | null;
  author: string | null;
  body: string;
  requestsChanges: boolean;
  releaseManagersOnly: boolean;
  resolved: boolean;
  createdAt: number;
}

/** The review thread of an update, as the actor may see it (leads never see release-manager-only notes). */
export function getReviewThread({ actor, updateId }: { actor: Actor; updateId: number }, db: Db = getDb()) {
  const update = updateOf(db, updateId);
  assertCan(actor, "update.reply", { teamId: update.teamId });
  const managers = can(actor, "update.review");
  const comments = db
    .select({
      id: reviewComments.id,
      replyToId: reviewComments.replyToId,
      author: people.name,
      body: reviewComments.body,
      requestsChanges: reviewComments.requestsChanges,
      releaseManagersOnly: reviewComments.releaseManagersOnly,
      resolvedAt: reviewComments.resolvedAt,
      createdAt: reviewComments.createdAt,
    })
    .from(reviewComments)
    .leftJoin(people, eq(people.id, reviewComments.authorId))
    .where(and(eq(reviewComments.updateId, updateId), managers ? undefined : eq(reviewComments.releaseManagersOnly, false)))
    .orderBy(asc(reviewComments.createdAt), asc(reviewComments.id))
    .all();
  return {
    updateId,
    reviewState: update.reviewState,
    canReview: managers,
    comments: comments.map(({ resolvedAt, createdAt, ...c }): ThreadComment => ({
      ...c,
      resolved: resolvedAt !== null,
      createdAt: createdAt.getTime(),
    })),
  };
}

/** A team's updates with change requests still open, for its leads' team page. */
export function openChangeRequests({ actor, teamSlug }: { actor: Actor; teamSlug: string }, db: Db = getDb()) {
  const team = db.select({ id: teams.id }).from(teams).where(eq(teams.slug, teamSlug)).get();
  if (!team) throw new NotFoundError("Team");
  assertCan(actor, "update.reply", { teamId: team.id });
  return db
    .selectDistinct({ updateId: updates.id, headline: updates.headline })
    .from(reviewComments)
    .innerJoin(updates, eq(updates.id, reviewComments.updateId))
    .where(
      and(
        eq(updates.teamId, team.id),
        eq(reviewComments.requestsChanges, true),
        isNull(reviewComments.resolvedAt),
        eq(reviewComments.releaseManagersOnly, false),
      ),
    )
    .all();
}
