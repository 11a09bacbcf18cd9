import { describe, expect, it } from "vitest";
import { cycleCalendar } from "./cycle-calendar";

describe("the milestones calendar", () => {
  it("has one all-day event per milestone with a stable id", () => {
    const ics = cycleCalendar({
      communityName: "StarlingX",
      cycleName: "10.0",
      cycleSlug: "10.0",
      baseUrl: "https://status.example.org",
      milestones: [
        { id: 7, name: "Feature freeze", dueOn: "2024-07-15", doneOn: null },
        { id: 8, name: "Release", dueOn: "2024-09-30", doneOn: null },
      ],
    });
    expect(ics).toMatch(/^BEGIN:VCALENDAR/);
    expect(ics.match(/BEGIN:VEVENT/g)).toHaveLength(2);
    expect(ics).toContain("SUMMARY:StarlingX 10.0: Feature freeze");
    expect(ics).toContain("DTSTART;VALUE=DATE:20240715");
    expect(ics).toContain("UID:milestone-8@cycleboard");
  });
});
