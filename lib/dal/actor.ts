import "server-only";
import { and, eq, inArray } from "drizzle-orm";
import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";
import { getDb, type Db } from "@/db/client";
import { people, teamLeads, teams } from "@/db/schema";
import { ANONYMOUS, type Actor } from "@/lib/permissions";
import type { SessionInfo } from "@/lib/session-info";
import { getAuth } from "./auth";

/** A person as an Actor, or anonymous when they are unknown or deactivated. */
export function actorForPerson(db: Db, personId: string): Actor {
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

/**
 * Who is making this request. Reads the session cookie, so only signed-in pages, server
 * actions and route handlers call it; public dashboards never do.
 */
export const getCurrentActor = cache(async (): Promise<Actor> => {
  // The cookie store, not the request's Cookie header: after a server action renews the
  // session (a password change), the re-render must see the new cookie.
  const requestHeaders = new Headers(await headers());
  requestHeaders.set("cookie", (await cookies()).toString());
  const session = await getAuth().api.getSession({ headers: requestHeaders });
  if (!session) return ANONYMOUS;
  return actorForPerson(getDb(), session.user.id);
});

type PersonActor = Extract<Actor, { kind: "person" }>;

/** For signed-in pages: the person, or a redirect to sign in and come back. */
export async function requireSignedIn(returnTo: string): Promise<PersonActor> {
  const actor = await getCurrentActor();
  if (actor.kind !== "person") redirect(`/signin?next=${encodeURIComponent(returnTo)}` as never);
  return actor;
}

/** The browser's view of the current person (GET /api/session). */
export async function getSessionInfo(): Promise<SessionInfo> {
  const actor = await getCurrentActor();
  if (actor.kind !== "person") return { signedIn: false };
  const leadOf =
    actor.leadOf.length === 0
      ? []
      : getDb().select({ slug: teams.slug }).from(teams).where(inArray(teams.id, [...actor.leadOf])).all().map((t) => t.slug);
  return { signedIn: true, name: actor.name, role: actor.role, leadOf };
}
