import type { ChartData } from "./chart-data-types";
import { formatTick, type NiceTicks, niceTicks } from "./nice-ticks";
import { CHAR_WIDTH, textWidth, truncate } from "./svg-text";

/** Where the parts of a chart go: title, legend, the grid of facets and each facet's plot box, and the shared scales. */

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface FacetCell {
  index: number;
  column: number;
  row: number;
  /** Whole cell, facet title included. */
  cell: Box;
  /** Where marks go. */
  plot: Box;
}

export interface LegendEntry {
  key: string;
  label: string;
  x: number;
  y: number;
}

export interface ChartLayout {
  width: number;
  height: number;
  titleY: number | null;
  legendTitle: { x: number; y: number } | null;
  legend: LegendEntry[];
  /** Left edge and width of the facet grid; axis titles centre on it. */
  grid: Box;
  cells: FacetCell[];
  columns: number;
  yTicks: NiceTicks;
  /** Ticks of a numeric x axis; null for categories. */
  xTicks: NiceTicks | null;
}

const PAD = 8;
const TITLE_HEIGHT = 22;
const LEGEND_ROW = 16;
const LEGEND_SWATCH = 14;
const AXIS_TITLE = 16;
const X_LABELS = 18;
const FACET_TITLE = 16;
const CELL_GAP = 20;
/** Facets narrower than this get cramped tick labels; the grid wraps instead. */
export const MIN_FACET_WIDTH = 200;
const LEGEND_LABEL_CHARS = 24;

/** Columns and rows of the small-multiple grid for `count` facets in a chart `width` wide. */
export function facetGrid(count: number, width: number): { columns: number; rows: number } {
  const columns = Math.max(1, Math.min(count, Math.floor((width - 60) / MIN_FACET_WIDTH)));
  return { columns, rows: Math.max(1, Math.ceil(count / columns)) };
}

/** Height of a one-row chart; taller grids of facets get a fixed height per row instead. */
export const CHART_HEIGHT = 320;
const FACET_ROW_HEIGHT = 190;

/** Pixel height for a chart of `facetCount` facets `width` wide, so wrapped facets keep a readable height. */
export function chartHeightFor(facetCount: number, width: number): number {
  const { rows } = facetGrid(facetCount, width);
  return rows <= 1 ? CHART_HEIGHT : rows * FACET_ROW_HEIGHT + 60;
}

function clamp(value: number, low: number, high: number): number {
  return Math.min(high, Math.max(low, value));
}

function layoutLegend(colourKeys: readonly string[], legendTitle: string, top: number, width: number) {
  const legend: LegendEntry[] = [];
  let x = PAD + textWidth(legendTitle) + 10;
  let y = top;
  for (const key of colourKeys) {
    const label = truncate(key, LEGEND_LABEL_CHARS);
    const itemWidth = LEGEND_SWATCH + textWidth(label) + 12;
    if (x + itemWidth > width - PAD && legend.length > 0) {
      x = PAD + textWidth(legendTitle) + 10;
      y += LEGEND_ROW;
    }
    legend.push({ key, label, x, y });
    x += itemWidth;
  }
  return { legend, bottom: y + LEGEND_ROW };
}

/** Positions for everything in a `width` × `height` chart of `data`. */
export function layoutChart(data: ChartData, options: { width: number; height: number; title?: string; colourTitle: string }): ChartLayout {
  const width = Math.max(160, options.width);
  const height = Math.max(120, options.height);
  const titleY = options.title ? PAD + 13 : null;
  let top = PAD + (options.title ? TITLE_HEIGHT : 0);

  let legend: LegendEntry[] = [];
  let legendTitle: ChartLayout["legendTitle"] = null;
  if (data.colourKeys.length > 0) {
    legendTitle = { x: PAD, y: top };
    const laid = layoutLegend(data.colourKeys, options.colourTitle, top, width);
    legend = laid.legend;
    top = laid.bottom + 4;
  }

  const faceted = data.facets.length > 1 || data.facets[0]?.key !== null;
  const { columns, rows } = facetGrid(data.facets.length, width);
  const gridHeight = Math.max(40, height - top - AXIS_TITLE - PAD / 2);
  const cellHeight = gridHeight / rows;
  const plotHeight = Math.max(10, cellHeight - (faceted ? FACET_TITLE : 4) - X_LABELS - (rows > 1 ? 6 : 0));
  const yTicks = niceTicks(data.yDomain[0], data.yDomain[1], clamp(Math.floor(plotHeight / 36), 2, 8));

  const yLabelWidth = Math.max(...yTicks.ticks.map((tick) => textWidth(formatTick(tick, yTicks.step))));
  const left = PAD + AXIS_TITLE + yLabelWidth + 6;
  const grid: Box = { x: left, y: top, width: Math.max(40, width - left - PAD - CHAR_WIDTH), height: gridHeight };
  const cellWidth = grid.width / columns;

  const cells = data.facets.map((_, index): FacetCell => {
    const column = index % columns;
    const row = Math.floor(index / columns);
    const cell: Box = { x: grid.x + column * cellWidth, y: grid.y + row * cellHeight, width: cellWidth, height: cellHeight };
    const insetLeft = column > 0 ? CELL_GAP / 2 : 0;
    const insetRight = column < columns - 1 ? CELL_GAP / 2 : 0;
    const plot: Box = {
      x: cell.x + insetLeft,
      y: cell.y + (faceted ? FACET_TITLE : 4),
      width: Math.max(10, cellWidth - insetLeft - insetRight),
      height: plotHeight,
    };
    return { index, column, row, cell, plot };
  });

  const plotWidth = cells[0]?.plot.width ?? grid.width;
  const xTicks = data.x.kind === "number" ? niceTicks(data.x.domain[0], data.x.domain[1], clamp(Math.floor(plotWidth / 70), 2, 10)) : null;
  return { width, height, titleY, legendTitle, legend, grid, cells, columns, yTicks, xTicks };
}
