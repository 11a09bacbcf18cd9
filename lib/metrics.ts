/**
 * How a metric's figure for one cycle is formed from the values recorded during it.
 * - sum: every value added up (e.g. test cases executed, across weekly reports and teams);
 * - latest: each team's most recent value, added up across teams (a running total or a level);
 * - average: the mean of every value (e.g. a pass rate).
 * No values gives null, never 0: "not reported" must not read as "zero".
 */
import type { MetricAggregation } from "./domain";

export interface RecordedValue {
  teamId: number;
  value: number;
  observedAt: number;
}

export function aggregateMetric(rule: MetricAggregation, values: readonly RecordedValue[]): number | null {
  if (values.length === 0) return null;
  switch (rule) {
    case "sum":
      return values.reduce((total, v) => total + v.value, 0);
    case "average":
      return values.reduce((total, v) => total + v.value, 0) / values.length;
    case "latest": {
      const latestByTeam = new Map<number, RecordedValue>();
      for (const v of values) {
        const current = latestByTeam.get(v.teamId);
        if (!current || v.observedAt >= current.observedAt) latestByTeam.set(v.teamId, v);
      }
      return [...latestByTeam.values()].reduce((total, v) => total + v.value, 0);
    }
  }
}

export function formatMetric(value: number | null, unit: "count" | "percent"): string {
  if (value === null) return "—";
  const rounded = Math.round(value * 10) / 10;
  const text = rounded.toLocaleString("en-US", { maximumFractionDigits: 1 });
  return unit === "percent" ? `${text}%` : text;
}
