/**
 * What every chart shares: the figure with its title, an SVG sized by its viewBox, the
 * axes drawn as plain SVG text (no inline styles, so a strict CSP holds), and the same
 * numbers as a table for screen readers and anyone who prefers one.
 */
import { AxisBottom, AxisLeft, type TickFormatter, type TickRendererProps } from "@visx/axis";
import type { AnyD3Scale, ScaleInput } from "@visx/scale";
import type { ReactNode } from "react";

export const CHART = { width: 480, height: 220 } as const;
export type Margin = { top: number; right: number; bottom: number; left: number };

export interface ChartTable {
  columns: string[];
  rows: { key: string; cells: ReactNode[] }[];
}

/** Distinct by dash and marker as well as colour, readable on light and dark backgrounds. */
export const SERIES_STYLES = [
  { line: "stroke-indigo-600 dark:stroke-indigo-300", fill: "fill-indigo-600 dark:fill-indigo-300", dash: undefined, marker: "circle" },
  { line: "stroke-emerald-700 dark:stroke-emerald-300", fill: "fill-emerald-700 dark:fill-emerald-300", dash: "6 4", marker: "square" },
  { line: "stroke-amber-700 dark:stroke-amber-300", fill: "fill-amber-700 dark:fill-amber-300", dash: "2 3", marker: "diamond" },
] as const;
export type SeriesStyle = (typeof SERIES_STYLES)[number];

export function ChartFrame({
  id,
  title,
  summary,
  table,
  legend,
  children,
}: {
  id: string;
  title: string;
  summary: string;
  table: ChartTable;
  legend?: ReactNode;
  children: ReactNode;
}) {
  return (
    // Named by its caption and the SVG's own <title>, not aria-labelledby: a chart must never
    // pass for the label of a form field with the same words.
    <figure className="min-w-0">
      <figcaption className="text-sm font-medium">{title}</figcaption>
      <p id={`${id}-summary`} className="text-xs text-slate-600 dark:text-slate-400">
        {summary}
      </p>
      <svg viewBox={`0 0 ${CHART.width} ${CHART.height}`} role="img" aria-describedby={`${id}-summary`} className="mt-2 h-auto w-full">
        <title>{title}</title>
        {children}
      </svg>
      {legend}
      <details className="mt-2 text-sm">
        <summary className="cursor-pointer text-accent-700 dark:text-indigo-300">
          Show as a table<span className="sr-only">: {title}</span>
        </summary>
        <div className="mt-2 overflow-x-auto">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">{title}</caption>
            <thead>
              <tr className="border-b border-slate-200 dark:border-slate-700">
                {table.columns.map((c) => (
                  <th key={c} scope="col" className="py-1 pr-4 font-medium">
                    {c}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {table.rows.map((row) => (
                <tr key={row.key} className="border-b border-slate-100 last:border-0 dark:border-slate-800">
                  {row.cells.map((cell, i) =>
                    i === 0 ? (
                      <th key={i} scope="row" className="py-1 pr-4 font-normal">
                        {cell}
                      </th>
                    ) : (
                      <td key={i} className="py-1 pr-4 tabular-nums">
                        {cell}
                      </td>
                    ),
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </figure>
  );
}

function TickText({ x, y, formattedValue, textAnchor, dy }: TickRendererProps) {
  return (
    <text x={x} y={y} dy={dy} textAnchor={textAnchor} fontSize={11} className="fill-slate-600 dark:fill-slate-400">
      {formattedValue}
    </text>
  );
}

const axisLine = "stroke-slate-300 dark:stroke-slate-600";

export function BottomAxis<Scale extends AnyD3Scale>({
  top,
  scale,
  numTicks,
  tickFormat,
}: {
  top: number;
  scale: Scale;
  numTicks?: number;
  tickFormat?: TickFormatter<ScaleInput<Scale>>;
}) {
  return (
    <AxisBottom
      top={top}
      scale={scale}
      numTicks={numTicks}
      tickFormat={tickFormat}
      tickComponent={TickText}
      tickLabelProps={{ textAnchor: "middle" }}
      axisLineClassName={axisLine}
      tickLineProps={{ className: axisLine }}
    />
  );
}

export function LeftAxis<Scale extends AnyD3Scale>({
  left,
  scale,
  tickValues,
  tickFormat,
}: {
  left: number;
  scale: Scale;
  tickValues?: ScaleInput<Scale>[];
  tickFormat?: TickFormatter<ScaleInput<Scale>>;
}) {
  return (
    <AxisLeft
      left={left}
      scale={scale}
      tickValues={tickValues}
      tickFormat={tickFormat}
      tickComponent={TickText}
      tickLabelProps={{ textAnchor: "end", dy: "0.33em" }}
      axisLineClassName={axisLine}
      tickLineProps={{ className: axisLine }}
    />
  );
}

/** Horizontal guide lines at the y scale's ticks. */
export function GridRows({ ticks, y, from, to }: { ticks: number[]; y: (v: number) => number; from: number; to: number }) {
  return (
    <g aria-hidden="true">
      {ticks.map((t) => (
        <line key={t} x1={from} x2={to} y1={y(t)} y2={y(t)} className="stroke-slate-200 dark:stroke-slate-800" />
      ))}
    </g>
  );
}

export function Marker({ kind, x, y, className }: { kind: SeriesStyle["marker"]; x: number; y: number; className: string }) {
  if (kind === "square") return <rect x={x - 3.5} y={y - 3.5} width={7} height={7} className={className} />;
  if (kind === "diamond") return <path d={`M${x},${y - 5}L${x + 5},${y}L${x},${y + 5}L${x - 5},${y}Z`} className={className} />;
  return <circle cx={x} cy={y} r={4} className={className} />;
}

/** A key to the series, each shown with its own dash and marker. */
export function SeriesLegend({ series }: { series: { label: string; style: SeriesStyle }[] }) {
  return (
    <p className="mt-1 flex flex-wrap gap-x-4 gap-y-1 text-xs text-slate-700 dark:text-slate-300" aria-hidden="true">
      {series.map((s) => (
        <span key={s.label} className="inline-flex items-center gap-1.5">
          <svg width="28" height="10" viewBox="0 0 28 10">
            <line x1={0} x2={28} y1={5} y2={5} strokeWidth={2} strokeDasharray={s.style.dash} className={s.style.line} />
            <Marker kind={s.style.marker} x={14} y={5} className={s.style.fill} />
          </svg>
          {s.label}
        </span>
      ))}
    </p>
  );
}
