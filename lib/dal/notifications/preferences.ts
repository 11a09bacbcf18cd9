/**
 * How each kind of notification reaches a person by email: their choice, or the kind's
 * default in lib/domain.ts. The unsubscribe link turns kinds off without signing in.
 */
import "server-only";
import { and, eq, inArray } from "drizzle-orm";
import { getDb, type Db, type Tx } from "@/db/client";
import { notificationPreferences, people } from "@/db/schema";
import { NOTIFICATION_KIND, NOTIFICATION_KINDS, type EmailDelivery, type NotificationKind } from "@/lib/domain";
import { ownerOf, type Actor } from "@/lib/permissions";
import type { EmailPreferencesInput } from "@/lib/validation/notifications";
import { recordAudit } from "../audit/audit";

/** Each of these people's email choice for one kind. */
export function emailChoices(db: Db | Tx, personIds: string[], kind: NotificationKind): Map<string, EmailDelivery> {
  const chosen = new Map(
    db
      .select({ personId: notificationPreferences.personId, email: notificationPreferences.email })
      .from(notificationPreferences)
      .where(and(inArray(notificationPreferences.personId, personIds), eq(notificationPreferences.kind, kind)))
      .all()
      .map((r) => [r.personId, r.email]),
  );
  return new Map(personIds.map((id) => [id, chosen.get(id) ?? NOTIFICATION_KINDS[kind].email]));
}

/** The signed-in person's choice for every kind, for the form on /inbox. */
export function getEmailPreferences({ actor }: { actor: Actor }, db: Db = getDb()): Record<NotificationKind, EmailDelivery> {
  const personId = ownerOf(actor, "notification.own");
  const rows = db.select().from(notificationPreferences).where(eq(notificationPreferences.personId, personId)).all();
  return Object.fromEntries(
    NOTIFICATION_KIND.map((kind) => [kind, rows.find((r) => r.kind === kind)?.email ?? NOTIFICATION_KINDS[kind].email]),
  ) as Record<NotificationKind, EmailDelivery>;
}

function writeChoices(tx: Tx, personId: string, choices: Partial<Record<NotificationKind, EmailDelivery>>) {
  for (const [kind, email] of Object.entries(choices)) {
    tx.insert(notificationPreferences)
      .values({ personId, kind, email })
      .onConflictDoUpdate({ target: [notificationPreferences.personId, notificationPreferences.kind], set: { email } })
      .run();
  }
}

export function setEmailPreferences({ actor, input }: { actor: Actor; input: EmailPreferencesInput }, db: Db = getDb()): void {
  const personId = ownerOf(actor, "notification.own");
  db.transaction((tx) => {
    writeChoices(tx, personId, input);
    recordAudit(tx, actor, { action: "notification.preferences", entityType: "person", entityId: personId, after: input });
  });
}

/** From a verified unsubscribe link: these kinds are no longer mailed to this person. */
export function unsubscribe({ personId, kinds }: { personId: string; kinds: NotificationKind[] }, db: Db = getDb()): void {
  db.transaction((tx) => {
    // A link outlives its person: once they are gone there is nothing to turn off.
    if (!tx.select({ id: people.id }).from(people).where(eq(people.id, personId)).get()) return;
    writeChoices(tx, personId, Object.fromEntries(kinds.map((kind) => [kind, "off"])));
    recordAudit(
      tx,
      { kind: "system", label: "unsubscribe link" },
      { action: "notification.unsubscribe", entityType: "person", entityId: personId, after: { kinds } },
    );
  });
}
