import type { ChartBoxPoint, ChartScatterPoint, ChartSeries, ChartValuePoint } from "./chart-data-types";
import type { Box } from "./chart-layout";
import { formatValue } from "./nice-ticks";
import { coord, escapeXml } from "./svg-text";

/**
 * The marks of one facet: bars, lines with point markers, scatter dots and
 * boxes. Every mark carries a `<title>` (the browser's hover tooltip), a
 * class per kind (`chart-bar`, `chart-line`, `chart-point`, `chart-box`) and
 * `data-series` / `data-x` attributes so end-to-end tests can find and count them.
 */

export interface MarkContext {
  plot: Box;
  /** Pixel x of a category's centre or of a number. */
  xAt: (x: string | number) => number;
  /** Width of one category's band; 0 on a numeric axis. */
  band: number;
  yAt: (y: number) => number;
  /** Colour slots side by side within a band (the number of colour keys, at least 1). */
  slots: number;
  slotOf: (series: string | null) => number;
  colourOf: (series: string | null) => string;
  /** Name of the series when the spec has no colour (the y title). */
  seriesName: string;
  xName: string;
  yName: string;
  colourName: string | null;
  facetName: string | null;
  facetKey: string | null;
}

function seriesLabel(series: ChartSeries<unknown>, context: MarkContext): string {
  return series.key ?? context.seriesName;
}

/** `class`, `data-series` and `data-facet` of a series' marks; built once per series since a scatter may have 200k marks. */
function seriesAttributes(kind: string, series: ChartSeries<unknown>, context: MarkContext): string {
  const facet = context.facetKey === null ? "" : ` data-facet="${escapeXml(context.facetKey)}"`;
  return `class="${kind}" data-series="${escapeXml(seriesLabel(series, context))}"${facet}`;
}

function dataX(x: string | number): string {
  return ` data-x="${escapeXml(String(x))}"`;
}

function tooltip(lines: ReadonlyArray<readonly [string, string] | null>, series: ChartSeries<unknown>, context: MarkContext): string {
  const all = [...lines];
  if (context.colourName !== null && series.key !== null) all.push([context.colourName, series.key]);
  if (context.facetName !== null && context.facetKey !== null) all.push([context.facetName, context.facetKey]);
  const text = all.filter((line): line is readonly [string, string] => line !== null).map(([name, value]) => `${name}: ${value}`);
  return `<title>${escapeXml(text.join("\n"))}</title>`;
}

function xText(x: string | number): string {
  return typeof x === "number" ? formatValue(x) : x;
}

/** Left edge and width of a series' slot within the band at `x`. */
function slot(x: string | number, series: ChartSeries<unknown>, context: MarkContext, fill: number): { left: number; width: number } {
  const group = context.band * fill;
  const width = group / context.slots;
  return { left: context.xAt(x) - group / 2 + context.slotOf(series.key) * width, width };
}

export function barMarks(series: ChartSeries<ChartValuePoint>, context: MarkContext): string {
  const colour = context.colourOf(series.key);
  const zero = context.yAt(0);
  const attributes = seriesAttributes("chart-bar", series, context);
  return series.points
    .map((point) => {
      const { left, width } = slot(point.x, series, context, 0.8);
      const end = context.yAt(point.y);
      const rows = point.rows > 1 ? (["rows", formatValue(point.rows)] as const) : null;
      const title = tooltip([[context.xName, xText(point.x)], [context.yName, formatValue(point.y)], rows], series, context);
      const gap = context.slots > 1 && width > 3 ? 1 : 0;
      return (
        `<rect ${attributes}${dataX(point.x)} x="${coord(left)}" y="${coord(Math.min(zero, end))}" ` +
        `width="${coord(Math.max(1, width - gap))}" height="${coord(Math.abs(zero - end))}" fill="${colour}">${title}</rect>`
      );
    })
    .join("");
}

export function lineMarks(series: ChartSeries<ChartValuePoint>, context: MarkContext): string {
  const colour = context.colourOf(series.key);
  const path = series.points.map((point, index) => `${index === 0 ? "M" : "L"}${coord(context.xAt(point.x))} ${coord(context.yAt(point.y))}`).join("");
  const line =
    `<path ${seriesAttributes("chart-line", series, context)} d="${path}" fill="none" stroke="${colour}" stroke-width="2" ` +
    `stroke-linejoin="round" stroke-linecap="round">${tooltip([[context.yName, seriesLabel(series, context)]], series, context)}</path>`;
  const attributes = seriesAttributes("chart-point", series, context);
  const markers = series.points.map((point) => {
    const rows = point.rows > 1 ? (["rows", formatValue(point.rows)] as const) : null;
    const title = tooltip([[context.xName, xText(point.x)], [context.yName, formatValue(point.y)], rows], series, context);
    return `<circle ${attributes}${dataX(point.x)} cx="${coord(context.xAt(point.x))}" cy="${coord(context.yAt(point.y))}" r="3" fill="${colour}">${title}</circle>`;
  });
  return line + markers.join("");
}

export function scatterMarks(series: ChartSeries<ChartScatterPoint>, context: MarkContext): string {
  const attributes = seriesAttributes("chart-point", series, context);
  // Fill and opacity sit on the series' group: a scatter may have 200k dots.
  const dots = series.points.map((point) => {
    const title = tooltip([[context.xName, formatValue(point.x)], [context.yName, formatValue(point.y)]], series, context);
    return `<circle ${attributes}${dataX(point.x)} cx="${coord(context.xAt(point.x))}" cy="${coord(context.yAt(point.y))}" r="3">${title}</circle>`;
  });
  return `<g fill="${context.colourOf(series.key)}" fill-opacity="0.7">${dots.join("")}</g>`;
}

export function boxMarks(series: ChartSeries<ChartBoxPoint>, context: MarkContext): string {
  const colour = context.colourOf(series.key);
  const attributes = seriesAttributes("chart-box", series, context);
  return series.points
    .map(({ x, stats }) => {
      const { left, width } = slot(x, series, context, 0.8);
      const boxWidth = Math.max(2, Math.min(width * 0.75, 48));
      const centre = left + width / 2;
      const [boxLeft, boxRight] = [centre - boxWidth / 2, centre + boxWidth / 2];
      const [q1, median, q3] = [context.yAt(stats.q1), context.yAt(stats.median), context.yAt(stats.q3)];
      const [low, high] = [context.yAt(stats.whiskerLow), context.yAt(stats.whiskerHigh)];
      const capLeft = coord(centre - boxWidth / 4);
      const capRight = coord(centre + boxWidth / 4);
      const title = tooltip(
        [
          [context.xName, x],
          ["n", formatValue(stats.n)],
          ["median", formatValue(stats.median)],
          ["quartiles", `${formatValue(stats.q1)} to ${formatValue(stats.q3)}`],
          ["whiskers", `${formatValue(stats.whiskerLow)} to ${formatValue(stats.whiskerHigh)}`],
          ["min, max", `${formatValue(stats.min)}, ${formatValue(stats.max)}`],
          stats.outliers.length > 0 ? ["outliers", formatValue(stats.outliers.length)] : null,
        ],
        series,
        context,
      );
      const outliers = stats.outliers
        .map(
          (value) =>
            `<circle class="chart-outlier" cx="${coord(centre)}" cy="${coord(context.yAt(value))}" r="2.5" fill="none" stroke="${colour}">` +
            `<title>${escapeXml(`${context.yName}: ${formatValue(value)}`)}</title></circle>`,
        )
        .join("");
      return (
        `<g ${attributes}${dataX(x)} stroke="${colour}">${title}` +
        `<line x1="${coord(centre)}" x2="${coord(centre)}" y1="${coord(high)}" y2="${coord(q3)}"/>` +
        `<line x1="${coord(centre)}" x2="${coord(centre)}" y1="${coord(q1)}" y2="${coord(low)}"/>` +
        `<line x1="${capLeft}" x2="${capRight}" y1="${coord(high)}" y2="${coord(high)}"/>` +
        `<line x1="${capLeft}" x2="${capRight}" y1="${coord(low)}" y2="${coord(low)}"/>` +
        `<rect x="${coord(boxLeft)}" y="${coord(q3)}" width="${coord(boxWidth)}" height="${coord(Math.max(0, q1 - q3))}" fill="${colour}" fill-opacity="0.3"/>` +
        `<line x1="${coord(boxLeft)}" x2="${coord(boxRight)}" y1="${coord(median)}" y2="${coord(median)}" stroke-width="2"/>` +
        `${outliers}</g>`
      );
    })
    .join("");
}
