import { describe, expect, it } from "vitest";
import { CATEGORICAL_PALETTE, continuousColorAt, MISSING_COLOR } from "./scatter-colors";
import {
  assertColoringFits,
  CONTINUOUS_LEVELS,
  categoricalColoringFrom,
  continuousColoringFrom,
  MISSING_CODE,
  pointColorResolver,
  toColorTable,
  visiblePointIndices,
} from "./scatter-coloring";
import { ScatterInputError } from "./scatter-input-error";

describe("categoricalColoringFrom", () => {
  it("codes each point by category, commonest first, with missing values on MISSING_CODE", () => {
    const coloring = categoricalColoringFrom(["sad", "happy", null, "sad", "", "angry", "sad", "happy", undefined]);
    expect(coloring.categories.map((category) => category.label)).toEqual(["sad", "happy", "angry"]);
    expect(Array.from(coloring.codes)).toEqual([0, 1, MISSING_CODE, 0, MISSING_CODE, 2, 0, 1, MISSING_CODE]);
    expect(coloring.categories.map((category) => category.color)).toEqual(CATEGORICAL_PALETTE.slice(0, 3));
  });

  it("sorts labels naturally when asked and keeps pinned colours", () => {
    const coloring = categoricalColoringFrom(["P10", "P2", "P1", "P2"], { order: "label", colors: { P2: "#123456" } });
    expect(coloring.categories).toEqual([
      { label: "P1", color: CATEGORICAL_PALETTE[0] },
      { label: "P2", color: "#123456" },
      { label: "P10", color: CATEGORICAL_PALETTE[2] },
    ]);
  });
});

describe("continuousColoringFrom", () => {
  it("takes the finite range as domain and stores missing values as NaN", () => {
    const coloring = continuousColoringFrom([3, null, -1, Number.POSITIVE_INFINITY, 7], "arousal");
    expect(coloring.domain).toEqual([-1, 7]);
    expect(Number.isNaN(coloring.values[1]!)).toBe(true);
    expect(Number.isNaN(coloring.values[3]!)).toBe(true);
    expect(coloring.values[4]).toBe(7);
  });

  it("falls back to [0, 1] when no value is present and honours an explicit domain", () => {
    expect(continuousColoringFrom([null, undefined], "x").domain).toEqual([0, 1]);
    expect(continuousColoringFrom([0.2], "x", [0, 10]).domain).toEqual([0, 10]);
  });
});

describe("assertColoringFits", () => {
  it("refuses a colouring of another length or with codes naming no category", () => {
    const coloring = categoricalColoringFrom(["a", "b"]);
    expect(() => assertColoringFits(coloring, 3)).toThrow(new ScatterInputError("the colouring has 2 values for 3 points"));
    expect(() => assertColoringFits({ ...coloring, codes: Int32Array.from([0, 5]) }, 2)).toThrow(/point 1 has colour code 5, but there are 2 categories/);
    expect(() => assertColoringFits(coloring, 2)).not.toThrow();
  });

  it("refuses a continuous domain that is not a finite interval", () => {
    expect(() => assertColoringFits({ kind: "continuous", values: new Float32Array(1), domain: [2, 1], label: "valence" }, 1)).toThrow(/"valence" has an invalid domain \[2, 1\]/);
  });
});

describe("toColorTable", () => {
  it("puts missing categorical points on the table's last entry", () => {
    const coloring = categoricalColoringFrom(["a", null, "b"], { order: "label" });
    const table = toColorTable(coloring);
    expect(Array.from(table.codes)).toEqual([0, 2, 1]);
    expect(table.palette).toEqual([CATEGORICAL_PALETTE[0], CATEGORICAL_PALETTE[1], MISSING_COLOR]);
  });

  it("quantises a continuous scale to CONTINUOUS_LEVELS and clamps outside the domain", () => {
    const coloring = continuousColoringFrom([0, 5, 10, 20, null], "x", [0, 10]);
    const table = toColorTable(coloring);
    expect(Array.from(table.codes)).toEqual([0, Math.round(0.5 * (CONTINUOUS_LEVELS - 1)), CONTINUOUS_LEVELS - 1, CONTINUOUS_LEVELS - 1, CONTINUOUS_LEVELS]);
    expect(table.palette).toHaveLength(CONTINUOUS_LEVELS + 1);
    expect(table.palette[0]).toBe(continuousColorAt(0));
    expect(table.palette[CONTINUOUS_LEVELS]).toBe(MISSING_COLOR);
  });
});

describe("pointColorResolver", () => {
  it("gives each point its category's or scale's colour", () => {
    const categorical = pointColorResolver(categoricalColoringFrom(["a", null]));
    expect([categorical(0), categorical(1)]).toEqual([CATEGORICAL_PALETTE[0], MISSING_COLOR]);
    const continuous = pointColorResolver(continuousColoringFrom([0, 1, null], "x"));
    expect([continuous(0), continuous(1), continuous(2)]).toEqual([continuousColorAt(0), continuousColorAt(1), MISSING_COLOR]);
  });
});

describe("visiblePointIndices", () => {
  it("drops points of hidden categories and returns null when nothing is hidden", () => {
    const coloring = categoricalColoringFrom(["a", "b", null, "a"], { order: "label" });
    expect(visiblePointIndices(coloring, new Set())).toBeNull();
    expect(visiblePointIndices(coloring, new Set([0]))).toEqual([1, 2]);
    expect(visiblePointIndices(coloring, new Set([MISSING_CODE, 1]))).toEqual([0, 3]);
  });

  it("can hide only the missing points of a continuous colouring", () => {
    const coloring = continuousColoringFrom([1, null, 2], "x");
    expect(visiblePointIndices(coloring, new Set([3]))).toBeNull();
    expect(visiblePointIndices(coloring, new Set([MISSING_CODE]))).toEqual([0, 2]);
  });
});
