/** A person as an Actor, read from the database alone: usable by scripts outside a request. */
import "server-only";
import { and, eq } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import { people, teamLeads, teams } from "@/db/schema";
import { ANONYMOUS, type Actor } from "@/lib/permissions";

/** A person as an Actor, or anonymous when they are unknown or deactivated. */
export function actorForPerson(db: Db | Tx, personId: string): Actor {
  const person = db
    .select({ id: people.id, name: people.name, role: people.role, active: people.active })
    .from(people)
    .where(eq(people.id, personId))
    .get();
  if (!person?.active) return ANONYMOUS;
  const leadOf = db
    .select({ teamId: teamLeads.teamId })
    .from(teamLeads)
    .innerJoin(teams, eq(teams.id, teamLeads.teamId))
    .where(and(eq(teamLeads.personId, personId), eq(teams.archived, false)))
    .all()
    .map((r) => r.teamId);
  return { kind: "person", id: person.id, name: person.name, role: person.role, leadOf };
}
