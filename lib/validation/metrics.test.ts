import { describe, expect, it } from "vitest";
import { metricDefinitionSchema } from "./cycle";
import { metricValueChangesSchema } from "./metrics";
import { fieldErrorsOf } from "./zod";

const metric = { key: "k8s", label: "Kubernetes", kind: "version", direction: "higher_is_better", aggregation: "latest", team: "" };
const errorsOf = (result: { success: boolean; error?: Parameters<typeof fieldErrorsOf>[0] }) =>
  result.success ? {} : fieldErrorsOf(result.error!);

describe("a metric definition", () => {
  it("has a kind, and a decimal its precision (2 unless given)", () => {
    expect(metricDefinitionSchema.parse({ ...metric, kind: "decimal", aggregation: "average", decimals: "" }).decimals).toBe(2);
    expect(metricDefinitionSchema.parse({ ...metric, kind: "decimal", aggregation: "average", decimals: "3" }).decimals).toBe(3);
    expect(metricDefinitionSchema.parse({ ...metric, kind: "count", aggregation: "sum", decimals: "3" }).decimals).toBeNull();
    expect(errorsOf(metricDefinitionSchema.safeParse({ ...metric, kind: "decimal", decimals: "7" }))).toEqual({
      decimals: ["Use 0 to 6 decimals"],
    });
    expect(errorsOf(metricDefinitionSchema.safeParse({ ...metric, kind: "ratio" }))).toEqual({ kind: ["Pick a kind"] });
  });

  it("never adds versions up", () => {
    expect(errorsOf(metricDefinitionSchema.safeParse({ ...metric, aggregation: "sum" }))).toEqual({
      aggregation: ["A version's figure is each team's latest: pick latest"],
    });
  });
});

describe("a correction of a metric value", () => {
  it("changes any of value, note and observedAt, and names what is wrong", () => {
    expect(metricValueChangesSchema.parse({ value: "1.32" })).toEqual({ value: "1.32" });
    expect(errorsOf(metricValueChangesSchema.safeParse({}))).toEqual({ "": ["Nothing to change: send value, note or observedAt"] });
    expect(Object.keys(errorsOf(metricValueChangesSchema.safeParse({ value: [1] })))).toEqual(["value"]);
    expect(Object.keys(errorsOf(metricValueChangesSchema.safeParse({ observedAt: "2999-01-01T00:00:00Z" })))).toEqual(["observedAt"]);
    expect(Object.keys(errorsOf(metricValueChangesSchema.safeParse({ colour: "red" })))).toEqual([""]);
  });
});
