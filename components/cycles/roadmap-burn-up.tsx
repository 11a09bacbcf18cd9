import { StepChart } from "@/components/charts/step-chart";
import type { BurnUp } from "@/lib/dal/views/charts";
import { formatDay } from "@/lib/dates";

/** Roadmap items planned for the cycle against those delivered, day by day. */
export function RoadmapBurnUp({ burnUp, cycleName }: { burnUp: BurnUp; cycleName: string }) {
  const planned = burnUp.planned.at(-1) ?? 0;
  const delivered = burnUp.delivered.at(-1) ?? 0;
  return (
    <StepChart
      id="burn-up"
      title={`Roadmap burn-up, ${cycleName}`}
      summary={`${delivered} of ${planned} planned roadmap items delivered${burnUp.today ? " so far" : ""}. Dropped items are not counted.`}
      span={burnUp.span}
      days={burnUp.days}
      series={[
        { label: "Planned", values: burnUp.planned },
        { label: "Delivered", values: burnUp.delivered },
      ]}
      marker={burnUp.today ? { day: burnUp.today, label: "Today" } : undefined}
      formatDay={formatDay}
    />
  );
}
