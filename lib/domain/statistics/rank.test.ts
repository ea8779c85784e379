import { describe, expect, it } from "vitest";
import { averageRanks, rankWithTies, tieCorrectionFactor } from "./rank";
import { StatisticsInputError } from "./statistics-input-error";
import reference from "./testing/reference.json";

describe("rankWithTies", () => {
  it("gives tied values the mean of the ranks they span (by hand)", () => {
    // Sorted: 1 1 2 3 → the two 1s share ranks 1 and 2 → 1.5 each.
    const { ranks, tieSum } = rankWithTies([3, 1, 2, 1]);
    expect(Array.from(ranks)).toEqual([4, 1.5, 3, 1.5]);
    // One group of two ties: 2³ − 2 = 6.
    expect(tieSum).toBe(6);
    expect(tieCorrectionFactor(tieSum, 4)).toBeCloseTo(1 - 6 / 60, 15);
  });

  it.each(reference.rank)("matches scipy.stats.rankdata and tiecorrect: $name", (entry) => {
    const { ranks, tieSum } = rankWithTies(entry.values);
    expect(Array.from(ranks)).toEqual(entry.ranks);
    expect(tieSum).toBe(entry.tieSum);
    expect(tieCorrectionFactor(tieSum, entry.values.length)).toBeCloseTo(entry.tieCorrection, 14);
  });

  it("ranks infinities at the ends and refuses NaN, naming the position", () => {
    expect(Array.from(averageRanks([Infinity, 0, -Infinity, Infinity]))).toEqual([3.5, 2, 1, 3.5]);
    expect(() => rankWithTies([1, NaN], "proportions")).toThrow(StatisticsInputError);
    expect(() => rankWithTies([1, NaN], "proportions")).toThrow("proportions[1] is NaN");
  });

  it("handles an empty input", () => {
    expect(rankWithTies([])).toEqual({ ranks: new Float64Array(0), tieSum: 0 });
  });
});
