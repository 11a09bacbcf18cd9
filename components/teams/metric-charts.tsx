import { LineChart } from "@/components/charts/line-chart";
import type { TeamMetricHistory } from "@/lib/dal/metrics/reads";
import { formatMetric } from "@/lib/metrics";

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
        return (
          <LineChart
            key={metric.key}
            id={`metric-${metric.key}`}
            title={metric.label}
            summary={`${formatMetric(latest.value, metric.unit)} in ${latest.cycleName}; reported in ${reported.length} of ${metric.byCycle.length} cycles.`}
            categories={metric.byCycle.map((c) => c.cycleName)}
            series={[{ label: metric.label, values: metric.byCycle.map((c) => c.value) }]}
            formatValue={(v) => formatMetric(v, metric.unit)}
            yDomain={metric.unit === "percent" ? [0, 100] : undefined}
          />
        );
      })}
    </div>
  );
}
