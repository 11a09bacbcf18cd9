import "server-only";
import { publicBaseUrl } from "../identity/auth";
import { sendReminders } from "./reminders";
import { mailerFromEnv } from "@/lib/mailer";

const HOUR = 60 * 60 * 1000;

/** Sends due reminders now and every hour; a reminder row per team and milestone keeps it to once. */
export function startReminderSchedule(): void {
  const run = () => {
    sendReminders({
      actor: { kind: "system", label: "reminder schedule" },
      now: Date.now(),
      baseUrl: publicBaseUrl(),
      sendMail: mailerFromEnv(),
    })
      .then(({ sent }) => {
        if (sent > 0) console.log(`Sent ${sent} "update due" reminder(s).`);
      })
      .catch((error: unknown) => console.error("Reminder schedule failed:", error instanceof Error ? error.message : error));
  };
  setTimeout(run, 10_000).unref();
  setInterval(run, HOUR).unref();
}
