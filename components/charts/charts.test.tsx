import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { LineChart } from "./line-chart";
import { OrdinalTimeChart } from "./ordinal-time-chart";
import { StepChart } from "./step-chart";

const charts = {
  line: (
    <LineChart
      id="l"
      title="Pass rate"
      summary="97.4% in 10.0"
      categories={["9.0", "10.0", "11.0"]}
      series={[{ label: "Pass rate", values: [95, 97.4, null] }]}
      formatValue={(v) => `${v}%`}
      yDomain={[0, 100]}
    />
  ),
  ordinal: (
    <OrdinalTimeChart
      id="o"
      title="Health"
      summary="Two updates"
      levels={[
        { key: "bad", label: "Bad", symbol: "■", className: "fill-red-700" },
        { key: "good", label: "Good", symbol: "●", className: "fill-emerald-700" },
      ]}
      points={[
        { key: "1", at: Date.parse("2024-03-01"), level: "good" },
        { key: "2", at: Date.parse("2024-05-01"), level: "bad" },
      ]}
      tableColumns={["When", "Level"]}
      tableRow={(i) =>
        [
          ["1 Mar", "Good"],
          ["1 May", "Bad"],
        ][i]!
      }
    />
  ),
  step: (
    <StepChart
      id="s"
      title="Burn-up"
      summary="1 of 2"
      span={["2024-03-01", "2024-09-30"]}
      days={["2024-03-01", "2024-04-19", "2024-05-01"]}
      series={[
        { label: "Planned", values: [2, 2, 2] },
        { label: "Delivered", values: [0, 1, 1] },
      ]}
      marker={{ day: "2024-05-01", label: "Today" }}
      formatDay={(d) => d}
    />
  ),
};

describe("charts", () => {
  it.each(Object.entries(charts))(
    "%s renders an SVG with a title, a table of its numbers, and no inline style or script",
    (_name, chart) => {
      const html = renderToStaticMarkup(chart);
      expect(html).toMatch(/<figure[^>]*><figcaption[^>]*>\w/);
      expect(html).toMatch(/<svg viewBox="0 0 480 220" role="img" aria-describedby="\w-summary"[^>]*><title>\w/);
      expect(html).toContain("<details");
      expect(html).toMatch(/<table[\s\S]*<tbody>[\s\S]*<\/table>/);
      expect(html).not.toMatch(/style=|<script/);
    },
  );

  it("puts every value in the table, a dash where none was reported", () => {
    const html = renderToStaticMarkup(charts.line);
    expect(html).toMatch(/<th scope="row"[^>]*>10\.0<\/th><td[^>]*>97\.4%<\/td>/);
    expect(html).toMatch(/<th scope="row"[^>]*>11\.0<\/th><td[^>]*>–<\/td>/);
    expect(renderToStaticMarkup(charts.step)).toMatch(/2024-04-19<\/th><td[^>]*>2<\/td><td[^>]*>1<\/td>/);
  });
});
