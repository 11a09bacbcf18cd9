/**
 * Mail for "at once" notifications goes out right after the event's transaction commits:
 * notify() asks for it here and the send runs on the next turn of the event loop, when the
 * rows are committed (or were rolled back and are not there to send). The hourly job in
 * schedule.ts sends whatever this missed.
 */
import "server-only";
import { getDb } from "@/db/client";
import { mailerFromEnv } from "@/lib/mailer";
import { publicBaseUrl } from "../identity/auth";
import { sendAtOnce } from "./mail";

let queued = false;

export function mailSoon(): void {
  if (queued || !process.env.SMTP_URL) return;
  queued = true;
  setImmediate(() => {
    queued = false;
    const sendMail = mailerFromEnv();
    if (!sendMail) return;
    sendAtOnce({ sendMail, baseUrl: publicBaseUrl(), now: Date.now() }, getDb()).catch((error: unknown) =>
      console.error("Could not mail notifications:", error instanceof Error ? error.message : error),
    );
  });
}
