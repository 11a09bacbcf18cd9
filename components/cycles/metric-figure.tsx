import { formatMetric } from "@/lib/metrics";
import type { CycleNumber } from "@/lib/dal/metrics/reads";

export function MetricFigure({ number }: { number: CycleNumber }) {
  return (
    <div>
      <dt className="text-xs text-slate-600 dark:text-slate-400">{number.label}</dt>
      <dd className="text-base font-semibold tabular-nums">{formatMetric(number.value, number)}</dd>
    </div>
  );
}
