import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import { cycleCalendar, type CalendarInput } from "./cycle-calendar";

const input: CalendarInput = {
  communityName: "StarlingX",
  cycleName: "10.0",
  cycleSlug: "10.0",
  baseUrl: "https://status.example.org",
  milestones: [
    { id: 7, name: "Feature freeze", dueOn: "2024-07-15", doneOn: null },
    { id: 8, name: "Release", dueOn: "2024-12-31", doneOn: "2024-12-31" },
  ],
  gatherings: [{ slug: "ptg-2024-10", name: "October 2024 virtual PTG", startsOn: "2024-10-21", endsOn: "2024-10-25" }],
};

/** RFC 5545 3.3.6 dur-value: "P1D", "PT2H30M", "P2W"; never a bare "T" ("P1DT", which strict apps refuse). */
const RFC_DURATION =
  /^[+-]?P(?:\d+W|\d+D(?:T(?:\d+H(?:\d+M(?:\d+S)?)?|\d+M(?:\d+S)?|\d+S))?|T(?:\d+H(?:\d+M(?:\d+S)?)?|\d+M(?:\d+S)?|\d+S))$/;

/** The feed as ical.js (Mozilla's maintained parser) reads it, one entry per event. */
function parsed(ics: string) {
  const calendar = new ICAL.Component(ICAL.parse(ics));
  return {
    calendar,
    events: calendar.getAllSubcomponents("vevent").map((vevent) => {
      const event = new ICAL.Event(vevent);
      // jCal keeps each value as written, so a malformed one is still seen as it was sent.
      const raw = (name: string) => (vevent.jCal[1] as [string, object, string, string][]).filter(([n]) => n === name);
      return {
        uid: event.uid,
        summary: event.summary,
        start: event.startDate,
        end: event.endDate,
        url: vevent.getFirstPropertyValue("url"),
        dtend: raw("dtend"),
        durations: raw("duration").map(([, , , value]) => value),
        hasStamp: vevent.hasProperty("dtstamp"),
      };
    }),
  };
}

describe("the cycle calendar", () => {
  const ics = cycleCalendar(input);
  const { calendar, events } = parsed(ics);

  it("is a calendar a strict parser reads: version 2.0, a product id, an id and a stamp on each event", () => {
    expect(calendar.name).toBe("vcalendar");
    expect(calendar.getFirstPropertyValue("version")).toBe("2.0");
    expect(calendar.getFirstPropertyValue("prodid")).toBeTruthy();
    expect(events).toHaveLength(3);
    for (const event of events) {
      expect(event.uid).toMatch(/@cycleboard$/);
      expect(event.hasStamp).toBe(true);
    }
    expect(new Set(events.map((e) => e.uid)).size).toBe(3);
  });

  it("writes every event all-day, ending with a DATE the day after (RFC 5545), never a malformed DURATION", () => {
    expect(ics).not.toMatch(/DURATION:P\d+DT\r?\n/);
    for (const event of events) {
      expect(event.start.isDate, event.summary).toBe(true);
      expect(event.end.isDate, event.summary).toBe(true);
      for (const value of event.durations) expect(value, event.summary).toMatch(RFC_DURATION);
      expect(event.dtend.length + event.durations.length, event.summary).toBe(1);
    }
  });

  it("has one event per milestone, on its day", () => {
    const freeze = events.find((e) => e.uid === "milestone-7@cycleboard")!;
    expect(freeze.summary).toBe("StarlingX 10.0: Feature freeze");
    expect(freeze.start.toString()).toBe("2024-07-15");
    expect(freeze.end.toString()).toBe("2024-07-16");
    expect(freeze.url).toBe("https://status.example.org/cycles/10.0");
    // The last day of a year ends on the first of the next.
    expect(events.find((e) => e.uid === "milestone-8@cycleboard")!.end.toString()).toBe("2025-01-01");
  });

  it("has each gathering of the cycle as one event over all its days", () => {
    const ptg = events.find((e) => e.uid === "gathering-ptg-2024-10@cycleboard")!;
    expect(ptg.summary).toBe("StarlingX: October 2024 virtual PTG");
    expect(ptg.start.toString()).toBe("2024-10-21");
    expect(ptg.end.toString()).toBe("2024-10-26");
    expect(ptg.url).toBe("https://status.example.org/gatherings/ptg-2024-10");
  });
});
