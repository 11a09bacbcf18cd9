import { describe, expect, it } from "vitest";
import { aggregateMetric, formatMetric } from "./metrics";

const v = (teamId: number, value: number, observedAt: number) => ({ teamId, value, observedAt });

describe("aggregateMetric", () => {
  it("gives null, not zero, when nothing was recorded", () => {
    expect(aggregateMetric("sum", [])).toBeNull();
    expect(aggregateMetric("latest", [])).toBeNull();
    expect(aggregateMetric("average", [])).toBeNull();
  });

  it("sums every value across reports and teams", () => {
    expect(aggregateMetric("sum", [v(1, 300, 1), v(1, 383, 2), v(2, 10, 1)])).toBe(693);
  });

  it("takes each team's latest value and adds the teams up", () => {
    expect(aggregateMetric("latest", [v(1, 5, 1), v(1, 9, 3), v(1, 7, 2), v(2, 4, 1)])).toBe(13);
  });

  it("averages every value", () => {
    expect(aggregateMetric("average", [v(1, 97, 1), v(1, 98, 2)])).toBe(97.5);
  });

  it("handles a single partial report", () => {
    expect(aggregateMetric("latest", [v(3, 97.4, 1)])).toBe(97.4);
  });
});

describe("formatMetric", () => {
  it("shows percent and counts the way a reader expects", () => {
    expect(formatMetric(97.4, "percent")).toBe("97.4%");
    expect(formatMetric(683, "count")).toBe("683");
    expect(formatMetric(1234.56, "count")).toBe("1,234.6");
    expect(formatMetric(null, "count")).toBe("—");
  });
});
