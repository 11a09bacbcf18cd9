import { describe, expect, it } from "vitest";
import type { z } from "./zod";
import { patchRoadmapItemSchema, patchUpdateSchema, postRoadmapItemSchema, postUpdateSchema, recordMetricValueSchema } from "./api";
import {
  cycleDetailsSchema,
  cycleStatusSchema,
  createCycleSchema,
  editGatheringSchema,
  editMilestoneSchema,
  gatheringSchema,
  milestoneDoneSchema,
  milestoneSchema,
  newCycleSchema,
} from "./cycle";
import { DATE_WINDOW, latestEventDate, latestPlanDate } from "./dates";
import { roadmapFieldsSchema } from "./roadmap";
import { publishUpdateSchema, updateAsOfSchema } from "./update";

const gathering = {
  cycle: "10.0",
  name: "PTG",
  slug: "ptg-2024",
  startsOn: "2024-04-08",
  endsOn: "2024-04-12",
  websiteUrl: "",
  etherpadUrl: "",
  recordingUrl: "",
};

/** Every calendar date a form or the API sends, with an input valid but for that field. */
const PLAN_DATES: { name: string; schema: z.ZodType; valid: Record<string, unknown>; fields: string[] }[] = [
  {
    name: "new cycle",
    schema: createCycleSchema,
    valid: { name: "11.0", startsOn: "2025-01-01", targetReleaseOn: "2025-06-01" },
    fields: ["startsOn", "targetReleaseOn"],
  },
  {
    name: "new cycle from a template",
    schema: newCycleSchema,
    valid: { name: "11.0", startsOn: "2025-01-01", targetReleaseOn: "2025-06-01" },
    fields: ["startsOn", "targetReleaseOn"],
  },
  {
    name: "cycle details",
    schema: cycleDetailsSchema,
    valid: { cycle: "10.0", startsOn: "2025-01-01", targetReleaseOn: "2025-06-01", summary: "" },
    fields: ["startsOn", "targetReleaseOn"],
  },
  {
    name: "milestone",
    schema: milestoneSchema,
    valid: { cycle: "10.0", name: "Freeze", dueOn: "2025-03-01" },
    fields: ["dueOn"],
  },
  { name: "milestone (edit)", schema: editMilestoneSchema, valid: { id: 1, name: "Freeze", dueOn: "2025-03-01" }, fields: ["dueOn"] },
  { name: "gathering", schema: gatheringSchema, valid: gathering, fields: ["startsOn", "endsOn"] },
  { name: "gathering (edit)", schema: editGatheringSchema, valid: { ...gathering, id: 1 }, fields: ["startsOn", "endsOn"] },
];

const roadmapItem = { title: "Arm support", description: "", status: "done", kind: "feature", helpWanted: false, links: [] };
const updateBody = { team: "docs", cycle: "10.0", headline: "Docs", health: "on_track", publish: true };

/** Every day something happened on (done, released, as of, delivered), with an input valid but for that field. */
const EVENT_DATES: { name: string; schema: z.ZodType; valid: Record<string, unknown>; field: string }[] = [
  { name: "cycle release date", schema: cycleStatusSchema, valid: { cycle: "10.0", status: "released" }, field: "releasedOn" },
  { name: "milestone added done", schema: milestoneSchema, valid: { cycle: "10.0", name: "Freeze", dueOn: "2025-03-01" }, field: "doneOn" },
  { name: "milestone done", schema: milestoneDoneSchema, valid: { id: 1 }, field: "doneOn" },
  { name: "update published as of", schema: publishUpdateSchema, valid: { id: 1, expectedVersion: 1, changes: null }, field: "asOf" },
  { name: "update dated as of", schema: updateAsOfSchema, valid: { id: 1 }, field: "asOf" },
  { name: "update posted as of (API)", schema: postUpdateSchema, valid: updateBody, field: "asOf" },
  { name: "update patched as of (API)", schema: patchUpdateSchema, valid: { version: 1 }, field: "asOf" },
  { name: "roadmap item delivered on", schema: roadmapFieldsSchema, valid: roadmapItem, field: "deliveredOn" },
  {
    name: "roadmap item delivered on (API)",
    schema: postRoadmapItemSchema,
    valid: { ...roadmapItem, team: "docs", cycle: "10.0" },
    field: "deliveredOn",
  },
  { name: "roadmap item changed (API)", schema: patchRoadmapItemSchema, valid: { version: 1 }, field: "deliveredOn" },
];

const plus = (day: string, days: number) => new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

describe("the shared date window", () => {
  const cases = PLAN_DATES.flatMap(({ name, schema, valid, fields }) =>
    fields.map((field) => ({ name: `${name}: ${field}`, schema, valid, field })),
  );

  it.each(cases)("refuses years 0000 and 9999 and dates outside the window in $name", ({ schema, valid, field }) => {
    // The other dates of the form are moved along so that only the window is at fault.
    for (const day of ["0000-01-01", "9999-12-31", plus(DATE_WINDOW.earliest, -1), plus(latestPlanDate(), 1)]) {
      const input = Object.fromEntries(
        Object.entries(valid).map(([k, v]) => [k, typeof v === "string" && /^\d{4}-\d\d-\d\d$/.test(v) ? day : v]),
      );
      const result = schema.safeParse(input);
      expect(result.success, `${field} = ${day}`).toBe(false);
      expect(
        result.error!.issues.map((i) => i.path.join(".")),
        `${field} = ${day}`,
      ).toContain(field);
    }
  });

  it.each(cases)("accepts the window's first and last days in $name", ({ schema, valid }) => {
    for (const day of [DATE_WINDOW.earliest, latestPlanDate()]) {
      const input = Object.fromEntries(
        Object.entries(valid).map(([k, v]) => [k, typeof v === "string" && /^\d{4}-\d\d-\d\d$/.test(v) ? day : v]),
      );
      expect(schema.safeParse(input).error?.issues).toBeUndefined();
    }
  });

  it("lets plans reach 20 years ahead", () => {
    expect(latestPlanDate(Date.parse("2026-11-30T12:00:00Z"))).toBe("2046-11-30");
  });

  describe("the day something happened", () => {
    // Today where the day begins first (UTC+14) is nobody's future; the day after it is everybody's.
    const everybodysFuture = plus(latestEventDate(), 1);

    it.each(EVENT_DATES)("is refused in the future, naming the field, in $name", ({ schema, valid, field }) => {
      for (const day of [everybodysFuture, plus(latestEventDate(), 400), "9999-12-31", plus(DATE_WINDOW.earliest, -1), "0000-01-01"]) {
        const result = schema.safeParse({ ...valid, [field]: day });
        expect(result.success, `${field} = ${day}`).toBe(false);
        expect(
          result.error!.issues.map((i) => i.path.join(".")),
          `${field} = ${day}`,
        ).toContain(field);
      }
      expect(schema.safeParse({ ...valid, [field]: everybodysFuture }).error!.issues[0]!.message).toBe(
        "This cannot be in the future: give the day it happened",
      );
    });

    it.each(EVENT_DATES)(
      "is accepted today, any earlier day of the window, and today wherever it is already today, in $name",
      ({ schema, valid, field }) => {
        for (const day of [new Date().toISOString().slice(0, 10), latestEventDate(), "2024-03-01", DATE_WINDOW.earliest])
          expect(schema.safeParse({ ...valid, [field]: day }).error?.issues, `${field} = ${day}`).toBeUndefined();
      },
    );

    it("reaches only as far as today in the easternmost time zone", () => {
      expect(latestEventDate(Date.parse("2026-11-30T09:59:00Z"))).toBe("2026-11-30");
      expect(latestEventDate(Date.parse("2026-11-30T10:00:00Z"))).toBe("2026-12-01");
    });
  });

  describe("a metric value's observedAt", () => {
    const value = { team: "test", cycle: "10.0", metric: "bugs", value: 3 };
    const at = (ms: number) => new Date(ms).toISOString();

    it.each([
      ["year 9999", "9999-01-01T00:00:00Z"],
      ["year 0000", "0000-01-01T00:00:00Z"],
      ["before the window", "1989-12-31T23:59:59Z"],
      ["an hour ahead", at(Date.now() + 60 * 60_000)],
      ["a day ahead, with an offset", "2999-01-01T00:00:00+02:00"],
    ])("is refused when it is %s", (_what, observedAt) => {
      const result = recordMetricValueSchema.safeParse({ ...value, observedAt });
      expect(result.success).toBe(false);
      expect(result.error!.issues.map((i) => i.path.join("."))).toEqual(["observedAt"]);
    });

    it.each([
      ["now", at(Date.now())],
      ["a minute ahead (clock skew)", at(Date.now() + 60_000)],
      ["last year", at(Date.now() - 365 * 86_400_000)],
      ["on the window's first day", `${DATE_WINDOW.earliest}T00:00:00Z`],
    ])("is accepted %s", (_what, observedAt) => {
      expect(recordMetricValueSchema.safeParse({ ...value, observedAt }).error?.issues).toBeUndefined();
    });
  });
});
