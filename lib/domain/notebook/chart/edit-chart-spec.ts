import type { ChartSpec, NotebookTableColumn } from "../notebook-cell";
import { isNumericColumnType } from "./chart-columns";

/** One choice made in the chart builder's toolbar; an empty string is "—" (none). */
export type ChartSpecChange =
  | { field: "type"; value: ChartSpec["type"] }
  | { field: "aggregate"; value: ChartSpec["aggregate"] }
  | { field: "x" | "y" | "colour" | "facet"; value: string };

/** The first numeric column other than x, else the first other column. */
function defaultY(columns: readonly NotebookTableColumn[], x: string): string | undefined {
  const others = columns.filter((column) => column.name !== x);
  return (others.find((column) => isNumericColumnType(column.type)) ?? others[0])?.name;
}

/**
 * `spec` with one toolbar choice applied, kept complete: y may be "—" only
 * for a bar or line count, so choosing "—" for y there switches to count, and
 * a chart or aggregate that needs a y gets one when it has none.
 */
export function editChartSpec(spec: ChartSpec, change: ChartSpecChange, columns: readonly NotebookTableColumn[]): ChartSpec {
  const next: ChartSpec = { ...spec };
  if (change.field === "type") next.type = change.value;
  else if (change.field === "aggregate") next.aggregate = change.value;
  else if (change.field === "x") next.x = change.value;
  else if (change.value === "") delete next[change.field];
  else next[change.field] = change.value;

  const canCount = next.type === "bar" || next.type === "line";
  if (next.y === undefined && !(canCount && next.aggregate === "count")) {
    if (change.field === "y" && canCount) {
      next.aggregate = "count";
    } else {
      const y = defaultY(columns, next.x);
      if (y !== undefined) next.y = y;
    }
  }
  return next;
}
