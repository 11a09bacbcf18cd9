import "server-only";
import { and, asc, eq, ne, sql } from "drizzle-orm";
import { getDb, type Db, type Tx } from "@/db/client";
import { people, teamLinks, teams } from "@/db/schema";
import { InputError, NotFoundError } from "@/lib/errors";
import { assertCan, type Actor } from "@/lib/permissions";
import type { CreateTeamInput, EditTeamInput, TeamLinksInput } from "@/lib/validation/team";
import { recordAudit } from "../audit/audit";
import { invalidate, tags } from "../cache/cache";

export function listTeamsForAdmin({ actor }: { actor: Actor }, db: Db = getDb()) {
  assertCan(actor, "team.manage");
  return db
    .select({
      id: teams.id,
      slug: teams.slug,
      name: teams.name,
      mission: teams.mission,
      archived: teams.archived,
      sortOrder: teams.sortOrder,
      shepherdId: teams.shepherdId,
      shepherdName: people.name,
    })
    .from(teams)
    .leftJoin(people, eq(people.id, teams.shepherdId))
    .orderBy(asc(teams.archived), asc(teams.sortOrder), asc(teams.name))
    .all();
}

export function listShepherdCandidates({ actor }: { actor: Actor }, db: Db = getDb()) {
  assertCan(actor, "team.manage");
  return db
    .select({ id: people.id, name: people.name })
    .from(people)
    .where(and(eq(people.role, "release_manager"), eq(people.active, true)))
    .orderBy(asc(people.name))
    .all();
}

function assertSlugFree(db: Db | Tx, slug: string, exceptId?: number) {
  const clash = db
    .select({ id: teams.id })
    .from(teams)
    .where(exceptId ? and(eq(teams.slug, slug), ne(teams.id, exceptId)) : eq(teams.slug, slug))
    .get();
  if (clash) throw new InputError("slug", "Another team already uses this slug");
}

export function createTeam({ actor, input }: { actor: Actor; input: CreateTeamInput }, db: Db = getDb()): { id: number } {
  assertCan(actor, "team.manage");
  const id = db.transaction((tx) => {
    assertSlugFree(tx, input.slug);
    const nextOrder =
      tx
        .select({ n: sql<number>`coalesce(max(${teams.sortOrder}), -1) + 1` })
        .from(teams)
        .get()?.n ?? 0;
    const row = tx
      .insert(teams)
      .values({ ...input, sortOrder: nextOrder })
      .returning({ id: teams.id })
      .get();
    recordAudit(tx, actor, { action: "team.create", entityType: "team", entityId: row.id, after: input });
    return row.id;
  });
  invalidate(tags.teams, tags.teamList);
  return { id };
}

export function editTeam({ actor, input }: { actor: Actor; input: EditTeamInput }, db: Db = getDb()): void {
  assertCan(actor, "team.manage");
  db.transaction((tx) => {
    const current = tx.select().from(teams).where(eq(teams.id, input.id)).get();
    if (!current) throw new NotFoundError("Team");
    assertSlugFree(tx, input.slug, input.id);
    if (input.shepherdId) {
      const shepherd = tx.select({ role: people.role }).from(people).where(eq(people.id, input.shepherdId)).get();
      if (shepherd?.role !== "release_manager") throw new InputError("shepherdId", "The shepherd must be a release manager");
    }
    const { id, ...changes } = input;
    tx.update(teams)
      .set({ ...changes, updatedAt: new Date() })
      .where(eq(teams.id, id))
      .run();
    recordAudit(tx, actor, {
      action: "team.edit",
      entityType: "team",
      entityId: id,
      before: { name: current.name, slug: current.slug, mission: current.mission, shepherdId: current.shepherdId },
      after: changes,
    });
  });
  invalidate(tags.teams, tags.teamList, tags.team(input.id));
}

export function setTeamArchived({ actor, id, archived }: { actor: Actor; id: number; archived: boolean }, db: Db = getDb()): void {
  assertCan(actor, "team.manage");
  db.transaction((tx) => {
    const current = tx.select({ archived: teams.archived }).from(teams).where(eq(teams.id, id)).get();
    if (!current) throw new NotFoundError("Team");
    tx.update(teams).set({ archived, updatedAt: new Date() }).where(eq(teams.id, id)).run();
    recordAudit(tx, actor, {
      action: archived ? "team.archive" : "team.restore",
      entityType: "team",
      entityId: id,
      before: { archived: current.archived },
      after: { archived },
    });
  });
  invalidate(tags.teams, tags.teamList, tags.team(id));
}

/** Swaps a team with its neighbour in the listing order. */
export function moveTeam({ actor, id, direction }: { actor: Actor; id: number; direction: "up" | "down" }, db: Db = getDb()): void {
  assertCan(actor, "team.manage");
  db.transaction((tx) => {
    const ordered = tx
      .select({ id: teams.id, sortOrder: teams.sortOrder })
      .from(teams)
      .where(eq(teams.archived, false))
      .orderBy(asc(teams.sortOrder), asc(teams.name))
      .all();
    const index = ordered.findIndex((t) => t.id === id);
    if (index === -1) throw new NotFoundError("Team");
    const other = ordered[direction === "up" ? index - 1 : index + 1];
    if (!other) return;
    // Renumber so equal sort orders cannot make the swap a no-op.
    const order = ordered.map((t) => t.id);
    [order[index], order[direction === "up" ? index - 1 : index + 1]] = [other.id, id];
    order.forEach((teamId, position) => tx.update(teams).set({ sortOrder: position }).where(eq(teams.id, teamId)).run());
    recordAudit(tx, actor, { action: "team.reorder", entityType: "team", entityId: id, after: { direction } });
  });
  invalidate(tags.teams, tags.teamList);
}

/** Replaces a team's links hub; its leads may do this as well as admins. */
export function replaceTeamLinks({ actor, input }: { actor: Actor; input: TeamLinksInput }, db: Db = getDb()): void {
  const team = db.select({ id: teams.id }).from(teams).where(eq(teams.slug, input.teamSlug)).get();
  if (!team) throw new NotFoundError("Team");
  assertCan(actor, "team.edit_links", { teamId: team.id });
  db.transaction((tx) => {
    const before = tx
      .select({ kind: teamLinks.kind, label: teamLinks.label, url: teamLinks.url })
      .from(teamLinks)
      .where(eq(teamLinks.teamId, team.id))
      .orderBy(asc(teamLinks.sortOrder))
      .all();
    tx.delete(teamLinks).where(eq(teamLinks.teamId, team.id)).run();
    if (input.links.length > 0)
      tx.insert(teamLinks)
        .values(input.links.map((l, i) => ({ ...l, teamId: team.id, sortOrder: i })))
        .run();
    recordAudit(tx, actor, {
      action: "team.links",
      entityType: "team",
      entityId: team.id,
      before: { links: before },
      after: { links: input.links },
    });
  });
  invalidate(tags.team(team.id));
}

export function getTeamLinksForEditing({ actor, slug }: { actor: Actor; slug: string }, db: Db = getDb()) {
  const team = db.select({ id: teams.id, name: teams.name, slug: teams.slug }).from(teams).where(eq(teams.slug, slug)).get();
  if (!team) return null;
  assertCan(actor, "team.edit_links", { teamId: team.id });
  return {
    team,
    links: db
      .select({ kind: teamLinks.kind, label: teamLinks.label, url: teamLinks.url })
      .from(teamLinks)
      .where(eq(teamLinks.teamId, team.id))
      .orderBy(asc(teamLinks.sortOrder))
      .all(),
  };
}
