import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import type { TeamMetricHistory } from "@/lib/dal/metrics/reads";
import type { MetricKind } from "@/lib/domain";
import { TeamMetricCharts } from "./metric-charts";

const history = (kind: MetricKind, values: (number | string | null)[], decimals: number | null = null): TeamMetricHistory => ({
  metricId: 1,
  key: kind,
  label: `A ${kind}`,
  kind,
  decimals,
  direction: "higher_is_better",
  aggregation: "latest",
  byCycle: values.map((value, i) => ({ cycleSlug: `c${i}`, cycleName: `Cycle ${i}`, value })),
});

const render = (metric: TeamMetricHistory) => renderToStaticMarkup(<TeamMetricCharts numbers={[metric]} />);
/** The y axis's tick labels, bottom to top. */
const tickLabels = (html: string) => {
  const axis = /visx-axis-left[\s\S]*?visx-axis-line/.exec(html)?.[0] ?? "";
  return [...axis.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]);
};

describe("a team's metric charts", () => {
  it("put versions on an ordinal axis in version order, each shown exactly as entered", () => {
    const html = render(history("version", ["1.32", "1.27", "1.100", "1.29"]));
    expect(html).toMatch(/<th scope="row"[^>]*>Cycle 0<\/th><td[^>]*>1\.32<\/td>/);
    expect(html).toMatch(/<th scope="row"[^>]*>Cycle 2<\/th><td[^>]*>1\.100<\/td>/);
    expect(tickLabels(html)).toEqual(["1.27", "1.29", "1.32", "1.100"]);
    expect(html).not.toContain(">1.3<");
  });

  it("give a percentage its 0–100 axis, a duration whole hours, a decimal its precision", () => {
    expect(tickLabels(render(history("percentage", [40, 55])))).toEqual(["0%", "20%", "40%", "60%", "80%", "100%"]);
    expect(tickLabels(render(history("duration", [3_600, 5 * 3_600])))).toEqual(["0s", "2h", "4h", "6h"]);
    expect(render(history("decimal", [1.5, 2.25], 3))).toMatch(/<td[^>]*>2\.250<\/td>/);
  });
});
