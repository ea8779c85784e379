import { describe, expect, it } from "vitest";
import type { ChartSpec, NotebookTableColumn } from "../notebook-cell";
import { editChartSpec } from "./edit-chart-spec";

const columns: NotebookTableColumn[] = [
  { name: "cohort", type: "text" },
  { name: "sex", type: "text" },
  { name: "arousal", type: "double precision" },
];
const base: ChartSpec = { type: "bar", x: "cohort", y: "arousal", aggregate: "mean" };

describe("editChartSpec", () => {
  it("sets and clears optional fields", () => {
    const coloured = editChartSpec(base, { field: "colour", value: "sex" }, columns);
    expect(coloured).toEqual({ ...base, colour: "sex" });
    expect(editChartSpec(coloured, { field: "colour", value: "" }, columns)).toEqual(base);
    expect(editChartSpec(base, { field: "facet", value: "sex" }, columns)).toEqual({ ...base, facet: "sex" });
  });

  it("switches to count when y is cleared on bars or lines", () => {
    expect(editChartSpec(base, { field: "y", value: "" }, columns)).toEqual({ type: "bar", x: "cohort", aggregate: "count" });
  });

  it("gives y back when an aggregate or chart type needs one", () => {
    const counting: ChartSpec = { type: "bar", x: "cohort", aggregate: "count" };
    expect(editChartSpec(counting, { field: "aggregate", value: "sum" }, columns)).toEqual({ ...counting, aggregate: "sum", y: "arousal" });
    expect(editChartSpec(counting, { field: "type", value: "box" }, columns)).toEqual({ ...counting, type: "box", y: "arousal" });
    expect(editChartSpec({ ...counting, type: "box", y: "arousal" }, { field: "y", value: "" }, columns).y).toBe("arousal");
  });

  it("leaves the spec it was given unchanged", () => {
    const spec: ChartSpec = { ...base };
    editChartSpec(spec, { field: "y", value: "" }, columns);
    expect(spec).toEqual(base);
  });
});
