import type { ChartSpec } from "../notebook-cell";
import type { ChartData, ChartFacet } from "./chart-data-types";
import { type ChartLayout, type FacetCell, layoutChart } from "./chart-layout";
import { barMarks, boxMarks, lineMarks, type MarkContext, scatterMarks } from "./chart-marks";
import { CHART_PALETTE, CHART_THEME_COLOURS, type ChartThemeColours } from "./chart-palette";
import { formatTick, formatValue } from "./nice-ticks";
import { CHAR_WIDTH, coord, escapeXml, textElement } from "./svg-text";

/**
 * A notebook chart as one self-contained SVG string: no scripts, no external
 * fonts or stylesheets, every label escaped, and the same bytes for the same
 * input, so it can be inlined in the workbench and in exported notebooks.
 */

export interface ChartSvgOptions {
  width: number;
  height: number;
  palette?: readonly string[];
  theme: "light" | "dark";
}

const FONT_FAMILY = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif";
const TYPE_WORDS: Readonly<Record<ChartSpec["type"], string>> = { bar: "Bar chart", line: "Line chart", scatter: "Scatter plot", box: "Box plot" };

/** The y axis title: the y column, or what was aggregated from it ("mean of arousal", "count"). */
export function chartYTitle(spec: ChartSpec): string {
  const y = spec.y ?? "";
  if (spec.type === "scatter" || spec.type === "box" || spec.aggregate === "none") return y;
  if (spec.aggregate === "count") return y ? `count of ${y}` : "count";
  return `${spec.aggregate} of ${y}`;
}

function describe(spec: ChartSpec): string {
  const parts = [`${TYPE_WORDS[spec.type]}: ${chartYTitle(spec)} by ${spec.x}`];
  if (spec.colour) parts.push(`coloured by ${spec.colour}`);
  if (spec.facet) parts.push(`one panel per ${spec.facet}`);
  return (spec.title ? `${spec.title}. ` : "") + parts.join(", ");
}

function line(x1: number, y1: number, x2: number, y2: number, stroke: string, extra = ""): string {
  return `<line x1="${coord(x1)}" y1="${coord(y1)}" x2="${coord(x2)}" y2="${coord(y2)}" stroke="${stroke}"${extra}/>`;
}

function xAxisLabels(data: ChartData, layout: ChartLayout, cell: FacetCell, context: MarkContext, colours: ChartThemeColours): string {
  const { plot } = cell;
  const baseline = plot.y + plot.height;
  const attributes = (x: number) => `class="chart-x-label" x="${coord(x)}" y="${coord(baseline + 13)}" text-anchor="middle" fill="${colours.muted}"`;
  if (data.x.kind === "number") {
    const ticks = layout.xTicks!;
    return ticks.ticks.map((tick) => line(context.xAt(tick), baseline, context.xAt(tick), baseline + 4, colours.axis) + textElement(attributes(context.xAt(tick)), formatTick(tick, ticks.step))).join("");
  }
  const labels = data.x.values.map((value) => (typeof value === "number" ? formatValue(value) : value));
  // Cut labels to fit their band, down to 6 characters; past that show every
  // stride-th label so neighbours do not overlap. Tooltips still name every x.
  const longest = Math.max(...labels.map((label) => label.length));
  const fitting = Math.floor((context.band - 6) / CHAR_WIDTH);
  const stride = fitting >= Math.min(longest, 6) ? 1 : Math.ceil((Math.min(longest, 6) * CHAR_WIDTH + 6) / context.band);
  const maxChars = Math.max(3, Math.floor((context.band * stride - 6) / CHAR_WIDTH));
  return labels
    .map((label, index) => (index % stride === 0 ? textElement(attributes(context.xAt(data.x.kind === "category" ? data.x.values[index]! : 0)), label, maxChars) : ""))
    .join("");
}

function markContext(data: ChartData, spec: ChartSpec, layout: ChartLayout, cell: FacetCell, facet: ChartFacet<unknown>, palette: readonly string[]): MarkContext {
  const { plot } = cell;
  const [yLow, yHigh] = layout.yTicks.domain;
  const yAt = (y: number) => plot.y + plot.height * (1 - (y - yLow) / (yHigh - yLow));
  let xAt: (x: string | number) => number;
  let band = 0;
  if (data.x.kind === "number") {
    const [xLow, xHigh] = layout.xTicks!.domain;
    xAt = (x) => plot.x + (plot.width * ((x as number) - xLow)) / (xHigh - xLow);
  } else {
    const index = new Map(data.x.values.map((value, position) => [String(value), position]));
    band = plot.width / Math.max(1, data.x.values.length);
    xAt = (x) => plot.x + band * ((index.get(String(x)) ?? 0) + 0.5);
  }
  const slotIndex = new Map(data.colourKeys.map((key, position) => [key, position]));
  const slotOf = (series: string | null) => (series === null ? 0 : (slotIndex.get(series) ?? 0));
  return {
    plot,
    xAt,
    band,
    yAt,
    slots: Math.max(1, data.colourKeys.length),
    slotOf,
    colourOf: (series) => palette[slotOf(series) % palette.length]!,
    seriesName: chartYTitle(spec) || spec.x,
    xName: spec.x,
    yName: chartYTitle(spec),
    colourName: spec.colour ?? null,
    facetName: spec.facet ?? null,
    facetKey: facet.key,
  };
}

function facetMarks(data: ChartData, index: number, context: MarkContext): string {
  switch (data.type) {
    case "bar":
      return data.facets[index]!.series.map((series) => barMarks(series, context)).join("");
    case "line":
      return data.facets[index]!.series.map((series) => lineMarks(series, context)).join("");
    case "scatter":
      return data.facets[index]!.series.map((series) => scatterMarks(series, context)).join("");
    case "box":
      return data.facets[index]!.series.map((series) => boxMarks(series, context)).join("");
  }
}

function drawFacet(data: ChartData, spec: ChartSpec, layout: ChartLayout, cell: FacetCell, palette: readonly string[], colours: ChartThemeColours): string {
  const facet: ChartFacet<unknown> = data.facets[cell.index]!;
  const context = markContext(data, spec, layout, cell, facet, palette);
  const { plot } = cell;
  const parts: string[] = [`<g class="chart-facet"${facet.key === null ? "" : ` data-facet="${escapeXml(facet.key)}"`}>`];
  if (facet.key !== null) {
    const attributes = `class="chart-facet-title" x="${coord(plot.x + plot.width / 2)}" y="${coord(cell.cell.y + 11)}" text-anchor="middle" font-weight="600"`;
    parts.push(textElement(attributes, facet.key, Math.max(3, Math.floor(plot.width / CHAR_WIDTH))));
  }
  for (const tick of layout.yTicks.ticks) {
    const y = context.yAt(tick);
    parts.push(line(plot.x, y, plot.x + plot.width, y, tick === 0 && data.type === "bar" ? colours.axis : colours.grid));
    if (cell.column === 0) {
      parts.push(textElement(`class="chart-y-label" x="${coord(plot.x - 4)}" y="${coord(y + 4)}" text-anchor="end" fill="${colours.muted}"`, formatTick(tick, layout.yTicks.step)));
    }
  }
  if (layout.xTicks) for (const tick of layout.xTicks.ticks) parts.push(line(context.xAt(tick), plot.y, context.xAt(tick), plot.y + plot.height, colours.grid));
  parts.push(line(plot.x, plot.y, plot.x, plot.y + plot.height, colours.axis));
  parts.push(line(plot.x, plot.y + plot.height, plot.x + plot.width, plot.y + plot.height, colours.axis));
  parts.push(xAxisLabels(data, layout, cell, context, colours));
  parts.push(facetMarks(data, cell.index, context));
  parts.push("</g>");
  return parts.join("");
}

function drawLegend(layout: ChartLayout, spec: ChartSpec, palette: readonly string[], colours: ChartThemeColours): string {
  if (!layout.legendTitle) return "";
  const parts = [textElement(`class="chart-legend-title" x="${coord(layout.legendTitle.x)}" y="${coord(layout.legendTitle.y + 11)}" fill="${colours.muted}"`, spec.colour ?? "")];
  layout.legend.forEach((entry, index) => {
    const colour = palette[index % palette.length]!;
    parts.push(
      `<g class="chart-legend-item" data-series="${escapeXml(entry.key)}">` +
        `<rect x="${coord(entry.x)}" y="${coord(entry.y + 2)}" width="10" height="10" rx="2" fill="${colour}"/>` +
        textElement(`x="${coord(entry.x + 14)}" y="${coord(entry.y + 11)}"`, entry.key, entry.label.length) +
        "</g>",
    );
  });
  return parts.join("");
}

/** The chart for `data` drawn per `spec`, `options.width` × `options.height` pixels. */
export function renderChartSvg(data: ChartData, spec: ChartSpec, options: ChartSvgOptions): string {
  const palette = options.palette && options.palette.length > 0 ? options.palette : CHART_PALETTE;
  const colours = CHART_THEME_COLOURS[options.theme];
  const layout = layoutChart(data, { width: options.width, height: options.height, title: spec.title, colourTitle: spec.colour ?? "" });
  const { width, height, grid } = layout;
  const parts = [
    `<svg xmlns="http://www.w3.org/2000/svg" class="notebook-chart" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" ` +
      `role="img" aria-label="${escapeXml(describe(spec))}" font-family="${FONT_FAMILY}" font-size="11" fill="${colours.text}" data-chart-type="${spec.type}">`,
  ];
  if (layout.titleY !== null && spec.title) {
    parts.push(textElement(`class="chart-title" x="${coord(width / 2)}" y="${coord(layout.titleY)}" text-anchor="middle" font-size="13" font-weight="600"`, spec.title, Math.floor(width / 7.5)));
  }
  parts.push(drawLegend(layout, spec, palette, colours));
  for (const cell of layout.cells) parts.push(drawFacet(data, spec, layout, cell, palette, colours));
  parts.push(textElement(`class="chart-axis-title" x="${coord(grid.x + grid.width / 2)}" y="${coord(height - 5)}" text-anchor="middle"`, spec.x, Math.floor(grid.width / CHAR_WIDTH)));
  const yTitleX = 8 + 11;
  const yTitleY = grid.y + grid.height / 2;
  parts.push(
    textElement(`class="chart-axis-title" x="${coord(yTitleX)}" y="${coord(yTitleY)}" text-anchor="middle" transform="rotate(-90 ${coord(yTitleX)} ${coord(yTitleY)})"`, chartYTitle(spec), Math.floor(grid.height / CHAR_WIDTH)),
  );
  parts.push("</svg>");
  return parts.join("");
}
