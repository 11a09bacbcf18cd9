/**
 * Help requests: a team's calls for help as tracked items. Its leads (and release
 * managers, admins) open them, record who took one up, and close them; /help-wanted,
 * the team page and the cycle dashboard read them.
 */
import "server-only";
import { and, asc, desc, eq, inArray, ne } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import { getDb, type Db, type Tx } from "@/db/client";
import { helpRequests, people, releaseCycles, roadmapItems, teams } from "@/db/schema";
import { HELP_STILL_WANTED, ROADMAP_UNFINISHED, type CycleStatus, type HelpStatus } from "@/lib/domain";
import { ConflictError, InputError, NotFoundError } from "@/lib/errors";
import { assertCan, type Actor } from "@/lib/permissions";
import type { AssignHelpRequestInput, CloseHelpRequestInput, OpenHelpRequestInput } from "@/lib/validation/help-requests";
import { recordAudit } from "../audit/audit";
import { invalidate, tags } from "../cache/cache";
import { cycleBySlug, teamForWriting } from "../lookups";
import { notify } from "../notifications/notify";

export interface HelpRequestsForEditing {
  team: { id: number; slug: string; name: string };
  /** Cycles not yet released, the current one first: where new requests go, and where a request can move. */
  cycles: { slug: string; name: string; status: CycleStatus }[];
  requests: {
    id: number;
    title: string;
    details: string;
    linkUrl: string | null;
    contact: string;
    status: HelpStatus;
    cycleSlug: string;
    cycleName: string;
    /** The cycle it was first asked in, when it has moved on since. */
    askedInCycleName: string | null;
    roadmapItemTitle: string | null;
    ownerId: string | null;
    ownerName: string | null;
    takenByName: string | null;
  }[];
  roadmapItems: { id: number; title: string; cycleName: string }[];
  /** Active people who can take a request up. */
  people: { id: string; name: string }[];
}

const askedInCycle = alias(releaseCycles, "asked_in_cycle");

/** The team's open and taken requests and what the forms offer, for those who may manage them. */
export function getHelpRequestsForEditing(
  { actor, team: slug }: { actor: Actor; team: string },
  db: Db = getDb(),
): HelpRequestsForEditing | null {
  const team = db.select({ id: teams.id, slug: teams.slug, name: teams.name }).from(teams).where(eq(teams.slug, slug)).get();
  if (!team) return null;
  assertCan(actor, "help.manage", { teamId: team.id });
  const cycles = db
    .select({ id: releaseCycles.id, slug: releaseCycles.slug, name: releaseCycles.name, status: releaseCycles.status })
    .from(releaseCycles)
    .where(ne(releaseCycles.status, "released"))
    .orderBy(asc(releaseCycles.startsOn))
    .all()
    .sort((a, b) => Number(b.status === "active") - Number(a.status === "active"));
  const requests = db
    .select({
      id: helpRequests.id,
      title: helpRequests.title,
      details: helpRequests.details,
      linkUrl: helpRequests.linkUrl,
      contact: helpRequests.contact,
      status: helpRequests.status,
      cycleSlug: releaseCycles.slug,
      cycleName: releaseCycles.name,
      askedInCycleName: askedInCycle.name,
      roadmapItemTitle: roadmapItems.title,
      ownerId: helpRequests.ownerId,
      ownerName: people.name,
      takenByName: helpRequests.takenByName,
    })
    .from(helpRequests)
    .innerJoin(releaseCycles, eq(releaseCycles.id, helpRequests.cycleId))
    .leftJoin(askedInCycle, eq(askedInCycle.id, helpRequests.askedInCycleId))
    .leftJoin(roadmapItems, eq(roadmapItems.id, helpRequests.roadmapItemId))
    .leftJoin(people, eq(people.id, helpRequests.ownerId))
    .where(and(eq(helpRequests.teamId, team.id), inArray(helpRequests.status, HELP_STILL_WANTED)))
    .orderBy(desc(releaseCycles.startsOn), asc(helpRequests.id))
    .all();
  const items =
    cycles.length === 0
      ? []
      : db
          .select({ id: roadmapItems.id, title: roadmapItems.title, cycleName: releaseCycles.name })
          .from(roadmapItems)
          .innerJoin(releaseCycles, eq(releaseCycles.id, roadmapItems.cycleId))
          .where(
            and(
              eq(roadmapItems.teamId, team.id),
              inArray(
                roadmapItems.cycleId,
                cycles.map((c) => c.id),
              ),
              inArray(roadmapItems.status, ROADMAP_UNFINISHED),
            ),
          )
          .orderBy(asc(releaseCycles.startsOn), asc(roadmapItems.sortOrder))
          .all();
  return {
    team,
    cycles: cycles.map(({ id: _id, ...c }) => c),
    requests,
    roadmapItems: items,
    people: db.select({ id: people.id, name: people.name }).from(people).where(eq(people.active, true)).orderBy(asc(people.name)).all(),
  };
}

function openRequest(tx: Tx, id: number) {
  const current = tx.select().from(helpRequests).where(eq(helpRequests.id, id)).get();
  if (!current) throw new NotFoundError("Help request");
  return current;
}

/** Where a team's help requests are listed for everyone. */
function helpLink(tx: Tx, teamId: number): string {
  const team = tx.select({ slug: teams.slug }).from(teams).where(eq(teams.id, teamId)).get();
  return team ? `/teams/${team.slug}` : "/help-wanted";
}

function assertStillOpen(current: { status: HelpStatus }) {
  if (!HELP_STILL_WANTED.includes(current.status))
    throw new ConflictError("This help request was closed meanwhile.", { version: 0, changedFields: ["status"] });
}

export function openHelpRequest({ actor, input }: { actor: Actor; input: OpenHelpRequestInput }, db: Db = getDb()): { id: number } {
  const { team: teamSlug, cycle: cycleSlug, ...fields } = input;
  const result = db.transaction((tx) => {
    const team = teamForWriting(tx, teamSlug);
    assertCan(actor, "help.manage", { teamId: team.id });
    const cycle = cycleBySlug(tx, cycleSlug);
    if (fields.roadmapItemId !== null) {
      const item = tx.select({ teamId: roadmapItems.teamId }).from(roadmapItems).where(eq(roadmapItems.id, fields.roadmapItemId)).get();
      if (item?.teamId !== team.id) throw new InputError("roadmapItemId", "Pick one of this team's roadmap items");
    }
    const row = tx
      .insert(helpRequests)
      .values({ ...fields, teamId: team.id, cycleId: cycle.id, status: "open" })
      .returning({ id: helpRequests.id })
      .get();
    recordAudit(tx, actor, { action: "help.open", entityType: "help_request", entityId: row.id, after: input });
    return { id: row.id, teamId: team.id, cycleId: cycle.id };
  });
  invalidate(tags.team(result.teamId), tags.cycle(result.cycleId));
  return { id: result.id };
}

/** Records who took the request up: a person here (ownerId) or a newcomer by name. */
export function assignHelpRequest({ actor, input }: { actor: Actor; input: AssignHelpRequestInput }, db: Db = getDb()): void {
  const result = db.transaction((tx) => {
    const current = openRequest(tx, input.id);
    assertCan(actor, "help.manage", { teamId: current.teamId });
    assertStillOpen(current);
    if (input.ownerId !== null) {
      const person = tx.select({ active: people.active }).from(people).where(eq(people.id, input.ownerId)).get();
      if (!person?.active) throw new InputError("ownerId", "Pick someone who can sign in here");
    }
    const change = input.ownerId !== null ? { ownerId: input.ownerId, takenByName: null } : { takenByName: input.takenByName };
    tx.update(helpRequests)
      .set({ ...change, status: "taken", updatedAt: new Date() })
      .where(eq(helpRequests.id, current.id))
      .run();
    recordAudit(tx, actor, {
      action: "help.assign",
      entityType: "help_request",
      entityId: current.id,
      before: { status: current.status, ownerId: current.ownerId, takenByName: current.takenByName },
      after: { status: "taken", ...change },
    });
    const taker =
      input.ownerId !== null
        ? (tx.select({ name: people.name }).from(people).where(eq(people.id, input.ownerId)).get()?.name ?? "Someone")
        : input.takenByName;
    const subject = { type: "help_request", id: current.id, teamId: current.teamId } as const;
    notify(tx, {
      kind: "help_taken",
      by: actor,
      to: [{ leadsOf: current.teamId }],
      subject,
      title: `${taker} took up “${current.title}”`,
      linkPath: helpLink(tx, current.teamId),
    });
    if (current.ownerId !== null && current.ownerId !== input.ownerId) {
      notify(tx, {
        kind: "help_changed",
        by: actor,
        to: [{ people: [current.ownerId] }],
        subject,
        title: `“${current.title}”, which you took up, is now with ${taker}`,
        linkPath: helpLink(tx, current.teamId),
      });
    }
    return current;
  });
  invalidate(tags.team(result.teamId), tags.cycle(result.cycleId));
}

/** Resolved (the help came) or dropped (no longer needed): either way it leaves /help-wanted. */
export function closeHelpRequest({ actor, input }: { actor: Actor; input: CloseHelpRequestInput }, db: Db = getDb()): void {
  const result = db.transaction((tx) => {
    const current = openRequest(tx, input.id);
    assertCan(actor, "help.manage", { teamId: current.teamId });
    assertStillOpen(current);
    tx.update(helpRequests).set({ status: input.status, updatedAt: new Date() }).where(eq(helpRequests.id, current.id)).run();
    recordAudit(tx, actor, {
      action: `help.${input.status === "resolved" ? "resolve" : "drop"}`,
      entityType: "help_request",
      entityId: current.id,
      before: { status: current.status },
      after: { status: input.status },
    });
    notify(tx, {
      kind: "help_changed",
      by: actor,
      to: [{ people: [current.ownerId] }],
      subject: { type: "help_request", id: current.id, teamId: current.teamId },
      title: `“${current.title}”, which you took up, was ${input.status === "resolved" ? "marked resolved" : "dropped"}`,
      linkPath: helpLink(tx, current.teamId),
    });
    return current;
  });
  invalidate(tags.team(result.teamId), tags.cycle(result.cycleId));
}
