/**
 * Help requests moving between cycles: with their roadmap item when it is carried over, with
 * their team when their cycle is released, or by hand. A request is moved, never copied: the
 * same row keeps its audit trail and who took it up, and remembers the cycle it was asked in.
 */
import "server-only";
import { and, asc, eq, inArray, ne } from "drizzle-orm";
import { getDb, type Db, type Tx } from "@/db/client";
import { helpRequests, releaseCycles, roadmapItems, teams } from "@/db/schema";
import { HELP_STILL_WANTED, type HelpStatus } from "@/lib/domain";
import { ConflictError, InputError, NotFoundError } from "@/lib/errors";
import { assertCan, type Actor } from "@/lib/permissions";
import type { MoveHelpRequestInput } from "@/lib/validation/help-requests";
import { recordAudit } from "../audit/audit";
import { invalidate, tags } from "../cache/cache";
import { cycleBySlug } from "../lookups";

/** A request that changed cycle: what the caller expires. */
export interface MovedHelpRequest {
  teamId: number;
  fromCycleId: number;
  toCycleId: number;
}

/** The cache tags of the pages that list moved requests. */
export function tagsOfMoves(moves: readonly MovedHelpRequest[]): string[] {
  return [...new Set(moves.flatMap((m) => [tags.team(m.teamId), tags.cycle(m.fromCycleId), tags.cycle(m.toCycleId)]))];
}

interface Movable {
  id: number;
  teamId: number;
  cycleId: number;
  askedInCycleId: number | null;
  roadmapItemId: number | null;
}

const cycleName = (tx: Tx, id: number) =>
  tx.select({ name: releaseCycles.name }).from(releaseCycles).where(eq(releaseCycles.id, id)).get()?.name;

/** The item's carried-over copy in the cycle, if it was carried there: a moved request follows it. */
function carriedCopyIn(tx: Tx, itemId: number | null, cycleId: number): number | null {
  if (itemId === null) return null;
  return (
    tx
      .select({ id: roadmapItems.id })
      .from(roadmapItems)
      .where(and(eq(roadmapItems.carriedFromId, itemId), eq(roadmapItems.cycleId, cycleId)))
      .get()?.id ?? null
  );
}

function move(
  tx: Tx,
  actor: Actor,
  request: Movable,
  to: { cycleId: number; roadmapItemId: number | null },
  { action, reason }: { action: "help.move" | "help.carry_over"; reason: string },
): MovedHelpRequest {
  const askedIn = request.askedInCycleId ?? request.cycleId;
  const askedInCycleId = askedIn === to.cycleId ? null : askedIn;
  tx.update(helpRequests)
    .set({ cycleId: to.cycleId, roadmapItemId: to.roadmapItemId, askedInCycleId, updatedAt: new Date() })
    .where(eq(helpRequests.id, request.id))
    .run();
  recordAudit(tx, actor, {
    action,
    entityType: "help_request",
    entityId: request.id,
    before: { cycle: cycleName(tx, request.cycleId), roadmapItemId: request.roadmapItemId },
    after: { cycle: cycleName(tx, to.cycleId), roadmapItemId: to.roadmapItemId, reason },
  });
  return { teamId: request.teamId, fromCycleId: request.cycleId, toCycleId: to.cycleId };
}

const movableColumns = {
  id: helpRequests.id,
  teamId: helpRequests.teamId,
  cycleId: helpRequests.cycleId,
  askedInCycleId: helpRequests.askedInCycleId,
  roadmapItemId: helpRequests.roadmapItemId,
};

/**
 * Inside a roadmap carry-over: the requests still wanted on each carried item follow it to
 * its copy in the new cycle. `carried` maps each item left behind to its copy.
 */
export function followCarriedItems(tx: Tx, actor: Actor, carried: ReadonlyMap<number, number>, toCycleId: number): MovedHelpRequest[] {
  if (carried.size === 0) return [];
  return tx
    .select(movableColumns)
    .from(helpRequests)
    .where(and(inArray(helpRequests.roadmapItemId, [...carried.keys()]), inArray(helpRequests.status, HELP_STILL_WANTED)))
    .orderBy(asc(helpRequests.id))
    .all()
    .map((request) =>
      move(
        tx,
        actor,
        request,
        { cycleId: toCycleId, roadmapItemId: carried.get(request.roadmapItemId!)! },
        { action: "help.carry_over", reason: "its roadmap item was carried over" },
      ),
    );
}

/**
 * Inside a change to the cycles (a release, a new or restarted cycle): every request still
 * wanted in a released cycle moves with its team into the first cycle after it that is not
 * released, onto its item's copy there if the item was carried over. With no such cycle yet
 * it waits, and moves when one is created or reopened.
 */
export function carryStrandedHelpRequests(tx: Tx, actor: Actor): MovedHelpRequest[] {
  const stranded = tx
    .select({ ...movableColumns, startsOn: releaseCycles.startsOn })
    .from(helpRequests)
    .innerJoin(releaseCycles, eq(releaseCycles.id, helpRequests.cycleId))
    // An archived team takes no new writes; its requests stay where they were.
    .innerJoin(teams, and(eq(teams.id, helpRequests.teamId), eq(teams.archived, false)))
    .where(and(eq(releaseCycles.status, "released"), inArray(helpRequests.status, HELP_STILL_WANTED)))
    .orderBy(asc(helpRequests.id))
    .all();
  if (stranded.length === 0) return [];
  const unreleased = tx
    .select({ id: releaseCycles.id, startsOn: releaseCycles.startsOn })
    .from(releaseCycles)
    .where(ne(releaseCycles.status, "released"))
    .orderBy(asc(releaseCycles.startsOn), asc(releaseCycles.id))
    .all();
  return stranded.flatMap(({ startsOn, ...request }) => {
    const next = unreleased.find((c) => c.startsOn > startsOn);
    if (!next) return [];
    const roadmapItemId = carriedCopyIn(tx, request.roadmapItemId, next.id) ?? request.roadmapItemId;
    return [move(tx, actor, request, { cycleId: next.id, roadmapItemId }, { action: "help.carry_over", reason: "its cycle was released" })];
  });
}

/** A lead or release manager moves a request still wanted to another cycle that is not released. */
export function moveHelpRequest({ actor, input }: { actor: Actor; input: MoveHelpRequestInput }, db: Db = getDb()): void {
  const moved = db.transaction((tx) => {
    const current = tx
      .select({ ...movableColumns, status: helpRequests.status, archived: teams.archived })
      .from(helpRequests)
      .innerJoin(teams, eq(teams.id, helpRequests.teamId))
      .where(eq(helpRequests.id, input.id))
      .get();
    if (!current) throw new NotFoundError("Help request");
    assertCan(actor, "help.manage", { teamId: current.teamId });
    if (current.archived) throw new InputError("id", "This team is archived; its requests stay where they are");
    if (!HELP_STILL_WANTED.includes(current.status as HelpStatus))
      throw new ConflictError("This help request was closed meanwhile.", { version: 0, changedFields: ["status"] });
    const target = cycleBySlug(tx, input.cycle);
    if (target.id === current.cycleId) throw new InputError("cycle", "It is in this cycle already");
    if (target.status === "released") throw new InputError("cycle", `${target.name} is released; pick a cycle in planning or under way`);
    const roadmapItemId = carriedCopyIn(tx, current.roadmapItemId, target.id) ?? current.roadmapItemId;
    return move(tx, actor, current, { cycleId: target.id, roadmapItemId }, { action: "help.move", reason: "moved by hand" });
  });
  invalidate(...tagsOfMoves([moved]));
}
