import "server-only";
import { getDb } from "@/db/client";
import { mailerFromEnv } from "@/lib/mailer";
import { publicBaseUrl } from "../identity/auth";
import { DIGEST_HOUR_UTC, sendAtOnce, sendDigests } from "./mail";
import { sendReminders } from "./reminders";
import { notifyExpiringTokens } from "./token-expiry";

const HOUR = 60 * 60 * 1000;

/**
 * Now and every hour: due reminders (a reminder row per team and milestone keeps it to
 * once), token expiry warnings (once per token), any "at once" mail that did not go out
 * right after its event, and, in the digest hour, the daily digests. Claimed rows keep a
 * second run within the hour from mailing anything twice.
 */
export function startReminderSchedule(): void {
  const run = async () => {
    const now = Date.now();
    const sendMail = mailerFromEnv();
    const { sent } = await sendReminders({
      actor: { kind: "system", label: "reminder schedule" },
      now,
      baseUrl: publicBaseUrl(),
      sendMail,
    });
    if (sent > 0) console.log(`Sent ${sent} "update due" reminder(s).`);
    notifyExpiringTokens({ now }, getDb());
    if (!sendMail) return;
    await sendAtOnce({ sendMail, baseUrl: publicBaseUrl(), now }, getDb());
    if (new Date(now).getUTCHours() === DIGEST_HOUR_UTC) await sendDigests({ sendMail, baseUrl: publicBaseUrl(), now }, getDb());
  };
  const guarded = () =>
    run().catch((error: unknown) => console.error("Reminder schedule failed:", error instanceof Error ? error.message : error));
  setTimeout(guarded, 10_000).unref();
  setInterval(guarded, HOUR).unref();
}
