/**
 * Notification email: each "at once" notification in a mail of its own, the "daily"
 * ones in one digest per person. The queue is the rows not yet mailed; a row is claimed
 * (mailed_at set) before its mail goes, so two senders never mail it twice, and released
 * again if the mail fails, so the next run retries it.
 */
import "server-only";
import { and, asc, eq, inArray, isNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import { communitySettings, notifications, people } from "@/db/schema";
import { NOTIFICATION_KINDS, type EmailDelivery, type NotificationKind } from "@/lib/domain";
import type { Mail, SendMail } from "@/lib/mailer";
import { emailChoices } from "./preferences";
import { unsubscribeUrl, withUnsubscribe } from "./unsubscribe-link";

/** The digest goes out on the schedule's first run in this hour (UTC). */
export const DIGEST_HOUR_UTC = 7;
const BATCH = 500;

interface Queued {
  id: number;
  personId: string;
  kind: NotificationKind;
  title: string;
  body: string;
  linkPath: string;
  email: string;
}

function queued(db: Db): (Queued & { choice: EmailDelivery })[] {
  const rows = db
    .select({
      id: notifications.id,
      personId: notifications.personId,
      kind: notifications.kind,
      title: notifications.title,
      body: notifications.body,
      linkPath: notifications.linkPath,
      email: people.email,
    })
    .from(notifications)
    .innerJoin(people, eq(people.id, notifications.personId))
    .where(and(isNull(notifications.mailedAt), eq(people.active, true)))
    .orderBy(asc(notifications.id))
    .limit(BATCH)
    .all()
    .filter((r): r is Queued => r.kind in NOTIFICATION_KINDS);
  const choices = new Map<string, EmailDelivery>();
  for (const kind of new Set(rows.map((r) => r.kind))) {
    for (const [personId, choice] of emailChoices(db, [...new Set(rows.filter((r) => r.kind === kind).map((r) => r.personId))], kind))
      choices.set(`${personId} ${kind}`, choice);
  }
  return rows.map((r) => ({ ...r, choice: choices.get(`${r.personId} ${r.kind}`) ?? "off" }));
}

/** Marks rows mailed; returns those this call claimed (another sender may have been first). */
function claim(db: Db, ids: number[], now: number): number[] {
  if (ids.length === 0) return [];
  return db
    .update(notifications)
    .set({ mailedAt: new Date(now) })
    .where(and(inArray(notifications.id, ids), isNull(notifications.mailedAt)))
    .returning({ id: notifications.id })
    .all()
    .map((r) => r.id);
}

function release(db: Db, ids: number[]): void {
  db.update(notifications).set({ mailedAt: null }).where(inArray(notifications.id, ids)).run();
}

function siteName(db: Db): string {
  return db.select({ name: communitySettings.name }).from(communitySettings).where(eq(communitySettings.id, 1)).get()?.name ?? "Cycleboard";
}

async function deliver(db: Db, sendMail: SendMail, ids: number[], now: number, mail: Mail): Promise<boolean> {
  const claimed = claim(db, ids, now);
  if (claimed.length === 0) return false;
  try {
    await sendMail(mail);
    return true;
  } catch (error) {
    release(db, claimed);
    console.error("Could not mail a notification:", error instanceof Error ? error.message : error);
    return false;
  }
}

/** Mails each "at once" notification; those whose kind was turned off meanwhile are settled unmailed. */
export async function sendAtOnce(
  { sendMail, baseUrl, now }: { sendMail: SendMail; baseUrl: string; now: number },
  db: Db,
): Promise<{ mailed: number }> {
  const rows = queued(db);
  claim(
    db,
    rows.filter((r) => r.choice === "off").map((r) => r.id),
    now,
  );
  const name = siteName(db);
  let mailed = 0;
  for (const row of rows.filter((r) => r.choice === "at_once")) {
    const mail = withUnsubscribe(
      {
        to: [row.email],
        subject: `${name}: ${row.title}`,
        text: [row.title, row.body, `${baseUrl}${row.linkPath}`].filter(Boolean).join("\n\n"),
      },
      unsubscribeUrl(baseUrl, row.personId, [row.kind]),
    );
    if (await deliver(db, sendMail, [row.id], now, mail)) mailed += 1;
  }
  return { mailed };
}

/** One digest per person of everything they asked to hear of daily and have not been mailed. */
export async function sendDigests(
  { sendMail, baseUrl, now }: { sendMail: SendMail; baseUrl: string; now: number },
  db: Db,
): Promise<{ mailed: number }> {
  const daily = queued(db).filter((r) => r.choice === "daily");
  const name = siteName(db);
  let mailed = 0;
  for (const personId of new Set(daily.map((r) => r.personId))) {
    const rows = daily.filter((r) => r.personId === personId);
    const text = [
      `What happened on ${name} since the last digest:`,
      ...rows.map((r) => `- ${r.title}\n  ${baseUrl}${r.linkPath}`),
      `Your inbox: ${baseUrl}/inbox`,
    ].join("\n\n");
    const mail = withUnsubscribe(
      { to: [rows[0]!.email], subject: `${name}: your daily digest (${rows.length})`, text },
      unsubscribeUrl(
        baseUrl,
        personId,
        rows.map((r) => r.kind),
      ),
    );
    if (
      await deliver(
        db,
        sendMail,
        rows.map((r) => r.id),
        now,
        mail,
      )
    )
      mailed += 1;
  }
  return { mailed };
}
