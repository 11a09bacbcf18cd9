import { differenceInCalendarDays, format, formatDistanceStrict, parseISO } from "date-fns";

/** "30 Sep 2024" from an ISO calendar date. */
export function formatDay(isoDate: string): string {
  return format(parseISO(isoDate), "d MMM yyyy");
}

export function formatTimestamp(ms: number): string {
  return format(new Date(ms), "d MMM yyyy");
}

/** "3 days ago", "2 years ago". */
export function ago(ms: number, now: number): string {
  // A public page's "now" may be up to a minute older than its newest change (pageTime).
  if (now - ms < 60_000) return "just now";
  return formatDistanceStrict(new Date(ms), new Date(now), { addSuffix: true, roundingMethod: "floor" });
}

/** Whole days from `now` to an ISO date; negative when it is past. */
export function daysUntil(isoDate: string, now: number): number {
  return differenceInCalendarDays(parseISO(isoDate), new Date(now));
}

export function todayIso(now: number): string {
  return format(new Date(now), "yyyy-MM-dd");
}

/** Noon (UTC) of an ISO day: the moment an event known only by its day is dated at, that same day from UTC−11 to UTC+11. */
export function noonOf(isoDate: string): Date {
  return new Date(`${isoDate}T12:00:00Z`);
}
