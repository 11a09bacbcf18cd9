/**
 * Starts the server's one background job: every hour, send the "update due" reminders
 * whose milestone is within the lead time (lib/dal/reminders.ts). Set
 * CYCLEBOARD_REMINDERS=off to leave reminders to release managers' "Send" button.
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.CYCLEBOARD_REMINDERS === "off") return;
  const { startReminderSchedule } = await import("./lib/dal/reminder-schedule");
  startReminderSchedule();
}
