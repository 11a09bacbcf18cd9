/** Roadmap items: the team's planned work per cycle, edited by its leads and release managers. */
import "server-only";
import { and, asc, eq, inArray, notInArray, sql } from "drizzle-orm";
import { getDb, type Db, type Tx } from "@/db/client";
import { releaseCycles, roadmapItemLinks, roadmapItems } from "@/db/schema";
import { todayIso } from "@/lib/dates";
import { ROADMAP_UNFINISHED, type RoadmapKind, type RoadmapStatus, type TrackerKind } from "@/lib/domain";
import { ConflictError, InputError, NotFoundError } from "@/lib/errors";
import { assertCan, type Actor } from "@/lib/permissions";
import type { CarryOverInput, CreateRoadmapItemInput, EditRoadmapItemInput } from "@/lib/validation/roadmap";
import { recordAudit } from "../audit/audit";
import { invalidate, tags } from "../cache/cache";
import { followCarriedItems, tagsOfMoves } from "../help-requests/moves";
import { cycleBySlug, teamForReading, teamForWriting } from "../lookups";

export interface EditableRoadmapItem {
  id: number;
  version: number;
  title: string;
  description: string;
  status: RoadmapStatus;
  kind: RoadmapKind;
  helpWanted: boolean;
  /** The day it was delivered, while it is done. */
  deliveredOn: string | null;
  originalCycleName: string;
  carriedFromId: number | null;
  links: { kind: TrackerKind; label: string; url: string }[];
}

/** The cycle as the editor knows it. */
function cycleOf(db: Db | Tx, slug: string) {
  const cycle = cycleBySlug(db, slug);
  return { id: cycle.id, slug: cycle.slug, name: cycle.name };
}

function itemsOf(db: Db | Tx, teamId: number, cycleId: number): EditableRoadmapItem[] {
  const cycleNames = new Map(
    db
      .select({ id: releaseCycles.id, name: releaseCycles.name })
      .from(releaseCycles)
      .all()
      .map((c) => [c.id, c.name]),
  );
  const rows = db
    .select()
    .from(roadmapItems)
    .where(and(eq(roadmapItems.teamId, teamId), eq(roadmapItems.cycleId, cycleId)))
    .orderBy(asc(roadmapItems.sortOrder), asc(roadmapItems.id))
    .all();
  const links =
    rows.length === 0
      ? []
      : db
          .select()
          .from(roadmapItemLinks)
          .where(
            inArray(
              roadmapItemLinks.itemId,
              rows.map((r) => r.id),
            ),
          )
          .orderBy(asc(roadmapItemLinks.id))
          .all();
  return rows.map((r) => ({
    id: r.id,
    version: r.version,
    title: r.title,
    description: r.description,
    status: r.status,
    kind: r.kind,
    helpWanted: r.helpWanted,
    deliveredOn: r.deliveredOn,
    originalCycleName: cycleNames.get(r.originalCycleId) ?? "",
    carriedFromId: r.carriedFromId,
    links: links.filter((l) => l.itemId === r.id).map((l) => ({ kind: l.kind, label: l.label, url: l.url })),
  }));
}

/** What the roadmap editor shows: the page's first copy and GET /api/roadmap/[team]/[cycle] alike. */
export type RoadmapForEditing = ReturnType<typeof getRoadmapForEditing>;

/** A team's items for one cycle, for its leads and release managers to edit. */
export function getRoadmapForEditing({ actor, team, cycle }: { actor: Actor; team: string; cycle: string }, db: Db = getDb()) {
  const found = { team: teamForReading(db, team), cycle: cycleOf(db, cycle) };
  assertCan(actor, "roadmap.write", { teamId: found.team.id });
  const cycles = db
    .select({ slug: releaseCycles.slug, name: releaseCycles.name, status: releaseCycles.status })
    .from(releaseCycles)
    .orderBy(asc(releaseCycles.startsOn))
    .all();
  return { ...found, items: itemsOf(db, found.team.id, found.cycle.id), cycles };
}

/**
 * The day an item became done, kept while it stays done: the burn-up's "delivered" line. It
 * is today unless a day is given; a day before today is history, which only those who may
 * date the team's history record (giving again the day it already has is no change).
 */
function deliveredOn(
  actor: Actor,
  teamId: number,
  status: RoadmapStatus,
  given: string | null | undefined,
  before: { status: RoadmapStatus; deliveredOn: string | null } | null,
): string | null {
  if (status !== "done") return null;
  const kept = before?.status === "done" ? before.deliveredOn : null;
  const today = todayIso(Date.now());
  if (!given || given === kept) return kept ?? today;
  if (given >= today) return today;
  assertCan(actor, "history.backdate", { teamId });
  return given;
}

function writeLinks(tx: Tx, itemId: number, links: EditableRoadmapItem["links"]) {
  tx.delete(roadmapItemLinks).where(eq(roadmapItemLinks.itemId, itemId)).run();
  if (links.length > 0)
    tx.insert(roadmapItemLinks)
      .values(links.map((l) => ({ ...l, itemId })))
      .run();
}

export function createRoadmapItem({ actor, input }: { actor: Actor; input: CreateRoadmapItemInput }, db: Db = getDb()): { id: number } {
  const { team, cycle, links, deliveredOn: delivered, ...fields } = input;
  const result = db.transaction((tx) => {
    const found = { team: teamForWriting(tx, team), cycle: cycleOf(tx, cycle) };
    assertCan(actor, "roadmap.write", { teamId: found.team.id });
    const sortOrder =
      tx
        .select({ n: sql<number>`coalesce(max(${roadmapItems.sortOrder}), -1) + 1` })
        .from(roadmapItems)
        .where(and(eq(roadmapItems.teamId, found.team.id), eq(roadmapItems.cycleId, found.cycle.id)))
        .get()?.n ?? 0;
    const row = tx
      .insert(roadmapItems)
      .values({
        ...fields,
        teamId: found.team.id,
        cycleId: found.cycle.id,
        originalCycleId: found.cycle.id,
        sortOrder,
        deliveredOn: deliveredOn(actor, found.team.id, fields.status, delivered, null),
      })
      .returning({ id: roadmapItems.id })
      .get();
    writeLinks(tx, row.id, links);
    recordAudit(tx, actor, { action: "roadmap.create", entityType: "roadmap_item", entityId: row.id, after: input });
    return { id: row.id, teamId: found.team.id, cycleId: found.cycle.id };
  });
  invalidate(tags.team(result.teamId), tags.cycle(result.cycleId));
  return { id: result.id };
}

export function editRoadmapItem({ actor, input }: { actor: Actor; input: EditRoadmapItemInput }, db: Db = getDb()): { version: number } {
  const { id, expectedVersion, links, deliveredOn: delivered, ...fields } = input;
  const result = db.transaction((tx) => {
    const current = tx.select().from(roadmapItems).where(eq(roadmapItems.id, id)).get();
    if (!current) throw new NotFoundError("Roadmap item");
    assertCan(actor, "roadmap.write", { teamId: current.teamId });
    if (current.version !== expectedVersion) {
      throw new ConflictError("Someone changed this item after you opened it.", {
        version: current.version,
        changedFields: [],
        snapshot: itemsOf(tx, current.teamId, current.cycleId).find((i) => i.id === id),
      });
    }
    const version = current.version + 1;
    const delivery = deliveredOn(actor, current.teamId, fields.status, delivered, current);
    tx.update(roadmapItems)
      .set({ ...fields, version, deliveredOn: delivery, updatedAt: new Date() })
      .where(and(eq(roadmapItems.id, id), eq(roadmapItems.version, current.version)))
      .run();
    writeLinks(tx, id, links);
    recordAudit(tx, actor, {
      action: "roadmap.edit",
      entityType: "roadmap_item",
      entityId: id,
      before: { title: current.title, status: current.status, helpWanted: current.helpWanted, deliveredOn: current.deliveredOn },
      after: { ...fields, links, deliveredOn: delivery },
    });
    return { version, teamId: current.teamId, cycleId: current.cycleId };
  });
  invalidate(tags.team(result.teamId), tags.cycle(result.cycleId));
  return { version: result.version };
}

/** Swaps an item with its neighbour in the team's list for the cycle. */
export function moveRoadmapItem({ actor, id, direction }: { actor: Actor; id: number; direction: "up" | "down" }, db: Db = getDb()): void {
  const result = db.transaction((tx) => {
    const current = tx.select().from(roadmapItems).where(eq(roadmapItems.id, id)).get();
    if (!current) throw new NotFoundError("Roadmap item");
    assertCan(actor, "roadmap.write", { teamId: current.teamId });
    const order = itemsOf(tx, current.teamId, current.cycleId).map((i) => i.id);
    const index = order.indexOf(id);
    const other = direction === "up" ? index - 1 : index + 1;
    if (other < 0 || other >= order.length) return current;
    [order[index], order[other]] = [order[other]!, id];
    order.forEach((itemId, position) => tx.update(roadmapItems).set({ sortOrder: position }).where(eq(roadmapItems.id, itemId)).run());
    recordAudit(tx, actor, { action: "roadmap.reorder", entityType: "roadmap_item", entityId: id, after: { direction } });
    return current;
  });
  invalidate(tags.team(result.teamId), tags.cycle(result.cycleId));
}

/**
 * Carries every unfinished item of a team from one cycle into another: each gets a copy
 * there that points back at it and keeps its original target, and the item left behind
 * is marked deferred, so the slip stays visible in both cycles. The help requests still
 * wanted on an item follow it to its copy.
 */
export function carryOverRoadmap(
  { actor, input }: { actor: Actor; input: CarryOverInput },
  db: Db = getDb(),
): { carried: number; helpRequests: number } {
  const result = db.transaction((tx) => {
    const team = teamForWriting(tx, input.team);
    const from = cycleOf(tx, input.from);
    const to = cycleOf(tx, input.to);
    assertCan(actor, "roadmap.write", { teamId: team.id });
    if (to.id === from.id) throw new InputError("to", "Pick a different cycle to carry into");
    const alreadyCarried = tx
      .select({ carriedFromId: roadmapItems.carriedFromId })
      .from(roadmapItems)
      .where(eq(roadmapItems.cycleId, to.id))
      .all()
      .map((r) => r.carriedFromId)
      .filter((v): v is number => v !== null);
    const open = tx
      .select()
      .from(roadmapItems)
      .where(
        and(
          eq(roadmapItems.teamId, team.id),
          eq(roadmapItems.cycleId, from.id),
          inArray(roadmapItems.status, ROADMAP_UNFINISHED),
          alreadyCarried.length > 0 ? notInArray(roadmapItems.id, alreadyCarried) : undefined,
        ),
      )
      .orderBy(asc(roadmapItems.sortOrder))
      .all();
    const copies = new Map<number, number>();
    const base =
      tx
        .select({ n: sql<number>`coalesce(max(${roadmapItems.sortOrder}), -1) + 1` })
        .from(roadmapItems)
        .where(and(eq(roadmapItems.teamId, team.id), eq(roadmapItems.cycleId, to.id)))
        .get()?.n ?? 0;
    open.forEach((item, i) => {
      const copy = tx
        .insert(roadmapItems)
        .values({
          teamId: team.id,
          cycleId: to.id,
          originalCycleId: item.originalCycleId,
          carriedFromId: item.id,
          title: item.title,
          description: item.description,
          status: item.status,
          kind: item.kind,
          helpWanted: item.helpWanted,
          sortOrder: base + i,
        })
        .returning({ id: roadmapItems.id })
        .get();
      const links = tx
        .select({ kind: roadmapItemLinks.kind, label: roadmapItemLinks.label, url: roadmapItemLinks.url })
        .from(roadmapItemLinks)
        .where(eq(roadmapItemLinks.itemId, item.id))
        .all();
      writeLinks(tx, copy.id, links);
      copies.set(item.id, copy.id);
      tx.update(roadmapItems)
        .set({ status: "deferred", version: item.version + 1, updatedAt: new Date() })
        .where(eq(roadmapItems.id, item.id))
        .run();
    });
    recordAudit(tx, actor, {
      action: "roadmap.carry_over",
      entityType: "team",
      entityId: team.id,
      after: { from: from.name, to: to.name, items: open.map((i) => i.title) },
    });
    const moved = followCarriedItems(tx, actor, copies, to.id);
    return { carried: open.length, teamId: team.id, fromId: from.id, toId: to.id, moved };
  });
  invalidate(tags.team(result.teamId), tags.cycle(result.fromId), tags.cycle(result.toId), ...tagsOfMoves(result.moved));
  return { carried: result.carried, helpRequests: result.moved.length };
}
