import { describe, expect, it } from "vitest";
import {
  aggregateMetric,
  compareVersions,
  durationTicks,
  editableText,
  formatChange,
  formatDuration,
  formatMetric,
  judgeChange,
  parseDuration,
  parseMetricValue,
  type MetricShape,
} from "./metrics";

const v = (teamId: number, value: number | string, observedAt: number) => ({ teamId, value, observedAt });
const sum = { kind: "count", aggregation: "sum" } as const;
const count: MetricShape = { kind: "count", decimals: null };
const percentage: MetricShape = { kind: "percentage", decimals: null };
const decimal: MetricShape = { kind: "decimal", decimals: 3 };
const duration: MetricShape = { kind: "duration", decimals: null };
const version: MetricShape = { kind: "version", decimals: null };

describe("aggregateMetric", () => {
  it("gives null, not zero, when nothing was recorded", () => {
    expect(aggregateMetric(sum, [])).toBeNull();
    expect(aggregateMetric({ kind: "count", aggregation: "latest" }, [])).toBeNull();
    expect(aggregateMetric({ kind: "version", aggregation: "latest" }, [])).toBeNull();
  });

  it("sums every value across reports and teams", () => {
    expect(aggregateMetric(sum, [v(1, 300, 1), v(1, 383, 2), v(2, 10, 1)])).toBe(693);
  });

  it("takes each team's latest value and adds the teams up", () => {
    expect(aggregateMetric({ kind: "count", aggregation: "latest" }, [v(1, 5, 1), v(1, 9, 3), v(1, 7, 2), v(2, 4, 1)])).toBe(13);
  });

  it("averages every value", () => {
    expect(aggregateMetric({ kind: "percentage", aggregation: "average" }, [v(1, 97, 1), v(1, 98, 2)])).toBe(97.5);
  });

  it("never adds versions up: the newest of the teams' latest versions, as entered", () => {
    const versions = [v(1, "1.27", 1), v(1, "1.29", 2), v(2, "1.100", 1), v(2, "1.32", 3)];
    expect(aggregateMetric({ kind: "version", aggregation: "latest" }, versions)).toBe("1.32");
    expect(aggregateMetric({ kind: "version", aggregation: "sum" }, [v(1, "1.30", 1)])).toBe("1.30");
  });
});

describe("versions", () => {
  it("are ordered as releases follow each other, not as decimals", () => {
    expect(["1.32", "1.100", "1.27", "1.29", "1.3"].sort(compareVersions)).toEqual(["1.3", "1.27", "1.29", "1.32", "1.100"]);
    expect(compareVersions("1.2", "1.2.0")).toBe(0);
    expect(compareVersions("v1.34.0-rc.1", "1.34.0")).toBe(-1);
    expect(compareVersions("1.34.0-rc.2", "1.34.0-rc.10")).toBe(-1);
  });

  it("are shown exactly as entered, where a number would read 1.3 three times", () => {
    expect(["1.27", "1.29", "1.32"].map((text) => formatMetric(text, version))).toEqual(["1.27", "1.29", "1.32"]);
    expect(parseMetricValue(version, " 1.10 ")).toEqual({ ok: true, value: 0, entered: "1.10" });
    expect(parseMetricValue(version, 1.1)).toMatchObject({ ok: false, message: expect.stringMatching(/as text/) });
    expect(parseMetricValue(version, "one point two")).toMatchObject({ ok: false });
  });

  it("are better when newer, or older when the metric says lower is better", () => {
    const newer = { kind: "version", direction: "higher_is_better" } as const;
    expect(judgeChange(newer, "1.29", "1.32")).toBe("better");
    expect(judgeChange(newer, "1.100", "1.32")).toBe("worse");
    expect(judgeChange({ ...newer, direction: "lower_is_better" }, "1.29", "1.32")).toBe("worse");
    expect(formatChange(version, "1.29", "1.32")).toBe("newer");
  });
});

describe("durations", () => {
  it("are read in the ways people write them, in seconds", () => {
    expect(parseDuration("2d 4h")).toBe(2 * 86_400 + 4 * 3_600);
    expect(parseDuration("1h30m")).toBe(5_400);
    expect(parseDuration("1:30")).toBe(5_400);
    expect(parseDuration("1:30:15")).toBe(5_415);
    expect(parseDuration("PT1H30M")).toBe(5_400);
    expect(parseDuration("P1W")).toBe(604_800);
    expect(parseDuration("90")).toBeNull();
    expect(parseDuration("30 minutes")).toBeNull();
  });

  it("are shown as days, hours, minutes and seconds, which read back the same", () => {
    expect(formatMetric(5_415, duration)).toBe("1h 30m 15s");
    expect(formatMetric(0, duration)).toBe("0s");
    expect(formatDuration(-90)).toBe("−1m 30s");
    expect(parseMetricValue(duration, editableText(duration, { value: 190_815, entered: null }))).toMatchObject({ value: 190_815 });
    expect(formatChange(duration, 3_600, 9_000)).toBe("+1h 30m");
  });

  it("get ticks on whole hours or days on a chart", () => {
    expect(durationTicks(5 * 3_600)).toEqual([0, 7_200, 14_400, 21_600]);
    expect(durationTicks(10 * 86_400).every((t) => t % 86_400 === 0)).toBe(true);
  });

  it("cannot be negative", () => {
    expect(parseMetricValue(duration, -5)).toMatchObject({ ok: false });
  });
});

describe("numbers", () => {
  it("are shown the way a reader expects for each kind", () => {
    expect(formatMetric(97.4, percentage)).toBe("97.4%");
    expect(formatMetric(683, count)).toBe("683");
    expect(formatMetric(1234.56, count)).toBe("1,234.6");
    expect(formatMetric(2.5, decimal)).toBe("2.500");
    expect(formatMetric(null, count)).toBe("—");
  });

  it("are refused, with what to send, when they do not fit the kind", () => {
    expect(parseMetricValue(count, "1,406")).toEqual({ ok: true, value: 1406, entered: null });
    expect(parseMetricValue(count, 1.5)).toMatchObject({ ok: false, message: "A count is a whole number" });
    expect(parseMetricValue(percentage, "97.4%")).toMatchObject({ ok: true, value: 97.4 });
    expect(parseMetricValue(percentage, 120)).toMatchObject({ ok: false, message: "A percentage is between 0 and 100" });
    expect(parseMetricValue(decimal, "abc")).toMatchObject({ ok: false, message: "Enter a number" });
    expect(parseMetricValue(count, 1e13)).toMatchObject({ ok: false, message: "Too large" });
  });

  it("change for better or worse by the metric's direction", () => {
    expect(judgeChange({ kind: "count", direction: "lower_is_better" }, 10, 7)).toBe("better");
    expect(judgeChange({ kind: "count", direction: "higher_is_better" }, 10, 7)).toBe("worse");
    expect(judgeChange({ kind: "count", direction: "higher_is_better" }, null, 7)).toBeNull();
    expect(formatChange(percentage, 95, 97.4)).toBe("+2.4 pts");
    expect(formatChange(count, 1_660, 1_406)).toBe("−254");
  });
});
