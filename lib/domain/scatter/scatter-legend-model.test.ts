import { describe, expect, it } from "vitest";
import { CONTINUOUS_STOPS, MISSING_COLOR } from "./scatter-colors";
import { categoricalColoringFrom, continuousColoringFrom, MISSING_CODE } from "./scatter-coloring";
import { isolateInLegend, legendForCategorical, legendForContinuous, MISSING_LABEL, niceTicks, toggleHidden } from "./scatter-legend-model";

describe("legendForCategorical", () => {
  it("counts points per category, adds a missing entry and marks hidden ones", () => {
    const coloring = categoricalColoringFrom(["b", "a", "b", null, "b"]);
    const legend = legendForCategorical(coloring, new Set([1]));
    expect(legend.entries.map(({ code, label, count, hidden }) => ({ code, label, count, hidden }))).toEqual([
      { code: 0, label: "b", count: 3, hidden: false },
      { code: 1, label: "a", count: 1, hidden: true },
      { code: MISSING_CODE, label: MISSING_LABEL, count: 1, hidden: false },
    ]);
    expect(legend.entries[2]!.color).toBe(MISSING_COLOR);
  });

  it("lists a category with no points and leaves out the missing entry when nothing is missing", () => {
    const legend = legendForCategorical({ kind: "categorical", codes: Int32Array.from([0, 0]), categories: [{ label: "x", color: "#111111" }, { label: "y", color: "#222222" }] });
    expect(legend.entries.map((entry) => [entry.label, entry.count])).toEqual([["x", 2], ["y", 0]]);
  });
});

describe("niceTicks", () => {
  it("picks round steps of 1, 2 or 5 × 10ⁿ inside the domain", () => {
    expect(niceTicks(0, 1, 5)).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
    expect(niceTicks(-3.7, 12.2, 4)).toEqual([0, 5, 10]);
    expect(niceTicks(0.13, 0.47, 5)).toEqual([0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45]);
    expect(niceTicks(-0.3, 0.3, 3)).toEqual([-0.2, 0, 0.2]);
  });

  it("gives one tick for a one-value domain and none for a reversed or infinite one", () => {
    expect(niceTicks(4, 4, 5)).toEqual([4]);
    expect(niceTicks(5, 4, 5)).toEqual([]);
    expect(niceTicks(0, Number.POSITIVE_INFINITY, 5)).toEqual([]);
  });
});

describe("legendForContinuous", () => {
  it("places ticks along the bar and counts missing values", () => {
    const legend = legendForContinuous(continuousColoringFrom([10, 20, null, 30], "age"), { tickCount: 2, hidden: new Set([MISSING_CODE]) });
    expect(legend.label).toBe("age");
    expect(legend.ticks).toEqual([
      { value: 10, offset: 0, text: "10" },
      { value: 20, offset: 0.5, text: "20" },
      { value: 30, offset: 1, text: "30" },
    ]);
    expect(legend.missingCount).toBe(1);
    expect(legend.missingHidden).toBe(true);
    expect(legend.gradient[0]).toEqual({ offset: 0, color: CONTINUOUS_STOPS[0] });
    expect(legend.gradient.at(-1)).toEqual({ offset: 1, color: CONTINUOUS_STOPS.at(-1) });
  });

  it("writes tick labels with the step's decimals", () => {
    const legend = legendForContinuous(continuousColoringFrom([0, 1], "p"));
    expect(legend.ticks.map((tick) => tick.text)).toEqual(["0.0", "0.2", "0.4", "0.6", "0.8", "1.0"]);
  });
});

describe("toggleHidden and isolateInLegend", () => {
  const legend = legendForCategorical(categoricalColoringFrom(["a", "b", "c", null], { order: "label" }));

  it("toggles one code without touching the others", () => {
    expect([...toggleHidden(new Set([0]), 1)].sort()).toEqual([0, 1]);
    expect([...toggleHidden(new Set([0, 1]), 1)]).toEqual([0]);
  });

  it("hides every other entry, missing included, and isolating again shows all", () => {
    const isolated = isolateInLegend(legend, 1);
    expect([...isolated].sort()).toEqual([MISSING_CODE, 0, 2].sort());
    expect(isolateInLegend(legendForCategorical(categoricalColoringFrom(["a", "b", "c", null], { order: "label" }), isolated), 1).size).toBe(0);
  });
});
