/**
 * The one-click unsubscribe link in every notification email: the person and the kinds
 * it turns off, signed with the app's secret so it works without signing in and cannot be
 * forged for someone else.
 */
import "server-only";
import { createHmac, timingSafeEqual } from "node:crypto";
import { NOTIFICATION_KIND, type NotificationKind } from "@/lib/domain";
import type { Mail } from "@/lib/mailer";
import { authSecret } from "../identity/auth";

function signature(payload: string): string {
  return createHmac("sha256", authSecret()).update(`unsubscribe:${payload}`).digest("base64url");
}

export function unsubscribeToken(personId: string, kinds: NotificationKind[]): string {
  const payload = Buffer.from(`${personId}\n${[...new Set(kinds)].sort().join(",")}`).toString("base64url");
  return `${payload}.${signature(payload)}`;
}

export function unsubscribeUrl(baseUrl: string, personId: string, kinds: NotificationKind[]): string {
  return `${baseUrl}/api/unsubscribe?token=${unsubscribeToken(personId, kinds)}`;
}

/** The person and kinds of a genuine token; null for anything else. */
export function verifyUnsubscribeToken(token: string): { personId: string; kinds: NotificationKind[] } | null {
  const [payload, given, extra] = token.split(".");
  if (!payload || !given || extra !== undefined) return null;
  const expected = Buffer.from(signature(payload));
  const actual = Buffer.from(given);
  if (expected.length !== actual.length || !timingSafeEqual(expected, actual)) return null;
  const [personId, kindList] = Buffer.from(payload, "base64url").toString("utf8").split("\n");
  const kinds = (kindList ?? "").split(",").filter((k): k is NotificationKind => (NOTIFICATION_KIND as string[]).includes(k));
  if (!personId || kinds.length === 0) return null;
  return { personId, kinds };
}

/** Every mail says how to stop it, in the text and in the headers mail clients offer as a button (RFC 8058). */
export function withUnsubscribe(mail: Omit<Mail, "headers">, url: string): Mail {
  return {
    ...mail,
    text: `${mail.text}\n\n--\nStop these emails (one click, no sign-in): ${url}\nOr choose what is mailed on your inbox page.`,
    headers: { "List-Unsubscribe": `<${url}>`, "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" },
  };
}
