/**
 * `npm run mail:digest`: sends the daily digests now. The server sends them itself in the
 * digest hour (lib/dal/notifications/schedule.ts); this is for a site that would rather
 * run them from cron, and for the tests. Needs SMTP_URL; CYCLEBOARD_URL makes the links.
 */
import { getDb } from "@/db/client";
import { publicBaseUrl } from "@/lib/dal/identity/auth";
import { sendDigests } from "@/lib/dal/notifications/mail";
import { mailerFromEnv } from "@/lib/mailer";

const sendMail = mailerFromEnv();
if (!sendMail) {
  console.error("SMTP_URL is not set: there is nowhere to send the digests.");
  process.exit(2);
}
try {
  const { mailed } = await sendDigests({ sendMail, baseUrl: publicBaseUrl(), now: Date.now() }, getDb());
  console.log(`Sent ${mailed} daily digest(s).`);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
}
