import "server-only";
import { inArray } from "drizzle-orm";
import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";
import { getDb } from "@/db/client";
import { teams } from "@/db/schema";
import { ANONYMOUS, type Actor } from "@/lib/permissions";
import type { SessionInfo } from "@/lib/session-info";
import { unreadCount } from "../notifications/inbox";
import { getAuth } from "./auth";
import { actorForPerson } from "./person-actor";

/**
 * Who is making this request. Reads the session cookie, so only signed-in pages, server
 * actions and route handlers call it; public dashboards never do.
 */
export const getCurrentActor = cache(async (): Promise<Actor> => {
  // The cookie store, not the request's Cookie header: after a server action renews the
  // session (a password change), the re-render must see the new cookie.
  const requestHeaders = new Headers(await headers());
  requestHeaders.set("cookie", (await cookies()).toString());
  return actorFromSession(requestHeaders);
});

/** The person of the session cookie in these headers, for code that holds the request itself (proxy.ts). */
export async function actorFromSession(requestHeaders: Headers): Promise<Actor> {
  const session = await getAuth().api.getSession({ headers: requestHeaders });
  if (!session) return ANONYMOUS;
  return actorForPerson(getDb(), session.user.id);
}

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
      : getDb()
          .select({ slug: teams.slug })
          .from(teams)
          .where(inArray(teams.id, [...actor.leadOf]))
          .all()
          .map((t) => t.slug);
  return { signedIn: true, name: actor.name, role: actor.role, leadOf, unread: unreadCount(actor.id) };
}
