/**
 * Who is calling the JSON API: the owner of a bearer token (narrowed to its scopes), or the
 * person of the session cookie, or anonymous. Reads the Request itself (not next/headers),
 * so route handlers can be called directly in tests.
 */
import "server-only";
import { getSessionCookie } from "better-auth/cookies";
import { getDb, type Db } from "@/db/client";
import { UnauthorizedError } from "@/lib/errors";
import { ANONYMOUS, type Actor } from "@/lib/permissions";
import { actorForPerson } from "./person-actor";
import { authenticateApiToken } from "./api-tokens";
import { getAuth } from "./auth";
import { isPrivateMode } from "../site/settings";

export async function actorFromRequest(request: Request, db: Db = getDb()): Promise<Actor> {
  const authorization = request.headers.get("authorization");
  if (authorization !== null) {
    // A wrong token is an error, never a silent fall back to anonymous reading.
    const [scheme, secret, ...rest] = authorization.trim().split(/\s+/);
    if (scheme?.toLowerCase() !== "bearer" || !secret || rest.length > 0)
      throw new UnauthorizedError("Send the token as: Authorization: Bearer <token>");
    const actor = authenticateApiToken(secret, db);
    if (!actor) throw new UnauthorizedError("This token is unknown, expired or revoked.");
    return actor;
  }
  if (!getSessionCookie(request.headers)) return ANONYMOUS;
  const session = await getAuth().api.getSession({ headers: request.headers });
  return session ? actorForPerson(db, session.user.id) : ANONYMOUS;
}

/** The caller of an API read: anyone, unless the site is private. */
export async function readerFromRequest(request: Request, db: Db = getDb()): Promise<Actor> {
  const actor = await actorFromRequest(request, db);
  if (actor.kind === "anonymous" && isPrivateMode(db)) throw new UnauthorizedError("This site is private: sign in or send an API token.");
  return actor;
}

/** The caller of an API write: someone with credentials (what they may do is the data layer's call). */
export async function writerFromRequest(request: Request, db: Db = getDb()): Promise<Actor> {
  const actor = await actorFromRequest(request, db);
  if (actor.kind === "anonymous") throw new UnauthorizedError();
  return actor;
}
