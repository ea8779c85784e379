import type { ChartSpec, NotebookViewSpec } from "./notebook-cell";

/**
 * One-line descriptions of chart and view cells, for exports where the cell
 * itself cannot run: the .ipynb code cell's text, image alt text and the HTML
 * report's captions. Cell numbers count from 1 in document order.
 */

function measure(spec: ChartSpec): string {
  if (spec.aggregate === "count") return "count";
  const y = spec.y ?? "(no y column)";
  return spec.aggregate === "none" ? y : `${spec.aggregate}(${y})`;
}

/** e.g. "bar of count by cohort, coloured by sex, from cell 3". */
export function describeChart(spec: ChartSpec, sourceCellNumber: number | null): string {
  const parts = [`${spec.type} of ${measure(spec)} by ${spec.x}`];
  if (spec.colour) parts.push(`coloured by ${spec.colour}`);
  if (spec.facet) parts.push(`faceted by ${spec.facet}`);
  parts.push(sourceCellNumber === null ? "no source cell" : `from cell ${sourceCellNumber}`);
  return parts.join(", ");
}

/** e.g. "projection 5f0c…", "recording 9a1e… 12.0–30.5 s", "comparison of cohorts a, b". */
export function describeView(view: NotebookViewSpec | null): string {
  if (view === null) return "no view chosen";
  switch (view.kind) {
    case "recording":
      return `recording ${view.recordingId} ${view.startSeconds.toFixed(1)}–${view.endSeconds.toFixed(1)} s`;
    case "projection":
      return `projection ${view.projectionId}`;
    case "comparison":
      return `comparison of cohorts ${view.cohortIds.join(", ")}`;
    case "trajectory":
      return `trajectory of patient ${view.patientId}`;
  }
}
