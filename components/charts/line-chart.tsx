/** Values over a row of categories (e.g. one point per period), one line per series; gaps where a value is missing. */
import { scaleLinear, scalePoint } from "@visx/scale";
import { LinePath } from "@visx/shape";
import { BottomAxis, CHART, ChartFrame, GridRows, LeftAxis, Marker, SERIES_STYLES, SeriesLegend, type Margin } from "./chart-frame";

const MARGIN: Margin = { top: 16, right: 16, bottom: 28, left: 48 };

export function LineChart({
  id,
  title,
  summary,
  categories,
  series,
  formatValue,
  yDomain,
  yTicks,
}: {
  id: string;
  title: string;
  summary: string;
  categories: string[];
  series: { label: string; values: (number | null)[] }[];
  formatValue: (value: number) => string;
  /** Fixed bounds (e.g. 0–100 for a percentage); otherwise from zero to the largest value. */
  yDomain?: [number, number];
  /** The axis's ticks, when the values' kind decides them (whole hours, one per version). */
  yTicks?: number[];
}) {
  const bottom = CHART.height - MARGIN.bottom;
  const right = CHART.width - MARGIN.right;
  const x = scalePoint({ domain: categories, range: [MARGIN.left, right], padding: 0.5 });
  const values = series.flatMap((s) => s.values.filter((v): v is number => v !== null));
  const y = scaleLinear({ domain: yDomain ?? [Math.min(0, ...values), Math.max(1, ...values)], range: [bottom, MARGIN.top], nice: true });
  const styled = series.map((s, i) => ({ ...s, style: SERIES_STYLES[i % SERIES_STYLES.length]! }));
  // Counts get whole-number ticks only.
  const ticks = yTicks ?? y.ticks(4).filter((t) => !values.every(Number.isInteger) || Number.isInteger(t));
  return (
    <ChartFrame
      id={id}
      title={title}
      summary={summary}
      legend={series.length > 1 ? <SeriesLegend series={styled} /> : undefined}
      table={{
        columns: ["", ...series.map((s) => s.label)],
        rows: categories.map((c, i) => ({
          key: c,
          cells: [c, ...series.map((s) => (s.values[i] === null ? "–" : formatValue(s.values[i]!)))],
        })),
      }}
    >
      <GridRows ticks={ticks} y={y} from={MARGIN.left} to={right} />
      <LeftAxis left={MARGIN.left} scale={y} tickValues={ticks} tickFormat={(v) => formatValue(Number(v))} />
      <BottomAxis top={bottom} scale={x} />
      {styled.map((s) => {
        const points = s.values.map((value, i) => ({ category: categories[i]!, value }));
        return (
          <g key={s.label}>
            <LinePath
              data={points}
              defined={(p) => p.value !== null}
              x={(p) => x(p.category) ?? 0}
              y={(p) => y(p.value ?? 0)}
              strokeWidth={2}
              strokeDasharray={s.style.dash}
              fill="none"
              className={s.style.line}
            />
            {points.map((p) =>
              p.value === null ? null : (
                <g key={p.category}>
                  <Marker kind={s.style.marker} x={x(p.category) ?? 0} y={y(p.value)} className={s.style.fill} />
                  {series.length === 1 ? (
                    <text
                      x={x(p.category)}
                      y={y(p.value) - 8}
                      textAnchor="middle"
                      fontSize={11}
                      className="fill-slate-800 dark:fill-slate-200"
                    >
                      {formatValue(p.value)}
                    </text>
                  ) : null}
                </g>
              ),
            )}
          </g>
        );
      })}
    </ChartFrame>
  );
}
