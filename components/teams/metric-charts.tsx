import { LineChart } from "@/components/charts/line-chart";
import type { TeamMetricHistory } from "@/lib/dal/metrics/reads";
import { compareVersions, durationTicks, formatMetric } from "@/lib/metrics";

/**
 * A chart's scale by the metric's kind: a percentage on 0–100, a duration on whole days,
 * hours or minutes, a version on an ordinal axis of the versions reported, in version order.
 */
function scaleOf(metric: TeamMetricHistory) {
  const figures = metric.byCycle.map((c) => c.value);
  if (metric.kind === "version") {
    const levels = [...new Set(figures.filter((v) => v !== null).map(String))].sort(compareVersions);
    return {
      values: figures.map((v) => (v === null ? null : levels.indexOf(String(v)))),
      formatValue: (i: number) => levels[i] ?? "",
      yDomain: [-0.5, levels.length - 0.5] as [number, number],
      yTicks: levels.map((_, i) => i),
    };
  }
  const values = figures.map((v) => (v === null ? null : Number(v)));
  const formatValue = (v: number) => formatMetric(v, metric);
  if (metric.kind === "percentage") return { values, formatValue, yDomain: [0, 100] as [number, number] };
  if (metric.kind === "duration") {
    const ticks = durationTicks(Math.max(0, ...values.filter((v) => v !== null)));
    return { values, formatValue, yDomain: [0, ticks.at(-1)!] as [number, number], yTicks: ticks };
  }
  return { values, formatValue };
}

/** One small chart per metric the team reports: its figure in each cycle. */
export function TeamMetricCharts({ numbers }: { numbers: TeamMetricHistory[] }) {
  return (
    <div className="grid gap-6 md:grid-cols-2">
      {numbers.map((metric) => {
        const reported = metric.byCycle.filter((c) => c.value !== null);
        const latest = reported.at(-1);
        if (!latest)
          return (
            <p key={metric.key} className="text-sm">
              <span className="font-medium">{metric.label}</span>
              <span className="block text-xs text-slate-600 dark:text-slate-400">Not reported yet.</span>
            </p>
          );
        const { values, ...scale } = scaleOf(metric);
        return (
          <LineChart
            key={metric.key}
            id={`metric-${metric.key}`}
            title={metric.label}
            summary={`${formatMetric(latest.value, metric)} in ${latest.cycleName}; reported in ${reported.length} of ${metric.byCycle.length} cycles.`}
            categories={metric.byCycle.map((c) => c.cycleName)}
            series={[{ label: metric.label, values }]}
            {...scale}
          />
        );
      })}
    </div>
  );
}
