import { describe, expect, it } from "vitest";
import { defaultChartSpec } from "./default-chart-spec";

describe("defaultChartSpec", () => {
  it("sums the first numeric column per value of the first text column", () => {
    const spec = defaultChartSpec([
      { name: "n", type: "bigint" },
      { name: "cohort", type: "text" },
      { name: "valence", type: "double precision" },
      { name: "site", type: "text" },
    ]);
    expect(spec).toEqual({ type: "bar", x: "cohort", y: "n", aggregate: "sum" });
  });

  it("counts rows per value when no column is numeric", () => {
    expect(defaultChartSpec([{ name: "cohort", type: "text" }, { name: "day", type: "date" }])).toEqual({ type: "bar", x: "cohort", aggregate: "count" });
  });

  it("uses the first column as x when every column is numeric, and another as y", () => {
    expect(defaultChartSpec([{ name: "session", type: "integer" }, { name: "arousal", type: "real" }])).toEqual({
      type: "bar",
      x: "session",
      y: "arousal",
      aggregate: "sum",
    });
    expect(defaultChartSpec([{ name: "session", type: "integer" }])).toEqual({ type: "bar", x: "session", aggregate: "count" });
    expect(defaultChartSpec([])).toEqual({ type: "bar", x: "", aggregate: "count" });
  });
});
