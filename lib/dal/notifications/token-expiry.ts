/** Warns a token's owner a week before it expires, once per token, from the hourly job. */
import "server-only";
import { and, eq, gt, isNull, lte } from "drizzle-orm";
import type { Db } from "@/db/client";
import { apiTokens, people } from "@/db/schema";
import { formatDay } from "@/lib/dates";
import type { Actor } from "@/lib/permissions";
import { notify } from "./notify";

export const TOKEN_WARNING_DAYS = 7;
const DAY = 86_400_000;
const JOB: Actor = { kind: "system", label: "token expiry warning" };

export function notifyExpiringTokens({ now }: { now: number }, db: Db): { warned: number } {
  const expiring = db
    .select({ id: apiTokens.id, name: apiTokens.name, personId: apiTokens.personId, expiresAt: apiTokens.expiresAt })
    .from(apiTokens)
    .innerJoin(people, eq(people.id, apiTokens.personId))
    .where(
      and(
        isNull(apiTokens.revokedAt),
        gt(apiTokens.expiresAt, new Date(now)),
        lte(apiTokens.expiresAt, new Date(now + TOKEN_WARNING_DAYS * DAY)),
        eq(people.active, true),
      ),
    )
    .all();
  let warned = 0;
  for (const token of expiring) {
    const day = formatDay(token.expiresAt!.toISOString().slice(0, 10));
    const notified = db.transaction((tx) =>
      notify(tx, {
        kind: "token_expiring",
        by: JOB,
        to: [{ people: [token.personId] }],
        subject: { type: "api_token", id: token.id, ownerId: token.personId },
        title: `Your API token “${token.name}” expires on ${day}`,
        body: "Create a new one on your account page and give it to whatever uses this one.",
        linkPath: "/account/tokens",
        once: true,
      }),
    );
    warned += notified.length;
  }
  return { warned };
}
