import { describe, expect, it } from "vitest";
import { adjustPValues, benjaminiHochbergAdjust, holmAdjust } from "./multiple-comparisons";
import { StatisticsInputError } from "./statistics-input-error";
import reference from "./testing/reference.json";

describe("p-value adjustment", () => {
  it("adjusts three p-values (by hand), keeping input order", () => {
    const p = [0.04, 0.01, 0.03];
    // Sorted 0.01, 0.03, 0.04. Holm: 3·0.01, max(0.03, 2·0.03), max(0.06, 1·0.04) → 0.03, 0.06, 0.06.
    const holm = holmAdjust(p);
    expect(holm[0]).toBeCloseTo(0.06, 15);
    expect(holm[1]).toBeCloseTo(0.03, 15);
    expect(holm[2]).toBeCloseTo(0.06, 15);
    // BH from the top: 0.04·3/3 = 0.04, min(0.04, 0.03·3/2 = 0.045) = 0.04, min(0.04, 0.01·3/1) = 0.03.
    const bh = benjaminiHochbergAdjust(p);
    expect(bh[0]).toBeCloseTo(0.04, 15);
    expect(bh[1]).toBeCloseTo(0.03, 15);
    expect(bh[2]).toBeCloseTo(0.04, 15);
  });

  // Same operations in the same order as the NumPy reference, so the values are identical, not just close.
  it.each(reference.adjustment)("matches the statsmodels definitions: $name", ({ p, holm, bh }) => {
    expect(holmAdjust(p)).toEqual(holm);
    expect(benjaminiHochbergAdjust(p)).toEqual(bh);
    expect(adjustPValues(p, "holm")).toEqual(holmAdjust(p));
    expect(adjustPValues(p, "benjamini-hochberg")).toEqual(benjaminiHochbergAdjust(p));
  });

  it("never lowers a p-value, and Holm is never below Benjamini–Hochberg", () => {
    const p = reference.adjustment.find((entry) => entry.name === "random 40")!.p;
    const holm = holmAdjust(p);
    const bh = benjaminiHochbergAdjust(p);
    p.forEach((value, i) => {
      expect(bh[i]).toBeGreaterThanOrEqual(value);
      expect(holm[i]).toBeGreaterThanOrEqual(bh[i]!);
    });
  });

  it("returns an empty list for no tests and refuses p outside [0, 1]", () => {
    expect(holmAdjust([])).toEqual([]);
    expect(() => holmAdjust([0.2, 1.2])).toThrow(StatisticsInputError);
    expect(() => benjaminiHochbergAdjust([NaN])).toThrow("p-value 0 is NaN");
  });
});
