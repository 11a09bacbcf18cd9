import "server-only";
import { hashPassword } from "better-auth/crypto";
import { asc, eq, inArray, sql } from "drizzle-orm";
import { randomBytes, randomUUID } from "node:crypto";
import { getDb, type Db, type Tx } from "@/db/client";
import { accounts, people, sessions, teamLeads, teams } from "@/db/schema";
import type { Role } from "@/lib/domain";
import { InputError, NotFoundError } from "@/lib/errors";
import { assertCan, type Actor } from "@/lib/permissions";
import type { CreatePersonInput, EditPersonInput } from "@/lib/validation/person";
import { recordAudit } from "../audit/audit";
import { invalidate, tags } from "../cache/cache";
import { notify } from "../notifications/notify";

/** A password nobody chose: shown once, to be changed after the first sign-in. */
export function generatePassword(): string {
  return randomBytes(15).toString("base64url");
}

function teamIdsForSlugs(db: Db | Tx, slugs: readonly string[]): number[] {
  if (slugs.length === 0) return [];
  const rows = db
    .select({ id: teams.id, slug: teams.slug })
    .from(teams)
    .where(inArray(teams.slug, [...slugs]))
    .all();
  const missing = slugs.filter((s) => !rows.some((r) => r.slug === s));
  if (missing.length > 0) throw new InputError("leads", `No team is called ${missing.join(", ")}`);
  return rows.map((r) => r.id);
}

/** Tells a person of each team they now lead. */
function notifyNewLead(tx: Tx, actor: Actor, personId: string, teamIds: number[]): void {
  if (teamIds.length === 0) return;
  for (const team of tx.select({ id: teams.id, slug: teams.slug, name: teams.name }).from(teams).where(inArray(teams.id, teamIds)).all()) {
    notify(tx, {
      kind: "made_lead",
      by: actor,
      to: [{ people: [personId] }],
      subject: { type: "team", id: team.id },
      title: `You are now a lead of ${team.name}`,
      linkPath: `/teams/${team.slug}`,
    });
  }
}

/** Creates a person with a password account; returns the id. The password is hashed by better-auth. */
export async function createPerson(
  { actor, input, password }: { actor: Actor; input: CreatePersonInput; password: string },
  db: Db = getDb(),
): Promise<{ id: string }> {
  assertCan(actor, "person.manage");
  const hash = await hashPassword(password);
  const id = randomUUID();
  db.transaction((tx) => {
    const taken = tx
      .select({ id: people.id })
      .from(people)
      .where(sql`lower(${people.email}) = lower(${input.email})`)
      .get();
    if (taken) throw new InputError("email", "Someone already has this email address");
    const teamIds = teamIdsForSlugs(tx, input.leads);
    tx.insert(people).values({ id, name: input.name, email: input.email.toLowerCase(), role: input.role, emailVerified: true }).run();
    tx.insert(accounts).values({ id: randomUUID(), personId: id, accountId: id, providerId: "credential", password: hash }).run();
    for (const teamId of teamIds) tx.insert(teamLeads).values({ teamId, personId: id }).run();
    recordAudit(tx, actor, {
      action: "person.create",
      entityType: "person",
      entityId: id,
      after: { name: input.name, email: input.email, role: input.role, leads: input.leads },
    });
    notifyNewLead(tx, actor, id, teamIds);
  });
  invalidate(tags.teams, tags.teamList);
  return { id };
}

/** Changes a person's name, role, teams led or active state; deactivating ends their sessions at once. */
export function editPerson({ actor, input }: { actor: Actor; input: EditPersonInput }, db: Db = getDb()): void {
  assertCan(actor, "person.manage");
  db.transaction((tx) => {
    const current = tx.select().from(people).where(eq(people.id, input.id)).get();
    if (!current) throw new NotFoundError("Person");
    if (actor.kind === "person" && actor.id === input.id && (input.active === false || (input.role && input.role !== "admin"))) {
      throw new InputError(input.active === false ? "active" : "role", "You cannot deactivate yourself or drop your own admin role");
    }
    const before: Record<string, unknown> = {};
    const after: Record<string, unknown> = {};
    for (const key of ["name", "role", "active"] as const) {
      if (input[key] !== undefined && input[key] !== current[key]) {
        before[key] = current[key];
        after[key] = input[key];
      }
    }
    if (Object.keys(after).length > 0) {
      tx.update(people)
        .set({ ...after, updatedAt: new Date() })
        .where(eq(people.id, input.id))
        .run();
    }
    if (input.active === false) tx.delete(sessions).where(eq(sessions.personId, input.id)).run();
    if (input.leads) {
      const teamIds = teamIdsForSlugs(tx, input.leads);
      const previous = tx
        .select({ slug: teams.slug })
        .from(teamLeads)
        .innerJoin(teams, eq(teams.id, teamLeads.teamId))
        .where(eq(teamLeads.personId, input.id))
        .all()
        .map((r) => r.slug)
        .sort();
      if (previous.join() !== [...input.leads].sort().join()) {
        const led = new Set(
          tx
            .select({ teamId: teamLeads.teamId })
            .from(teamLeads)
            .where(eq(teamLeads.personId, input.id))
            .all()
            .map((r) => r.teamId),
        );
        tx.delete(teamLeads).where(eq(teamLeads.personId, input.id)).run();
        for (const teamId of teamIds) tx.insert(teamLeads).values({ teamId, personId: input.id }).run();
        notifyNewLead(
          tx,
          actor,
          input.id,
          teamIds.filter((teamId) => !led.has(teamId)),
        );
        before.leads = previous;
        after.leads = input.leads;
      }
    }
    if (Object.keys(after).length > 0)
      recordAudit(tx, actor, { action: "person.edit", entityType: "person", entityId: input.id, before, after });
  });
  invalidate(tags.teams, tags.teamList);
}

export interface PersonRow {
  id: string;
  name: string;
  email: string;
  role: Role;
  active: boolean;
  leads: { slug: string; name: string }[];
}

export function listPeople({ actor }: { actor: Actor }, db: Db = getDb()): PersonRow[] {
  assertCan(actor, "person.manage");
  const rows = db
    .select({ id: people.id, name: people.name, email: people.email, role: people.role, active: people.active })
    .from(people)
    .orderBy(asc(people.name))
    .all();
  const leads = db
    .select({ personId: teamLeads.personId, slug: teams.slug, name: teams.name })
    .from(teamLeads)
    .innerJoin(teams, eq(teams.id, teamLeads.teamId))
    .orderBy(asc(teams.sortOrder))
    .all();
  return rows.map((p) => ({ ...p, leads: leads.filter((l) => l.personId === p.id).map(({ slug, name }) => ({ slug, name })) }));
}

/** Whether any admin account was ever made (active or not): first start creates one otherwise. */
export function hasAdmin(db: Db): boolean {
  return db.select({ id: people.id }).from(people).where(eq(people.role, "admin")).limit(1).get() !== undefined;
}

/** better-auth changes the hash; the audit trail still records that it happened. */
export function recordPasswordChange(actor: Actor, db: Db = getDb()): void {
  if (actor.kind !== "person") return;
  recordAudit(db, actor, { action: "person.change_password", entityType: "person", entityId: actor.id });
}
