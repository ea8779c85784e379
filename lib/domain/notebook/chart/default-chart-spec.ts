import type { ChartSpec, NotebookTableColumn } from "../notebook-cell";
import { isNumericColumnType } from "./chart-columns";

/**
 * A first chart for a result a researcher has not charted yet: bars of the
 * first numeric column summed per value of the first text column, or a count
 * per value when there is no numeric column.
 */
export function defaultChartSpec(columns: readonly NotebookTableColumn[]): ChartSpec {
  const x = columns.find((column) => !isNumericColumnType(column.type)) ?? columns[0];
  const y = columns.find((column) => column !== x && isNumericColumnType(column.type));
  return y ? { type: "bar", x: x?.name ?? "", y: y.name, aggregate: "sum" } : { type: "bar", x: x?.name ?? "", aggregate: "count" };
}
