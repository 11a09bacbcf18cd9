/**
 * Running totals over calendar days (e.g. a burn-up), each series a step line that
 * changes on the days things happened, across a fixed span of dates.
 */
import { curveStepAfter } from "@visx/curve";
import { scaleLinear, scaleUtc } from "@visx/scale";
import { LinePath } from "@visx/shape";
import { BottomAxis, CHART, ChartFrame, GridRows, LeftAxis, Marker, SERIES_STYLES, SeriesLegend, type Margin } from "./chart-frame";

const MARGIN: Margin = { top: 16, right: 20, bottom: 28, left: 40 };
const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

export function StepChart({
  id,
  title,
  summary,
  span,
  days,
  series,
  marker,
  formatDay,
}: {
  id: string;
  title: string;
  summary: string;
  /** First and last ISO day of the x axis. */
  span: [string, string];
  /** ISO days on which some total changed, ascending; the lines end at the last. */
  days: string[];
  series: { label: string; values: number[] }[];
  /** A labelled vertical line, e.g. today. */
  marker?: { day: string; label: string };
  formatDay: (iso: string) => string;
}) {
  const bottom = CHART.height - MARGIN.bottom;
  const right = CHART.width - MARGIN.right;
  const x = scaleUtc({ domain: [day(span[0]), day(span[1])], range: [MARGIN.left, right] });
  const y = scaleLinear({ domain: [0, Math.max(1, ...series.flatMap((s) => s.values))], range: [bottom, MARGIN.top], nice: true });
  const styled = series.map((s, i) => ({ ...s, style: SERIES_STYLES[i % SERIES_STYLES.length]! }));
  const integerTicks = y.ticks(4).filter(Number.isInteger);
  return (
    <ChartFrame
      id={id}
      title={title}
      summary={summary}
      legend={<SeriesLegend series={styled} />}
      table={{
        columns: ["Day", ...series.map((s) => s.label)],
        rows: days.map((d, i) => ({ key: d, cells: [formatDay(d), ...series.map((s) => s.values[i])] })),
      }}
    >
      <GridRows ticks={integerTicks} y={y} from={MARGIN.left} to={right} />
      <LeftAxis left={MARGIN.left} scale={y} tickValues={integerTicks} />
      <BottomAxis top={bottom} scale={x} numTicks={5} />
      {marker ? (
        <g>
          <line
            x1={x(day(marker.day))}
            x2={x(day(marker.day))}
            y1={MARGIN.top}
            y2={bottom}
            strokeDasharray="3 3"
            className="stroke-slate-500 dark:stroke-slate-400"
          />
          <text x={x(day(marker.day)) + 4} y={MARGIN.top + 10} fontSize={11} className="fill-slate-700 dark:fill-slate-300">
            {marker.label}
          </text>
        </g>
      ) : null}
      {styled.map((s) => {
        const points = days.map((d, i) => ({ at: day(d), value: s.values[i] ?? 0 }));
        const lastPoint = points.at(-1);
        return (
          <g key={s.label}>
            <LinePath
              data={points}
              x={(p) => x(p.at)}
              y={(p) => y(p.value)}
              curve={curveStepAfter}
              strokeWidth={2}
              strokeDasharray={s.style.dash}
              fill="none"
              className={s.style.line}
            />
            {lastPoint ? <Marker kind={s.style.marker} x={x(lastPoint.at)} y={y(lastPoint.value)} className={s.style.fill} /> : null}
          </g>
        );
      })}
    </ChartFrame>
  );
}
