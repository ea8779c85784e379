import { describe, expect, it } from "vitest";
import { boxStats, quantileSorted } from "./box-stats";

// Expected figures from numpy 2.4.6: np.quantile(a, [0.25, 0.5, 0.75]) (method "linear"),
// whiskers as a[a >= q1 - 1.5*iqr].min() and a[a <= q3 + 1.5*iqr].max().
describe("quantileSorted", () => {
  it("matches numpy's linear method", () => {
    expect([0.25, 0.5, 0.75].map((q) => quantileSorted([1, 2, 3, 4], q))).toEqual([1.75, 2.5, 3.25]);
    expect([0.25, 0.5, 0.75].map((q) => quantileSorted([7, 15, 36, 39, 40, 41], q))).toEqual([20.25, 37.5, 39.75]);
    expect([0, 1].map((q) => quantileSorted([7, 15, 36], q))).toEqual([7, 36]);
    expect(quantileSorted([3.2], 0.75)).toBe(3.2);
  });
});

describe("boxStats", () => {
  it("puts whiskers at the furthest data within 1.5 IQR and lists the rest as outliers", () => {
    expect(boxStats([1, 2, 3, 4, 5, 6, 7, 8, 9, 100])).toEqual({
      min: 1,
      q1: 3.25,
      median: 5.5,
      q3: 7.75,
      max: 100,
      whiskerLow: 1,
      whiskerHigh: 9,
      outliers: [100],
      n: 10,
    });
  });

  it("handles unsorted input with outliers on both sides", () => {
    const stats = boxStats([-5, 0.5, 2, 2, 2, 3, 9, 12, 40, -30, 1.25]);
    expect([stats.q1, stats.median, stats.q3]).toEqual([0.875, 2, 6]);
    expect([stats.whiskerLow, stats.whiskerHigh]).toEqual([-5, 12]);
    expect(stats.outliers).toEqual([-30, 40]);
    expect([stats.min, stats.max, stats.n]).toEqual([-30, 40, 11]);
  });

  it("summarises a single value as itself", () => {
    expect(boxStats([3.2])).toEqual({ min: 3.2, q1: 3.2, median: 3.2, q3: 3.2, max: 3.2, whiskerLow: 3.2, whiskerHigh: 3.2, outliers: [], n: 1 });
  });
});
