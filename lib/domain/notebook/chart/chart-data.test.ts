import { describe, expect, it } from "vitest";
import type { ChartSpec, NotebookTableColumn, NotebookTableValue } from "../notebook-cell";
import { buildChartData, CHART_LIMITS } from "./chart-data";
import { type ChartData, isChartProblem } from "./chart-data-types";

const columns: NotebookTableColumn[] = [
  { name: "cohort", type: "text" },
  { name: "sex", type: "text" },
  { name: "session", type: "integer" },
  { name: "arousal", type: "double precision" },
  { name: "day", type: "date" },
];
const rows: NotebookTableValue[][] = [
  ["B", "F", 2, 0.5, "2026-03-02"],
  ["A", "M", 1, 0.25, "2026-03-10"],
  ["B", "M", 1, 1.5, "2026-03-01"],
  ["A", "F", 2, null, "2026-03-10"],
  ["A", "F", 1, 0.75, "2026-03-02"],
  [null, "F", 3, 2, "2026-03-03"],
];

function chart(spec: Partial<ChartSpec>, data: NotebookTableValue[][] = rows): ChartData {
  const result = buildChartData(columns, data, { type: "bar", x: "cohort", aggregate: "sum", ...spec });
  if (isChartProblem(result)) throw new Error(result.problem);
  return result;
}

function ys(data: ChartData): number[] {
  if (data.type !== "bar" && data.type !== "line") throw new Error(`expected bars or lines, got ${data.type}`);
  return data.facets[0]!.series[0]!.points.map((point) => point.y);
}

function problem(spec: Partial<ChartSpec>, data: NotebookTableValue[][] = rows, cols = columns): string {
  const result = buildChartData(cols, data, { type: "bar", x: "cohort", aggregate: "sum", ...spec });
  return isChartProblem(result) ? result.problem : "no problem";
}

describe("buildChartData: bar and line", () => {
  it("sums y per x in first-appearance order, skipping rows without x or y", () => {
    const data = chart({ y: "arousal" });
    expect(data.x).toEqual({ kind: "category", values: ["B", "A"] });
    expect(data.facets).toEqual([{ key: null, series: [{ key: null, points: [{ x: "B", y: 2, rows: 2 }, { x: "A", y: 1, rows: 2 }] }] }]);
    expect(data.skippedRows).toBe(2);
    expect(data.yDomain).toEqual([0, 2]);
    expect(data.colourKeys).toEqual([]);
  });

  it("takes the mean and counts rows (COUNT(*) without y, COUNT(y) with it)", () => {
    const mean = chart({ y: "arousal", aggregate: "mean" });
    expect(ys(mean)).toEqual([1, 0.5]);
    const countAll = chart({ aggregate: "count" });
    expect(countAll.facets[0]!.series[0]!.points).toEqual([{ x: "B", y: 2, rows: 2 }, { x: "A", y: 3, rows: 3 }]);
    const countY = chart({ y: "arousal", aggregate: "count" });
    expect(ys(countY)).toEqual([2, 2]);
  });

  it("splits series by colour and facets by facet value, with a shared y domain", () => {
    const data = chart({ y: "arousal", colour: "sex", facet: "session" });
    expect(data.colourKeys).toEqual(["F", "M"]);
    expect(data.facets.map((facet) => facet.key)).toEqual(["1", "2"]);
    expect(data.facets[0]!.series).toEqual([
      { key: "F", points: [{ x: "A", y: 0.75, rows: 1 }] },
      { key: "M", points: [{ x: "B", y: 1.5, rows: 1 }, { x: "A", y: 0.25, rows: 1 }] },
    ]);
    // Session 3's only row has no cohort, so it is skipped and the facet with it.
    expect(data.facets.map((facet) => facet.series.length)).toEqual([2, 1]);
    expect(data.yDomain).toEqual([0, 1.5]);
  });

  it("keeps every row with aggregate none, ordered by x", () => {
    const data = chart({ type: "line", x: "session", y: "arousal", aggregate: "none" });
    expect(data.x).toEqual({ kind: "number", domain: [1, 3] });
    expect(data.facets[0]!.series[0]!.points).toEqual([
      { x: 1, y: 0.25, rows: 1 },
      { x: 1, y: 1.5, rows: 1 },
      { x: 1, y: 0.75, rows: 1 },
      { x: 2, y: 0.5, rows: 1 },
      { x: 3, y: 2, rows: 1 },
    ]);
    expect(data.yDomain).toEqual([0.25, 2]);
  });

  it("orders numeric x ascending on bars and ISO dates ascending on lines", () => {
    expect(chart({ x: "session", y: "arousal" }).x).toEqual({ kind: "category", values: [1, 2, 3] });
    const line = chart({ type: "line", x: "day", y: "arousal", aggregate: "mean" });
    expect(line.x).toEqual({ kind: "category", values: ["2026-03-01", "2026-03-02", "2026-03-03", "2026-03-10"] });
    expect(line.facets[0]!.series[0]!.points.map((point) => point.x)).toEqual(["2026-03-01", "2026-03-02", "2026-03-03", "2026-03-10"]);
    // Bars keep first appearance for text, dates included.
    expect(chart({ x: "day", y: "arousal" }).x).toEqual({ kind: "category", values: ["2026-03-02", "2026-03-10", "2026-03-01", "2026-03-03"] });
  });

  it("includes zero in a bar chart's y domain, also for negative sums", () => {
    const data = chart({ y: "arousal" }, [["A", "F", 1, -3, null], ["B", "F", 1, -1, null]]);
    expect(data.yDomain).toEqual([-3, 0]);
  });
});

describe("buildChartData: scatter and box", () => {
  it("keeps scatter rows as points and counts the ones without two numbers", () => {
    const data = chart({ type: "scatter", x: "session", y: "arousal", colour: "cohort" });
    expect(data.type).toBe("scatter");
    expect(data.x).toEqual({ kind: "number", domain: [1, 2] });
    expect(data.facets[0]!.series).toEqual([
      { key: "B", points: [{ x: 2, y: 0.5 }, { x: 1, y: 1.5 }] },
      { key: "A", points: [{ x: 1, y: 0.25 }, { x: 1, y: 0.75 }] },
    ]);
    expect(data.skippedRows).toBe(2);
    expect(data.pointCount).toBe(4);
  });

  it("summarises y per x as Tukey boxes", () => {
    const values = [1, 2, 3, 4, 5, 6, 7, 8, 9, 100];
    const data = chart({ type: "box", x: "cohort", y: "arousal" }, values.map((value) => ["A", "F", 1, value, null]));
    if (data.type !== "box") throw new Error("expected a box chart");
    const box = data.facets[0]!.series[0]!.points[0]!;
    expect(box.x).toBe("A");
    expect(box.stats).toMatchObject({ q1: 3.25, median: 5.5, q3: 7.75, whiskerLow: 1, whiskerHigh: 9, outliers: [100], n: 10 });
    expect(data.yDomain).toEqual([1, 100]);
    expect(data.pointCount).toBe(2);
  });

  it("writes box x as text even over a numeric column, in ascending order", () => {
    const data = chart({ type: "box", x: "session", y: "arousal" });
    expect(data.x).toEqual({ kind: "category", values: ["1", "2", "3"] });
  });
});

describe("buildChartData: problems", () => {
  it("names missing columns", () => {
    expect(problem({ y: "n" })).toBe('y column "n" is not in the result');
    expect(problem({ x: "patient", y: "arousal" })).toBe('x column "patient" is not in the result');
    expect(problem({ y: "arousal", colour: "model" })).toBe('colour column "model" is not in the result');
    expect(problem({ y: "arousal", facet: "site" })).toBe('facet column "site" is not in the result');
    expect(problem({ x: "" })).toBe("choose an x column");
  });

  it("asks for a numeric y where the chart needs one", () => {
    expect(problem({ type: "box", y: "cohort" })).toBe('a box plot needs a numeric y; "cohort" holds text');
    expect(problem({ y: "sex", aggregate: "mean" })).toBe('aggregate "mean" needs a numeric y; "sex" holds text');
    expect(problem({ y: "day", aggregate: "none" })).toBe('a bar chart needs a numeric y; "day" holds dates');
    expect(problem({ type: "scatter", x: "cohort", y: "arousal" })).toBe('a scatter plot needs a numeric x; "cohort" holds text');
    expect(problem({ aggregate: "sum" })).toBe('aggregate "sum" needs a y column');
    expect(problem({ type: "box", aggregate: "count" })).toBe("a box plot needs a y column");
    expect(problem({ y: "sex", aggregate: "count" })).toBe("no problem");
  });

  it("reads numbers from a column of unknown type when every value is a number", () => {
    const cols = [{ name: "g", type: "text" }, { name: "v", type: "unknown" }];
    const result = buildChartData(cols, [["a", 1], ["a", 2]], { type: "bar", x: "g", y: "v", aggregate: "sum" });
    expect(isChartProblem(result) ? result.problem : result.facets[0]!.series[0]!.points).toEqual([{ x: "a", y: 3, rows: 2 }]);
  });

  it("says when no row can be drawn", () => {
    expect(problem({ y: "arousal" }, [])).toBe("the result has no rows to chart");
    expect(problem({ y: "arousal" }, [[null, "F", 1, 2, null], ["A", "F", 1, "NaN", null]])).toBe(
      'none of the 2 rows has a usable value in each of "cohort", "arousal"',
    );
  });

  it("caps facets, colours and points", () => {
    const cols = [{ name: "k", type: "integer" }, { name: "v", type: "integer" }];
    const many = (n: number) => Array.from({ length: n }, (_, index): NotebookTableValue[] => [index, index]);
    const spec: ChartSpec = { type: "scatter", x: "v", y: "v", aggregate: "none" };
    const at = (result: ReturnType<typeof buildChartData>) => (isChartProblem(result) ? result.problem : "drawn");
    expect(at(buildChartData(cols, many(CHART_LIMITS.facets), { ...spec, facet: "k" }))).toBe("drawn");
    expect(at(buildChartData(cols, many(61), { ...spec, facet: "k" }))).toBe('facet "k" has 61 values; a chart shows at most 60 facets');
    expect(at(buildChartData(cols, many(24), { ...spec, colour: "k" }))).toBe("drawn");
    expect(at(buildChartData(cols, many(25), { ...spec, colour: "k" }))).toBe('colour "k" has 25 values; a chart shows at most 24 colours');
    expect(at(buildChartData(cols, many(50_000), spec))).toBe("drawn");
    expect(at(buildChartData(cols, many(50_001), spec))).toBe(
      "the chart would draw 50,001 marks; at most 50,000 can be drawn: aggregate, or narrow the query with WHERE or LIMIT",
    );
  });
});
