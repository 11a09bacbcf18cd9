/**
 * API tokens: scoped credentials for automation. The secret is shown once at creation;
 * only its SHA-256 hash is kept (a token is random and long, so a slow hash adds nothing),
 * with its first characters to recognise it in lists.
 */
import "server-only";
import { and, asc, desc, eq, inArray, isNull, lt, or } from "drizzle-orm";
import { createHash, randomBytes } from "node:crypto";
import { getDb, type Db } from "@/db/client";
import { apiTokens, apiTokenTeams, people, teams } from "@/db/schema";
import { ForbiddenError, InputError, NotFoundError } from "@/lib/errors";
import { assertCan, TOKEN_SCOPES, type Action, type Actor } from "@/lib/permissions";
import type { CreateApiTokenInput } from "@/lib/validation/api-token";
import { actorForPerson } from "./person-actor";
import { recordAudit } from "../audit/audit";

/** Every secret starts with this, so leaked tokens are easy to find in logs and by secret scanners. */
export const TOKEN_PREFIX = "cb_";
const PREFIX_LENGTH = TOKEN_PREFIX.length + 8;
/** Last use is kept to the minute: a busy CI job need not write on every request. */
const LAST_USE_RESOLUTION_MS = 60_000;

export function hashToken(secret: string): string {
  return createHash("sha256").update(secret).digest("hex");
}

export interface ApiTokenRow {
  id: number;
  name: string;
  prefix: string;
  scopes: string[];
  teams: { slug: string; name: string }[];
  owner: { id: string; name: string };
  expiresAt: number | null;
  lastUsedAt: number | null;
  revokedAt: number | null;
  createdAt: number;
}

/** Creates a token for the actor; the secret in the answer is never readable again. */
export function createApiToken(
  { actor, input, now = Date.now() }: { actor: Actor; input: CreateApiTokenInput; now?: number },
  db: Db = getDb(),
): { id: number; secret: string } {
  assertCan(actor, "token.manage_own");
  if (actor.kind !== "person") throw new ForbiddenError("token.manage_own");
  const secret = `${TOKEN_PREFIX}${randomBytes(32).toString("base64url")}`;
  return db.transaction((tx) => {
    const slugs = [...new Set(input.teams)];
    const teamRows =
      slugs.length === 0 ? [] : tx.select({ id: teams.id, slug: teams.slug }).from(teams).where(inArray(teams.slug, slugs)).all();
    const missing = slugs.filter((slug) => !teamRows.some((t) => t.slug === slug));
    if (missing.length > 0) throw new InputError("teams", `No team is called ${missing.join(", ")}`);
    const expiresAt = input.expiresInDays === null ? null : new Date(now + input.expiresInDays * 86_400_000);
    const row = tx
      .insert(apiTokens)
      .values({
        personId: actor.id,
        name: input.name,
        prefix: secret.slice(0, PREFIX_LENGTH),
        tokenHash: hashToken(secret),
        scopes: [...new Set(input.scopes)],
        expiresAt,
      })
      .returning({ id: apiTokens.id })
      .get();
    if (teamRows.length > 0)
      tx.insert(apiTokenTeams)
        .values(teamRows.map((t) => ({ tokenId: row.id, teamId: t.id })))
        .run();
    recordAudit(tx, actor, {
      action: "token.create",
      entityType: "api_token",
      entityId: row.id,
      after: { name: input.name, scopes: input.scopes, teams: slugs, expiresAt: expiresAt?.toISOString() ?? null },
    });
    return { id: row.id, secret };
  });
}

/** The actor's own tokens, or with `everyone` (admins only) every person's. Newest first. */
export function listApiTokens({ actor, everyone = false }: { actor: Actor; everyone?: boolean }, db: Db = getDb()): ApiTokenRow[] {
  if (everyone) assertCan(actor, "person.manage");
  else assertCan(actor, "token.manage_own");
  const ownerId = actor.kind === "person" ? actor.id : "";
  const rows = db
    .select({ token: apiTokens, ownerName: people.name })
    .from(apiTokens)
    .innerJoin(people, eq(people.id, apiTokens.personId))
    .where(everyone ? undefined : eq(apiTokens.personId, ownerId))
    .orderBy(desc(apiTokens.createdAt), desc(apiTokens.id))
    .all();
  const scopedTeams =
    rows.length === 0
      ? []
      : db
          .select({ tokenId: apiTokenTeams.tokenId, slug: teams.slug, name: teams.name })
          .from(apiTokenTeams)
          .innerJoin(teams, eq(teams.id, apiTokenTeams.teamId))
          .where(
            inArray(
              apiTokenTeams.tokenId,
              rows.map((r) => r.token.id),
            ),
          )
          .orderBy(asc(teams.sortOrder))
          .all();
  return rows.map(({ token, ownerName }) => ({
    id: token.id,
    name: token.name,
    prefix: token.prefix,
    scopes: token.scopes,
    teams: scopedTeams.filter((t) => t.tokenId === token.id).map(({ slug, name }) => ({ slug, name })),
    owner: { id: token.personId, name: ownerName },
    expiresAt: token.expiresAt?.getTime() ?? null,
    lastUsedAt: token.lastUsedAt?.getTime() ?? null,
    revokedAt: token.revokedAt?.getTime() ?? null,
    createdAt: token.createdAt.getTime(),
  }));
}

/** Stops a token at once. Its owner may revoke it, and so may admins. */
export function revokeApiToken({ actor, id }: { actor: Actor; id: number }, db: Db = getDb()): void {
  db.transaction((tx) => {
    const token = tx
      .select({ personId: apiTokens.personId, name: apiTokens.name, revokedAt: apiTokens.revokedAt })
      .from(apiTokens)
      .where(eq(apiTokens.id, id))
      .get();
    if (!token) throw new NotFoundError("Token");
    const own = actor.kind === "person" && actor.id === token.personId;
    assertCan(actor, own ? "token.manage_own" : "person.manage");
    if (token.revokedAt) return;
    tx.update(apiTokens).set({ revokedAt: new Date() }).where(eq(apiTokens.id, id)).run();
    recordAudit(tx, actor, { action: "token.revoke", entityType: "api_token", entityId: id, before: { name: token.name } });
  });
}

/**
 * The actor a bearer secret stands for: its owner, narrowed to the token's scopes and
 * teams; null when the secret is unknown, expired or revoked, or its owner is deactivated.
 */
export function authenticateApiToken(secret: string, db: Db = getDb(), now = Date.now()): Actor | null {
  if (!secret.startsWith(TOKEN_PREFIX) || secret.length > 200) return null;
  const token = db
    .select()
    .from(apiTokens)
    .where(eq(apiTokens.tokenHash, hashToken(secret)))
    .get();
  if (!token || token.revokedAt || (token.expiresAt && token.expiresAt.getTime() <= now)) return null;
  const owner = actorForPerson(db, token.personId);
  if (owner.kind !== "person") return null;
  db.update(apiTokens)
    .set({ lastUsedAt: new Date(now) })
    .where(
      and(eq(apiTokens.id, token.id), or(isNull(apiTokens.lastUsedAt), lt(apiTokens.lastUsedAt, new Date(now - LAST_USE_RESOLUTION_MS)))),
    )
    .run();
  const teamIds = db
    .select({ teamId: apiTokenTeams.teamId })
    .from(apiTokenTeams)
    .where(eq(apiTokenTeams.tokenId, token.id))
    .all()
    .map((t) => t.teamId);
  const scopes = token.scopes.filter((s): s is Action => (TOKEN_SCOPES as readonly string[]).includes(s));
  return { ...owner, token: { id: token.id, name: token.name, scopes, teamIds } };
}
