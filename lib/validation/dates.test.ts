import { describe, expect, it } from "vitest";
import type { z } from "./zod";
import { recordMetricValueSchema } from "./api";
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
import { DATE_WINDOW, latestPlanDate } from "./dates";

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
    name: "cycle release date",
    schema: cycleStatusSchema,
    valid: { cycle: "10.0", status: "released", releasedOn: "2025-06-01" },
    fields: ["releasedOn"],
  },
  {
    name: "milestone",
    schema: milestoneSchema,
    valid: { cycle: "10.0", name: "Freeze", dueOn: "2025-03-01", doneOn: "2025-03-02" },
    fields: ["dueOn", "doneOn"],
  },
  { name: "milestone (edit)", schema: editMilestoneSchema, valid: { id: 1, name: "Freeze", dueOn: "2025-03-01" }, fields: ["dueOn"] },
  { name: "milestone done", schema: milestoneDoneSchema, valid: { id: 1, doneOn: "2025-03-01" }, fields: ["doneOn"] },
  { name: "gathering", schema: gatheringSchema, valid: gathering, fields: ["startsOn", "endsOn"] },
  { name: "gathering (edit)", schema: editGatheringSchema, valid: { ...gathering, id: 1 }, fields: ["startsOn", "endsOn"] },
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
