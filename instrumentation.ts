/**
 * Starts the server's one background job: every hour, send the "update due" reminders
 * whose milestone is within the lead time (lib/dal/notifications/reminders.ts), warn of
 * expiring API tokens and mail notifications, daily digests included (schedule.ts). Set
 * CYCLEBOARD_REMINDERS=off to leave reminders to release managers' "Send" button.
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.CYCLEBOARD_REMINDERS === "off") return;
  const { startReminderSchedule } = await import("./lib/dal/notifications/schedule");
  startReminderSchedule();
}
