import { OrdinalTimeChart } from "@/components/charts/ordinal-time-chart";
import { HEALTH_SYMBOLS } from "@/components/updates/health-badge";
import { formatTimestamp } from "@/lib/dates";
import { HEALTH_FROM_WORST, HEALTH_LABELS, type Health } from "@/lib/domain";

const POINT_CLASS: Record<Health, string> = {
  on_track: "fill-emerald-700 dark:fill-emerald-300",
  at_risk: "fill-amber-600 dark:fill-amber-300",
  off_track: "fill-orange-700 dark:fill-orange-300",
  blocked: "fill-red-700 dark:fill-red-300",
  done: "fill-sky-700 dark:fill-sky-300",
};

/** The health of each published update of a team, oldest first on the chart. */
export function TeamHealthChart({
  teamName,
  history,
}: {
  teamName: string;
  history: { id: number; cycleName: string; headline: string; health: Health; publishedAt: number }[];
}) {
  const points = [...history].sort((a, b) => a.publishedAt - b.publishedAt);
  const latest = points.at(-1);
  return (
    <OrdinalTimeChart
      id="health-chart"
      title={`${teamName}: health over time`}
      summary={
        latest
          ? `${points.length} published update${points.length === 1 ? "" : "s"}; the latest says ${HEALTH_LABELS[latest.health].toLowerCase()}.`
          : ""
      }
      levels={HEALTH_FROM_WORST.map((h) => ({ key: h, label: HEALTH_LABELS[h], symbol: HEALTH_SYMBOLS[h], className: POINT_CLASS[h] }))}
      points={points.map((u) => ({ key: String(u.id), at: u.publishedAt, level: u.health }))}
      tableColumns={["Published", "Cycle", "Health", "Update"]}
      tableRow={(i) => [
        formatTimestamp(points[i]!.publishedAt),
        points[i]!.cycleName,
        HEALTH_LABELS[points[i]!.health],
        points[i]!.headline,
      ]}
    />
  );
}
