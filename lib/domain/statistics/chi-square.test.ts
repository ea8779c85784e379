import { describe, expect, it } from "vitest";
import { ArrayShapeError } from "../array-shape-error";
import { chiSquareIndependence, chiSquareSurvival } from "./chi-square";
import { StatisticsInputError } from "./statistics-input-error";
import { expectClose } from "./testing/expect-close";
import reference from "./testing/reference.json";

// Statistic, expected counts and V to 1e-12 relative; p to 1e-11 (measured
// worst below 1e-13, down to p ≈ 2.8e-99).
describe("chiSquareIndependence", () => {
  it("computes Pearson's statistic on a 2×2 table (by hand)", () => {
    // Margins 10/10 × 10/10 of 20: every expected count is 5; X² = 4 · (3²/5) = 7.2.
    const result = chiSquareIndependence([
      [8, 2],
      [2, 8],
    ]);
    expect(result.expected).toEqual([
      [5, 5],
      [5, 5],
    ]);
    expectClose(result.statistic, 7.2, 1e-15, "X²");
    expect(result.dof).toBe(1);
    // χ²(1) upper tail: P(X² > 7.2) = erfc(√3.6) ≈ 0.00729.
    expectClose(result.p, chiSquareSurvival(7.2, 1), 1e-15, "p");
    expect(result.p).toBeCloseTo(0.00729, 5);
    // With Yates every |O − E| = 3 shrinks to 2.5: X² = 4 · 2.5²/5 = 5.
    expectClose(chiSquareIndependence([[8, 2], [2, 8]], { yates: true }).statistic, 5, 1e-15, "Yates X²");
  });

  it.each(reference.chiSquare)("matches scipy.stats.chi2_contingency: $name", (entry) => {
    const result = chiSquareIndependence(entry.table, { yates: entry.yates });
    expect(result.dof).toBe(entry.dof);
    expect(result.keptColumns).toEqual(entry.keptColumns);
    expect(result.droppedColumns).toEqual(entry.table[0]!.map((_, c) => c).filter((c) => !entry.keptColumns.includes(c)));
    expectClose(result.statistic, entry.statistic, 1e-12, "statistic", 1e-13);
    expectClose(result.p, entry.p, 1e-11, "p");
    expectClose(result.cramersV, entry.cramersV, 1e-12, "Cramér's V", 1e-13);
    entry.expected.forEach((row, r) => row.forEach((value, c) => expectClose(result.expected[r]![c]!, value, 1e-12, `expected[${r}][${c}]`)));
  });

  it("applies Yates only when there is one degree of freedom", () => {
    const table = [
      [12, 5, 7],
      [3, 14, 6],
    ];
    expect(chiSquareIndependence(table, { yates: true }).statistic).toBe(chiSquareIndependence(table).statistic);
  });

  it("refuses ragged tables, negative counts and empty rows, naming them", () => {
    expect(() => chiSquareIndependence([[1, 2], [3]])).toThrow(ArrayShapeError);
    expect(() => chiSquareIndependence([[1, -2], [3, 4]])).toThrow("row 0, column 1 is -2");
    expect(() => chiSquareIndependence([[1, 2], [0, 0]])).toThrow("row 1 has no counts");
    expect(() => chiSquareIndependence([])).toThrow(StatisticsInputError);
  });
});
