/**
 * The one window every date a person or a client sends must fall in. Plans (cycles,
 * milestones, gatherings, planned releases) may be dated from 1990, when no project we serve had
 * a release calendar yet, up to 20 years ahead: far enough for any roadmap, and it keeps
 * year 0000 (an invalid calendar) and year 9999 out. What happened (a milestone done, a
 * release, an update's "as of" day, a delivery) and a measurement (a metric value's
 * observedAt) cannot come from the future: history can be entered later, with its real
 * dates, but not ahead of time.
 */
import { z } from "./zod";

export const DATE_WINDOW = { earliest: "1990-01-01", yearsAhead: 20, clockSkewMinutes: 5 } as const;

/** The last day a plan may be dated, as YYYY-MM-DD (20 years from today, UTC). */
export function latestPlanDate(now = Date.now()): string {
  const latest = new Date(now);
  latest.setUTCFullYear(latest.getUTCFullYear() + DATE_WINDOW.yearsAhead);
  return latest.toISOString().slice(0, 10);
}

/** A calendar day, YYYY-MM-DD, inside the planning window. */
export const planDate = z.iso.date({ error: "Use a date like 2024-09-30" }).check(
  z.superRefine((day, ctx) => {
    const latest = latestPlanDate();
    if (day < DATE_WINDOW.earliest || day > latest)
      ctx.addIssue({ code: "custom", message: `Use a date between ${DATE_WINDOW.earliest} and ${latest}` });
  }),
);

/**
 * The last day an event (a milestone done, a release, an update's "as of", a delivery) may
 * be dated: today where the day begins first (UTC+14), so that nobody's today is refused.
 */
export function latestEventDate(now = Date.now()): string {
  return new Date(now + 14 * 3_600_000).toISOString().slice(0, 10);
}

/** The day something happened, YYYY-MM-DD: from 1990 up to today, never in the future. */
export const eventDate = z.iso.date({ error: "Use a date like 2024-09-30" }).check(
  z.superRefine((day, ctx) => {
    // Checks also run on a malformed date, which has its own message already.
    if (!/^\d{4}-\d\d-\d\d$/.test(day)) return;
    if (day < DATE_WINDOW.earliest) ctx.addIssue({ code: "custom", message: `Use a date after ${DATE_WINDOW.earliest}` });
    else if (day > latestEventDate()) ctx.addIssue({ code: "custom", message: "This cannot be in the future: give the day it happened" });
  }),
);

/** When something was measured: an ISO date-time with offset, from 1990 up to now (give or take the clock skew). */
export const observedAt = z.iso.datetime({ offset: true, error: "Give an ISO date-time, e.g. 2024-06-14T09:00:00Z" }).check(
  z.superRefine((value, ctx) => {
    const at = Date.parse(value);
    if (at < Date.parse(`${DATE_WINDOW.earliest}T00:00:00Z`))
      ctx.addIssue({ code: "custom", message: `Use a time after ${DATE_WINDOW.earliest}` });
    else if (at > Date.now() + DATE_WINDOW.clockSkewMinutes * 60_000)
      ctx.addIssue({ code: "custom", message: "A measurement cannot be from the future" });
  }),
);

/** A stored moment, in milliseconds since 1970 (as a site export carries them), inside the planning window. */
export const instantMs = z.number().check(
  z.superRefine((ms, ctx) => {
    const latest = latestPlanDate();
    if (ms < Date.parse(`${DATE_WINDOW.earliest}T00:00:00Z`) || ms > Date.parse(`${latest}T23:59:59.999Z`))
      ctx.addIssue({ code: "custom", message: `Use a time between ${DATE_WINDOW.earliest} and ${latest}` });
  }),
);
