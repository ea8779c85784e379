import type { BoxStats } from "./box-stats";

/** The drawable form of a chart cell: a result table grouped into facets, series and points by buildChartData. */

/** Why a spec cannot be drawn from a result, naming the column or field, e.g. `y column "n" is not in the result`. */
export interface ChartProblem {
  problem: string;
}

/** A bar or line point: y after aggregating the `rows` rows that share facet, colour and x (1 for aggregate "none"). */
export interface ChartValuePoint {
  x: string | number;
  y: number;
  rows: number;
}

export interface ChartScatterPoint {
  x: number;
  y: number;
}

export interface ChartBoxPoint {
  x: string;
  stats: BoxStats;
}

/** One colour's points; `key` is the colour value, or null when the spec has no colour. */
export interface ChartSeries<P> {
  key: string | null;
  points: P[];
}

/** One small multiple; `key` is the facet value, or null when the spec has no facet. Only series with points appear. */
export interface ChartFacet<P> {
  key: string | null;
  series: ChartSeries<P>[];
}

/**
 * The x axis every facet shares: ordered categories (bar and box always;
 * line when x is not a numeric column), or a numeric extent (scatter, and
 * line over a numeric column).
 */
export type ChartXAxis = { kind: "category"; values: Array<string | number> } | { kind: "number"; domain: [number, number] };

interface ChartDataCommon {
  x: ChartXAxis;
  /** Extent of y over every facet (shared axes); includes 0 for bars. */
  yDomain: [number, number];
  /** Colour values in legend order; empty when the spec has no colour. */
  colourKeys: string[];
  /** Rows left out because x, y, colour or facet was empty or not a number where one was needed. */
  skippedRows: number;
  /** Marks to draw: points, bars, or boxes plus their outliers. */
  pointCount: number;
}

export type ChartData =
  | (ChartDataCommon & { type: "bar" | "line"; facets: ChartFacet<ChartValuePoint>[] })
  | (ChartDataCommon & { type: "scatter"; facets: ChartFacet<ChartScatterPoint>[] })
  | (ChartDataCommon & { type: "box"; facets: ChartFacet<ChartBoxPoint>[] });

export function isChartProblem(result: ChartData | ChartProblem): result is ChartProblem {
  return "problem" in result;
}
