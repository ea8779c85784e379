import { describe, expect, it } from "vitest";
import type { ChartSpec, NotebookTableColumn, NotebookTableValue } from "../notebook-cell";
import { buildChartData } from "./chart-data";
import { isChartProblem } from "./chart-data-types";
import { CHART_PALETTE } from "./chart-palette";
import { chartYTitle, renderChartSvg } from "./chart-svg";

const columns: NotebookTableColumn[] = [
  { name: "cohort", type: "text" },
  { name: "sex", type: "text" },
  { name: "session", type: "integer" },
  { name: "arousal", type: "double precision" },
  { name: "site", type: "text" },
];
const rows: NotebookTableValue[][] = [
  ["A", "F", 1, 0.2, "Oslo"],
  ["A", "M", 2, 0.4, "Oslo"],
  ["B", "F", 1, 0.9, "Lyon"],
  ["B", "F", 2, 1.1, "Lyon"],
  ["C", "M", 1, 0.5, "Oslo"],
  ["C", "M", 3, 2.5, "Turin"],
];

function svg(spec: ChartSpec, data: NotebookTableValue[][] = rows, theme: "light" | "dark" = "light"): string {
  const chart = buildChartData(columns, data, spec);
  if (isChartProblem(chart)) throw new Error(chart.problem);
  return renderChartSvg(chart, spec, { width: 640, height: 320, theme });
}

function count(markup: string, pattern: RegExp): number {
  return markup.match(pattern)?.length ?? 0;
}

describe("renderChartSvg", () => {
  it("draws one bar per x and colour, grouped, with tooltips and data attributes", () => {
    const markup = svg({ type: "bar", x: "cohort", y: "arousal", colour: "sex", aggregate: "sum" });
    expect(markup.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(count(markup, /class="chart-bar"/g)).toBe(4);
    expect(markup).toMatch(/<rect class="chart-bar" data-series="F" data-x="B" [^>]*fill="#0072B2"><title>cohort: B\nsum of arousal: 2\nrows: 2\nsex: F<\/title><\/rect>/);
    expect(count(markup, /class="chart-legend-item"/g)).toBe(2);
    expect(markup).toContain(">sum of arousal</text>");
  });

  it("draws a line per series with a marker per point", () => {
    const markup = svg({ type: "line", x: "session", y: "arousal", colour: "cohort", aggregate: "mean" });
    expect(count(markup, /class="chart-line"/g)).toBe(3);
    expect(count(markup, /class="chart-point"/g)).toBe(6);
    expect(count(markup, /data-series="C"/g)).toBe(1 + 2 + 1);
  });

  it("draws a translucent dot per scatter row and a box with outliers per group", () => {
    const scatter = svg({ type: "scatter", x: "session", y: "arousal", aggregate: "none" });
    expect(count(scatter, /<circle class="chart-point"[^>]* r="3"/g)).toBe(6);
    expect(scatter).toContain('<g fill="#0072B2" fill-opacity="0.7"><circle class="chart-point"');

    const values = [1, 2, 3, 4, 5, 6, 7, 8, 9, 100];
    const box = svg({ type: "box", x: "cohort", y: "arousal", aggregate: "none" }, [
      ...values.map((value): NotebookTableValue[] => ["A", "F", 1, value, "Oslo"]),
      ["B", "F", 1, 3, "Oslo"],
    ]);
    expect(count(box, /<g class="chart-box"/g)).toBe(2);
    expect(count(box, /class="chart-outlier"/g)).toBe(1);
    expect(box).toContain("n: 10\nmedian: 5.5\nquartiles: 3.25 to 7.75\nwhiskers: 1 to 9\nmin, max: 1, 100\noutliers: 1");
  });

  it("draws one small multiple per facet value with its title", () => {
    const markup = svg({ type: "bar", x: "cohort", y: "arousal", facet: "site", aggregate: "sum" });
    expect(count(markup, /<g class="chart-facet"/g)).toBe(3);
    expect(count(markup, /class="chart-facet-title"/g)).toBe(3);
    expect(markup).toMatch(/class="chart-facet-title"[^>]*>Turin<\/text>/);
    expect(count(markup, /class="chart-bar"[^>]*data-facet="Oslo"/g)).toBe(2);
    // 640 px wide holds two facets a row. The y scale is shared, so only the first column carries y labels.
    const labelsPerFacet = markup.split('<g class="chart-facet"').slice(1).map((part) => count(part, /class="chart-y-label"/g));
    expect(labelsPerFacet[0]).toBeGreaterThan(1);
    expect(labelsPerFacet).toEqual([labelsPerFacet[0], 0, labelsPerFacet[0]]);
  });

  it("escapes column names and values in text, titles and attributes", () => {
    const nasty = '<script>alert("x")</script> & \'co\'';
    const markup = svg({ type: "bar", x: "cohort", y: "arousal", colour: "sex", aggregate: "sum", title: nasty }, [[nasty, nasty, 1, 1, "Oslo"]]);
    expect(markup).not.toContain("<script");
    expect(markup).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;co&#39;");
    expect(markup).toContain(`data-x="&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;co&#39;"`);
  });

  it("gives the same bytes for the same input and follows the theme and palette", () => {
    const spec: ChartSpec = { type: "bar", x: "cohort", y: "arousal", colour: "sex", aggregate: "mean" };
    expect(svg(spec)).toBe(svg(spec));
    expect(svg(spec, rows, "dark")).toContain('fill="#d4d4d4"');
    const chart = buildChartData(columns, rows, spec);
    if (isChartProblem(chart)) throw new Error(chart.problem);
    const custom = renderChartSvg(chart, spec, { width: 400, height: 300, theme: "light", palette: ["#111111", "#222222"] });
    expect(count(custom, /class="chart-bar"[^>]*fill="#222222"/g)).toBe(2);
    expect(custom).toContain('width="400" height="300" viewBox="0 0 400 300"');
  });

  it("uses a palette of at least ten distinct colours", () => {
    expect(new Set(CHART_PALETTE).size).toBeGreaterThanOrEqual(10);
  });
});

describe("chartYTitle", () => {
  it("names what was aggregated", () => {
    expect(chartYTitle({ type: "bar", x: "c", aggregate: "count" })).toBe("count");
    expect(chartYTitle({ type: "line", x: "c", y: "v", aggregate: "mean" })).toBe("mean of v");
    expect(chartYTitle({ type: "box", x: "c", y: "v", aggregate: "sum" })).toBe("v");
  });
});
