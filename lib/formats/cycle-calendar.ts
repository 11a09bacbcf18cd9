/** A cycle's milestones as an iCalendar feed (the `ics` library writes the format). */
import { createEvents, type EventAttributes } from "ics";

export interface CalendarInput {
  communityName: string;
  cycleName: string;
  cycleSlug: string;
  baseUrl: string;
  milestones: { id: number; name: string; dueOn: string; doneOn: string | null }[];
}

const day = (iso: string): [number, number, number] => {
  const [y, m, d] = iso.split("-").map(Number);
  return [y!, m!, d!];
};

export function cycleCalendar(input: CalendarInput): string {
  const url = `${input.baseUrl}/cycles/${encodeURIComponent(input.cycleSlug)}`;
  const events: EventAttributes[] = input.milestones.map((m) => ({
    uid: `milestone-${m.id}@cycleboard`,
    title: `${input.communityName} ${input.cycleName}: ${m.name}`,
    description: m.doneOn ? `Done on ${m.doneOn}.` : `Due on ${m.dueOn}.`,
    start: day(m.dueOn),
    duration: { days: 1 },
    url,
  }));
  const { error, value } = createEvents(events, {
    calName: `${input.communityName} ${input.cycleName} milestones`,
    productId: "cycleboard",
  });
  if (error || !value) throw error ?? new Error("Could not write the calendar");
  return value;
}
