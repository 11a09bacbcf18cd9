/**
 * An ordinal state over time (e.g. a status reported now and then): one point per
 * report, held until the next one. Levels are read from position and the axis labels,
 * each point also carries its level's symbol, so colour is never the only cue.
 */
import { curveStepAfter } from "@visx/curve";
import { scalePoint, scaleUtc } from "@visx/scale";
import { LinePath } from "@visx/shape";
import type { ReactNode } from "react";
import { BottomAxis, CHART, ChartFrame, GridRows, LeftAxis, type Margin } from "./chart-frame";

const MARGIN: Margin = { top: 16, right: 20, bottom: 28, left: 72 };

export interface OrdinalLevel {
  key: string;
  label: string;
  symbol: string;
  /** Fill class for the level's points. */
  className: string;
}

export function OrdinalTimeChart({
  id,
  title,
  summary,
  levels,
  points,
  tableColumns,
  tableRow,
}: {
  id: string;
  title: string;
  summary: string;
  /** Lowest first. */
  levels: OrdinalLevel[];
  /** Oldest first. */
  points: { key: string; at: number; level: string }[];
  tableColumns: string[];
  tableRow: (index: number) => ReactNode[];
}) {
  const bottom = CHART.height - MARGIN.bottom;
  const right = CHART.width - MARGIN.right;
  const first = points[0]?.at ?? 0;
  const last = points.at(-1)?.at ?? 0;
  // A lone point still needs a span of time around it.
  const pad = Math.max((last - first) * 0.04, 86_400_000 * 7);
  const x = scaleUtc({ domain: [new Date(first - pad), new Date(last + pad)], range: [MARGIN.left, right] });
  const y = scalePoint({ domain: levels.map((l) => l.key), range: [bottom, MARGIN.top], padding: 0.5 });
  const levelOf = new Map(levels.map((l) => [l.key, l]));
  const yOf = (level: string) => y(level) ?? bottom;
  return (
    <ChartFrame
      id={id}
      title={title}
      summary={summary}
      table={{ columns: tableColumns, rows: points.map((p, i) => ({ key: p.key, cells: tableRow(i) })) }}
    >
      <GridRows ticks={levels.map((_, i) => i)} y={(i) => yOf(levels[i]!.key)} from={MARGIN.left} to={right} />
      <LeftAxis left={MARGIN.left} scale={y} tickFormat={(key: string) => levelOf.get(key)?.label ?? key} />
      <BottomAxis top={bottom} scale={x} numTicks={5} />
      <LinePath
        data={points}
        x={(p) => x(new Date(p.at))}
        y={(p) => yOf(p.level)}
        curve={curveStepAfter}
        strokeWidth={1.5}
        fill="none"
        className="stroke-slate-400 dark:stroke-slate-500"
      />
      {points.map((p) => {
        const level = levelOf.get(p.level);
        return (
          <text
            key={p.key}
            x={x(new Date(p.at))}
            y={yOf(p.level)}
            dy="0.35em"
            textAnchor="middle"
            fontSize={13}
            className={level?.className}
          >
            {level?.symbol}
          </text>
        );
      })}
    </ChartFrame>
  );
}
