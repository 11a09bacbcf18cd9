/**
 * A cycle's milestones and gatherings as an iCalendar feed. The `ics` library writes the
 * format; every event is all-day, with an exclusive DTEND;VALUE=DATE (RFC 5545 3.6.1), as
 * strict calendar apps require. Given a duration instead, `ics` writes "P1DT", which they refuse.
 */
import { createEvents, type DateArray, type EventAttributes } from "ics";

export interface CalendarInput {
  communityName: string;
  cycleName: string;
  cycleSlug: string;
  baseUrl: string;
  milestones: { id: number; name: string; dueOn: string; doneOn: string | null }[];
  /** Several days each, first to last inclusive. */
  gatherings: { slug: string; name: string; startsOn: string; endsOn: string }[];
}

const day = (iso: string): DateArray => {
  const [y, m, d] = iso.split("-").map(Number);
  return [y!, m!, d!];
};

/** The day after an ISO day: an all-day event's DTEND, which is not part of it. */
const dayAfter = (iso: string): DateArray => day(new Date(Date.parse(`${iso}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10));

export function cycleCalendar(input: CalendarInput): string {
  const cycleUrl = `${input.baseUrl}/cycles/${encodeURIComponent(input.cycleSlug)}`;
  const events: EventAttributes[] = [
    ...input.milestones.map((m) => ({
      uid: `milestone-${m.id}@cycleboard`,
      title: `${input.communityName} ${input.cycleName}: ${m.name}`,
      description: m.doneOn ? `Done on ${m.doneOn}.` : `Due on ${m.dueOn}.`,
      start: day(m.dueOn),
      end: dayAfter(m.dueOn),
      url: cycleUrl,
    })),
    ...input.gatherings.map((g) => ({
      uid: `gathering-${g.slug}@cycleboard`,
      title: `${input.communityName}: ${g.name}`,
      description: `${g.startsOn} to ${g.endsOn}.`,
      start: day(g.startsOn),
      end: dayAfter(g.endsOn),
      url: `${input.baseUrl}/gatherings/${encodeURIComponent(g.slug)}`,
    })),
  ];
  const { error, value } = createEvents(events, {
    calName: `${input.communityName} ${input.cycleName} milestones and gatherings`,
    productId: "cycleboard",
  });
  if (error || !value) throw error ?? new Error("Could not write the calendar");
  return value;
}
