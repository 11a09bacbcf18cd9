/** Release managers' review of updates, and the comment thread leads answer and resolve. */
import "server-only";
import { and, asc, desc, eq, gt, inArray, isNull, lt, lte, or, sql, type SQL } from "drizzle-orm";
import { getDb, type Db, type Tx } from "@/db/client";
import {
  auditEntries,
  communitySettings,
  milestones,
  people,
  releaseCycles,
  reviewComments,
  roadmapItems,
  teams,
  updates,
} from "@/db/schema";
import type { Health, ReviewState } from "@/lib/domain";
import { InputError, NotFoundError } from "@/lib/errors";
import { assertCan, can, type Actor } from "@/lib/permissions";
import type { AnotherLookInput, MarkReviewedInput, ReplyInput, RequestChangesInput, UndoDecisionInput } from "@/lib/validation/review";
import { recordAudit } from "../audit/audit";
import { invalidate, tags } from "../cache/cache";
import { readAtRisk, readCycleHelpWanted, readCycleSummary } from "../cycles/reads";
import { actorForPerson } from "../identity/person-actor";
import { notify, type Audience } from "../notifications/notify";
import { latestPublishedUpdateId } from "./visibility";

const DAY = 86_400_000;

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

/** Entries on one page of the queue: one per team, so the page stays small however many updates wait. */
export const QUEUE_PAGE_SIZE = 20;

/** Where a team's latest update stands, as the queue shows it. */
export type QueueStatus = "lead_replied" | "unreviewed" | "changes_requested" | "reviewed";

export interface QueueEntry {
  /** The update the entry's buttons act on: the team's latest published update of the cycle. */
  id: number;
  teamSlug: string;
  teamName: string;
  headline: string;
  health: Health;
  publishedAt: number;
  reviewState: ReviewState;
  status: QueueStatus;
  shepherded: boolean;
  openRequests: number;
  /** Earlier updates of the cycle published since the team's last reviewed one: the latest speaks for them. */
  earlier: number;
  /** The team's last reviewed update before this one, which the reading compares against. */
  base: { id: number; headline: string } | null;
}

export const queueStatus = (reviewState: ReviewState, anotherLookAskedAt: Date | number | null): QueueStatus =>
  reviewState === "changes_requested" && anotherLookAskedAt !== null ? "lead_replied" : reviewState;

const STATUS_ORDER: Record<QueueStatus, number> = { lead_replied: 0, unreviewed: 1, changes_requested: 2, reviewed: 3 };

/**
 * One entry per team whose latest published update of the cycle waits on a release manager
 * or its team; older updates fold into it. A team's whole history never reaches the page:
 * each entry is a few index seeks (updates_team_idx, updates_cycle_team_idx).
 */
function readQueueEntries(db: Db, cycleId: number, shepherdedIds: Set<number>): QueueEntry[] {
  const latestId = latestPublishedUpdateId(teams.id, cycleId);
  const lastReviewed = (column: SQL) =>
    sql`(select ${column} from ${updates} b where b.team_id = ${teams.id} and b.state = 'published' and b.review_state = 'reviewed' and b.published_at < ${updates.publishedAt} order by b.published_at desc, b.id desc limit 1)`;
  const earlier = sql<number>`(select count(*) from ${updates} e where e.team_id = ${teams.id} and e.cycle_id = ${cycleId} and e.state = 'published' and e.published_at > coalesce(${lastReviewed(sql`b.published_at`)}, 0) and e.id <> ${updates.id})`;
  const rows = db
    .select({
      id: updates.id,
      teamId: teams.id,
      teamSlug: teams.slug,
      teamName: teams.name,
      sortOrder: teams.sortOrder,
      headline: updates.headline,
      health: updates.health,
      publishedAt: updates.publishedAt,
      reviewState: updates.reviewState,
      anotherLookAskedAt: updates.anotherLookAskedAt,
      baseId: sql<number | null>`${lastReviewed(sql`b.id`)}`,
      earlier,
      openRequests: sql<number>`(select count(*) from ${reviewComments} c where c.update_id = ${updates.id} and c.requests_changes = 1 and c.resolved_at is null)`,
    })
    .from(teams)
    .innerJoin(updates, eq(updates.id, latestId))
    .where(inArray(updates.reviewState, ["unreviewed", "changes_requested"]))
    .all();
  const baseIds = rows.flatMap((r) => (r.baseId === null ? [] : [r.baseId]));
  const bases = new Map(
    baseIds.length === 0
      ? []
      : db
          .select({ id: updates.id, headline: updates.headline })
          .from(updates)
          .where(inArray(updates.id, baseIds))
          .all()
          .map((b) => [b.id, b]),
  );
  return rows
    .map((r): QueueEntry & { sortOrder: number } => {
      const baseRow = r.baseId === null ? undefined : bases.get(r.baseId);
      return {
        id: r.id,
        teamSlug: r.teamSlug,
        teamName: r.teamName,
        sortOrder: r.sortOrder,
        headline: r.headline,
        health: r.health,
        publishedAt: r.publishedAt?.getTime() ?? 0,
        reviewState: r.reviewState,
        status: queueStatus(r.reviewState, r.anotherLookAskedAt),
        shepherded: shepherdedIds.has(r.teamId),
        openRequests: r.openRequests,
        earlier: r.earlier,
        base: baseRow ? { id: baseRow.id, headline: baseRow.headline } : null,
      };
    })
    .sort(
      (a, b) =>
        STATUS_ORDER[a.status] - STATUS_ORDER[b.status] ||
        Number(b.shepherded) - Number(a.shepherded) ||
        a.sortOrder - b.sortOrder ||
        a.teamName.localeCompare(b.teamName),
    )
    .map(({ sortOrder: _, ...entry }) => entry);
}

export function getReviewQueue(
  { actor, cycle, now, page = 1 }: { actor: Actor; cycle: string; now: number; page?: number },
  db: Db = getDb(),
) {
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
  const entries = readQueueEntries(db, cycleId, shepherdedIds);
  const pages = Math.max(1, Math.ceil(entries.length / QUEUE_PAGE_SIZE));
  const current = Math.min(Math.max(1, Math.trunc(page) || 1), pages);
  const due = dueSince(db, cycleId, now);
  const cycles = db
    .select({ slug: releaseCycles.slug, name: releaseCycles.name })
    .from(releaseCycles)
    .orderBy(desc(releaseCycles.startsOn))
    .all();
  return {
    cycle: summary,
    cycles,
    entries: entries.slice((current - 1) * QUEUE_PAGE_SIZE, current * QUEUE_PAGE_SIZE),
    total: entries.length,
    waitingOnReview: entries.filter((e) => e.status !== "changes_requested").length,
    page: current,
    pages,
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
    .select({
      id: updates.id,
      teamId: updates.teamId,
      cycleId: updates.cycleId,
      headline: updates.headline,
      reviewState: updates.reviewState,
      anotherLookAskedAt: updates.anotherLookAskedAt,
      state: updates.state,
      authorId: updates.authorId,
      teamName: teams.name,
      shepherdId: teams.shepherdId,
    })
    .from(updates)
    .innerJoin(teams, eq(teams.id, updates.teamId))
    .where(eq(updates.id, updateId))
    .get();
  if (!update) throw new NotFoundError("Update");
  return update;
}

const STATE_WORDS: Record<ReviewState, string> = {
  unreviewed: "waiting for review",
  reviewed: "marked reviewed",
  changes_requested: "waiting on changes",
};

/**
 * Refuses a decision on an update other than the one the reviewer saw, or in another
 * state: a newer update of the team was published, or someone else decided meanwhile.
 */
function assertStillAsSeen(tx: Tx, update: ReturnType<typeof updateOf>, seen: ReviewState): void {
  if (update.state !== "published") throw new InputError("updateId", "Only a published update can be reviewed");
  const latest = tx
    .select({ id: updates.id, headline: updates.headline })
    .from(updates)
    .where(and(eq(updates.teamId, update.teamId), eq(updates.cycleId, update.cycleId), eq(updates.state, "published")))
    .orderBy(desc(updates.publishedAt), desc(updates.id))
    .get();
  if (latest && latest.id !== update.id)
    throw new InputError(
      "updateId",
      `Not saved: a newer update (“${latest.headline}”) replaced “${update.headline}”. Reload the queue to review the newer one.`,
    );
  if (update.reviewState !== seen)
    throw new InputError(
      "updateId",
      `Not saved: “${update.headline}” is now ${STATE_WORDS[update.reviewState]}; someone decided since you loaded the page. Reload the queue to see it.`,
    );
}

/** A change to where an update's review stands, as recorded and announced. */
interface ReviewEvent {
  action: "update.mark_reviewed" | "update.request_changes" | "update.undo_review" | "update.ask_another_look";
  updateId: number;
  teamId: number;
  before: ReviewStanding;
  after: ReviewStanding & { commentId?: number; comment?: string };
}

interface ReviewStanding {
  reviewState: ReviewState;
  anotherLookAskedAt: number | null;
}

/** The one place every review event goes through, inside its transaction: its audit entry and its notification. */
function recordReviewEvent(tx: Tx, actor: Actor, event: ReviewEvent, update: ReturnType<typeof updateOf>): void {
  recordAudit(tx, actor, {
    action: event.action,
    entityType: "update",
    entityId: event.updateId,
    before: { ...event.before },
    after: { ...event.after },
  });
  const about = `${update.teamName}: “${update.headline}”`;
  const theTeam: Audience[] = [{ leadsOf: update.teamId }, { people: [update.authorId] }];
  const thread = { type: "review_thread", id: update.id, teamId: update.teamId, releaseManagersOnly: false } as const;
  const linkPath = `/updates/${update.id}`;
  switch (event.action) {
    case "update.mark_reviewed":
      notify(tx, {
        kind: "update_reviewed",
        by: actor,
        to: theTeam,
        subject: { type: "update", id: update.id, teamId: update.teamId },
        title: `${about} was marked reviewed`,
        linkPath,
      });
      return;
    case "update.request_changes":
      notify(tx, {
        kind: "changes_requested",
        by: actor,
        to: theTeam,
        subject: thread,
        title: `Changes requested on ${about}`,
        body: event.after.comment ?? "",
        linkPath,
      });
      return;
    case "update.ask_another_look": {
      const requester = tx
        .select({ id: auditEntries.actorId })
        .from(auditEntries)
        .where(
          and(
            eq(auditEntries.entityType, "update"),
            eq(auditEntries.entityId, String(update.id)),
            eq(auditEntries.action, "update.request_changes"),
          ),
        )
        .orderBy(desc(auditEntries.id))
        .get();
      const to: Audience[] = [...otherSideOfThread(tx, actor, update), { people: [requester?.id ?? null] }];
      notify(tx, {
        kind: "another_look_asked",
        by: actor,
        to,
        subject: thread,
        title: `${actorName(actor)} asked for another look at ${about}`,
        linkPath,
      });
      return;
    }
    case "update.undo_review":
      // A decision taken back within moments is not news; the notification it sent stays as history.
      return;
  }
}

const DECISIONS: ReviewEvent["action"][] = ["update.mark_reviewed", "update.request_changes", "update.undo_review"];

function decide(
  db: Db,
  actor: Actor,
  input: { updateId: number; seen: ReviewState; comment?: string },
  reviewState: "reviewed" | "changes_requested",
): QueueEntryState {
  assertCan(actor, "update.review");
  const update = db.transaction((tx) => {
    const current = updateOf(tx, input.updateId);
    assertStillAsSeen(tx, current, input.seen);
    tx.update(updates).set({ reviewState, anotherLookAskedAt: null }).where(eq(updates.id, current.id)).run();
    const comment = input.comment
      ? tx
          .insert(reviewComments)
          .values({ updateId: current.id, authorId: actor.kind === "person" ? actor.id : null, body: input.comment, requestsChanges: true })
          .returning({ id: reviewComments.id })
          .get()
      : undefined;
    recordReviewEvent(
      tx,
      actor,
      {
        action: reviewState === "reviewed" ? "update.mark_reviewed" : "update.request_changes",
        updateId: current.id,
        teamId: current.teamId,
        before: { reviewState: current.reviewState, anotherLookAskedAt: current.anotherLookAskedAt?.getTime() ?? null },
        after: { reviewState, anotherLookAskedAt: null, ...(comment ? { commentId: comment.id, comment: input.comment } : {}) },
      },
      current,
    );
    return current;
  });
  invalidate(tags.update(update.id), tags.team(update.teamId));
  return { reviewState, status: reviewState, canUndo: true };
}

function actorName(actor: Actor): string {
  return actor.kind === "person" ? actor.name : "Someone";
}

/**
 * "The other side" of a review thread: a release manager's word goes to the team's leads
 * and the update's author; a lead's goes to the release managers in the thread and the
 * team's shepherd.
 */
function otherSideOfThread(
  tx: Tx,
  actor: Actor,
  update: { id: number; teamId: number; authorId: string | null; shepherdId: string | null },
): Audience[] {
  if (can(actor, "update.review")) return [{ leadsOf: update.teamId }, { people: [update.authorId] }];
  const participants = tx
    .selectDistinct({ id: reviewComments.authorId })
    .from(reviewComments)
    .where(eq(reviewComments.updateId, update.id))
    .all()
    .map((r) => r.id);
  const managers = participants.filter((id): id is string => id !== null && can(actorForPerson(tx, id), "update.review"));
  return [{ people: [...managers, update.shepherdId] }];
}

/** What an entry shows after a decision, so the queue can update it in place. */
export interface QueueEntryState {
  reviewState: ReviewState;
  status: QueueStatus;
  canUndo: boolean;
}

export function markReviewed({ actor, input }: { actor: Actor; input: MarkReviewedInput }, db: Db = getDb()): QueueEntryState {
  return decide(db, actor, input, "reviewed");
}

export function requestChanges({ actor, input }: { actor: Actor; input: RequestChangesInput }, db: Db = getDb()): QueueEntryState {
  return decide(db, actor, { updateId: input.updateId, seen: input.seen, comment: input.body }, "changes_requested");
}

/**
 * Takes back the latest decision on an update: its review state (and a lead's "another
 * look" asked before it) come back from the decision's audit entry, and a change request's
 * comment goes, unless the thread has moved on since.
 */
export function undoReviewDecision({ actor, input }: { actor: Actor; input: UndoDecisionInput }, db: Db = getDb()): QueueEntryState {
  assertCan(actor, "update.review");
  const { update, restored } = db.transaction((tx) => {
    const current = updateOf(tx, input.updateId);
    const last = tx
      .select({ action: auditEntries.action, before: auditEntries.before, after: auditEntries.after })
      .from(auditEntries)
      .where(
        and(eq(auditEntries.entityType, "update"), eq(auditEntries.entityId, String(current.id)), inArray(auditEntries.action, DECISIONS)),
      )
      .orderBy(desc(auditEntries.id))
      .get();
    if (!last || last.action === "update.undo_review")
      throw new InputError("updateId", `There is no decision on “${current.headline}” to undo.`);
    const before = last.before as unknown as ReviewStanding;
    const after = last.after as unknown as ReviewEvent["after"];
    if (current.reviewState !== after.reviewState || current.anotherLookAskedAt !== null)
      throw new InputError("updateId", `Not undone: “${current.headline}” changed since that decision. Reload the queue to see it.`);
    if (after.commentId !== undefined) {
      const later = tx
        .select({ id: reviewComments.id })
        .from(reviewComments)
        .where(and(eq(reviewComments.updateId, current.id), gt(reviewComments.id, after.commentId)))
        .get();
      if (later)
        throw new InputError(
          "updateId",
          `Not undone: the thread on “${current.headline}” has moved on since the change request. Answer there instead.`,
        );
      tx.delete(reviewComments).where(eq(reviewComments.id, after.commentId)).run();
    }
    const anotherLookAskedAt = before.anotherLookAskedAt === null ? null : new Date(before.anotherLookAskedAt);
    tx.update(updates).set({ reviewState: before.reviewState, anotherLookAskedAt }).where(eq(updates.id, current.id)).run();
    recordReviewEvent(
      tx,
      actor,
      {
        action: "update.undo_review",
        updateId: current.id,
        teamId: current.teamId,
        before: { reviewState: current.reviewState, anotherLookAskedAt: null },
        after: before,
      },
      current,
    );
    return { update: current, restored: before };
  });
  invalidate(tags.update(update.id), tags.team(update.teamId));
  return { reviewState: restored.reviewState, status: queueStatus(restored.reviewState, restored.anotherLookAskedAt), canUndo: false };
}

/** A lead has addressed a change request and asks the release managers to look again. */
export function askForAnotherLook({ actor, input }: { actor: Actor; input: AnotherLookInput }, db: Db = getDb()): void {
  const update = db.transaction((tx) => {
    const current = updateOf(tx, input.updateId);
    assertCan(actor, "update.write", { teamId: current.teamId });
    if (current.reviewState !== "changes_requested")
      throw new InputError("updateId", `“${current.headline}” has no change request waiting on the team.`);
    if (current.anotherLookAskedAt !== null) throw new InputError("updateId", `Another look at “${current.headline}” is already asked.`);
    const now = new Date();
    tx.update(updates).set({ anotherLookAskedAt: now }).where(eq(updates.id, current.id)).run();
    recordReviewEvent(
      tx,
      actor,
      {
        action: "update.ask_another_look",
        updateId: current.id,
        teamId: current.teamId,
        before: { reviewState: current.reviewState, anotherLookAskedAt: null },
        after: { reviewState: current.reviewState, anotherLookAskedAt: now.getTime() },
      },
      current,
    );
    return current;
  });
  invalidate(tags.update(update.id), tags.team(update.teamId));
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
    const releaseManagersOnly = input.releaseManagersOnly || Boolean(parent?.releaseManagersOnly);
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
    notify(tx, {
      kind: "review_reply",
      by: actor,
      to: otherSideOfThread(tx, actor, update),
      subject: { type: "review_thread", id: update.id, teamId: update.teamId, releaseManagersOnly },
      title: `${actorName(actor)} replied on ${update.teamName}: “${update.headline}”`,
      body: input.body,
      linkPath: `/updates/${update.id}`,
    });
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
    notify(tx, {
      kind: "thread_resolved",
      by: actor,
      to: otherSideOfThread(tx, actor, update),
      subject: { type: "review_thread", id: update.id, teamId: update.teamId, releaseManagersOnly: comment.releaseManagersOnly },
      title: `${actorName(actor)} resolved a review comment on ${update.teamName}: “${update.headline}”`,
      linkPath: `/updates/${update.id}`,
    });
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

/** A change request as the team's leads see it: the update, what was asked, and whether they asked for another look. */
export interface ChangeRequest {
  updateId: number;
  headline: string;
  /** The release managers' change-request comments, newest first (never their private notes). */
  comments: string[];
  anotherLookAsked: boolean;
}

/** Updates of a team waiting on changes, newest first, at most a few (older ones show in the team's history). */
const CHANGE_REQUESTS_SHOWN = 5;

function readChangeRequests(db: Db, where: SQL): ChangeRequest[] {
  const waiting = db
    .select({ updateId: updates.id, headline: updates.headline, anotherLookAskedAt: updates.anotherLookAskedAt })
    .from(updates)
    .where(and(where, eq(updates.state, "published"), eq(updates.reviewState, "changes_requested")))
    .orderBy(desc(updates.publishedAt), desc(updates.id))
    .limit(CHANGE_REQUESTS_SHOWN)
    .all();
  if (waiting.length === 0) return [];
  const comments = db
    .select({ updateId: reviewComments.updateId, body: reviewComments.body })
    .from(reviewComments)
    .where(
      and(
        inArray(
          reviewComments.updateId,
          waiting.map((w) => w.updateId),
        ),
        eq(reviewComments.requestsChanges, true),
        eq(reviewComments.releaseManagersOnly, false),
      ),
    )
    .orderBy(desc(reviewComments.id))
    .all();
  return waiting.map((w) => ({
    updateId: w.updateId,
    headline: w.headline,
    comments: comments.filter((c) => c.updateId === w.updateId).map((c) => c.body),
    anotherLookAsked: w.anotherLookAskedAt !== null,
  }));
}

/** A team's updates waiting on changes, for its leads' team page. */
export function openChangeRequests({ actor, teamSlug }: { actor: Actor; teamSlug: string }, db: Db = getDb()): ChangeRequest[] {
  const team = db.select({ id: teams.id }).from(teams).where(eq(teams.slug, teamSlug)).get();
  if (!team) throw new NotFoundError("Team");
  assertCan(actor, "update.reply", { teamId: team.id });
  return readChangeRequests(db, eq(updates.teamId, team.id));
}

/** The change request waiting on one update, for the top of its editor; null when none is. */
export function changeRequestOf({ actor, updateId }: { actor: Actor; updateId: number }, db: Db = getDb()): ChangeRequest | null {
  const update = updateOf(db, updateId);
  assertCan(actor, "update.reply", { teamId: update.teamId });
  return readChangeRequests(db, eq(updates.id, updateId))[0] ?? null;
}
