/**
 * A person's inbox: their notifications newest first, the unread count the header shows,
 * and marking them read. Per person and per request, so never cached.
 */
import "server-only";
import { and, count, desc, eq, isNull } from "drizzle-orm";
import { getDb, type Db } from "@/db/client";
import { notifications } from "@/db/schema";
import { NotFoundError } from "@/lib/errors";
import { ownerOf, type Actor } from "@/lib/permissions";
import type { MarkReadInput } from "@/lib/validation/notifications";

export const INBOX_PAGE = 100;

export interface InboxEntry {
  id: number;
  kind: string;
  title: string;
  body: string;
  linkPath: string;
  createdAt: number;
  read: boolean;
}

export function listInbox({ actor }: { actor: Actor }, db: Db = getDb()): InboxEntry[] {
  const personId = ownerOf(actor, "notification.own");
  return db
    .select({
      id: notifications.id,
      kind: notifications.kind,
      title: notifications.title,
      body: notifications.body,
      linkPath: notifications.linkPath,
      createdAt: notifications.createdAt,
      readAt: notifications.readAt,
    })
    .from(notifications)
    .where(eq(notifications.personId, personId))
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(INBOX_PAGE)
    .all()
    .map(({ createdAt, readAt, ...entry }) => ({ ...entry, createdAt: createdAt.getTime(), read: readAt !== null }));
}

/** For the header, through /api/session: one index count. */
export function unreadCount(personId: string, db: Db = getDb()): number {
  return (
    db
      .select({ n: count() })
      .from(notifications)
      .where(and(eq(notifications.personId, personId), isNull(notifications.readAt)))
      .get()?.n ?? 0
  );
}

/** Reading one's own notices is not audited: it changes nothing anyone else sees. */
export function markRead({ actor, input }: { actor: Actor; input: MarkReadInput }, db: Db = getDb()): void {
  const personId = ownerOf(actor, "notification.own");
  const row = db
    .select({ readAt: notifications.readAt })
    .from(notifications)
    .where(and(eq(notifications.id, input.id), eq(notifications.personId, personId)))
    .get();
  if (!row) throw new NotFoundError("Notification");
  if (row.readAt === null) db.update(notifications).set({ readAt: new Date() }).where(eq(notifications.id, input.id)).run();
}

export function markAllRead({ actor }: { actor: Actor }, db: Db = getDb()): { marked: number } {
  const personId = ownerOf(actor, "notification.own");
  const result = db
    .update(notifications)
    .set({ readAt: new Date() })
    .where(and(eq(notifications.personId, personId), isNull(notifications.readAt)))
    .run();
  return { marked: result.changes };
}
