import { describe, expect, it } from "vitest";
import { CANONICAL_LABELS } from "../emotion-labels";
import { fleissKappa } from "./fleiss-kappa";
import { itemsFromCounts, itemsFromTable, WIKIPEDIA_FLEISS } from "./testing/agreement-fixtures";

describe("fleissKappa", () => {
  it("reproduces Wikipedia's worked example (κ = 0.210)", () => {
    // S = Σ n_ij² = 196+60+70+94+74+98+58+46+66+66 = 828, M = 10·14 = 140 ratings,
    // category totals 20, 28, 39, 21, 32 so T = Σ T_j² = 4170.
    // P̄ = (828 − 140)/(140·13) = 688/1820; P̄e = 4170/140² = 4170/19600;
    // κ = (688·140 − 4170·13)/(13·(19600 − 4170)) = 42110/200590.
    const result = fleissKappa(itemsFromCounts(WIKIPEDIA_FLEISS.categories, WIKIPEDIA_FLEISS.rows), WIKIPEDIA_FLEISS.categories);
    expect(result.observed).toBeCloseTo(0.378, 3);
    expect(result.expected).toBeCloseTo(0.213, 3);
    expect(result.kappa).toBeCloseTo(0.21, 3);
    expect(result.observed).toBeCloseTo(688 / 1820, 14);
    expect(result.expected).toBeCloseTo(4170 / 19600, 14);
    expect(result.kappa).toBeCloseTo(42110 / 200590, 14);
    expect(result).toMatchObject({ itemCount: 10, ratersPerItem: 14, excludedItems: 0, reason: null });
  });

  it("is exactly 1 when every item's raters agree", () => {
    const items = itemsFromCounts(CANONICAL_LABELS, [
      [3, 0, 0, 0, 0, 0, 0, 0, 0],
      [0, 0, 0, 0, 3, 0, 0, 0, 0],
      [0, 0, 0, 0, 0, 0, 0, 0, 3],
    ]);
    expect(fleissKappa(items, CANONICAL_LABELS)).toMatchObject({ kappa: 1, observed: 1, ratersPerItem: 3 });
  });

  it("is −1 for two raters who always disagree over two balanced categories", () => {
    // Each item: one happy, one sad. P_i = 0, P̄ = 0; p_happy = p_sad = 1/2, P̄e = 1/2; κ = −0.5/0.5.
    const items = itemsFromTable(["A", "B"], [["happy", "sad"], ["sad", "happy"]]);
    expect(fleissKappa(items, CANONICAL_LABELS).kappa).toBe(-1);
  });

  it("uses only items with the modal rating count and reports the others", () => {
    // Three items with 3 ratings (used), one with 2 and one with 1 (excluded).
    // Used counts (happy, sad): (3,0), (2,1), (0,3). S = 9 + 5 + 9 = 23, M = 9, totals 5 and 4, T = 41.
    // P̄ = (23 − 9)/(9·2) = 7/9; P̄e = 41/81; κ = (63/81 − 41/81)/(40/81) = 22/40 = 0.55.
    const items = itemsFromTable(
      ["A", "B", "C"],
      [
        ["happy", "happy", "happy"],
        ["happy", "sad", "happy"],
        ["sad", "sad", "sad"],
        ["happy", null, "sad"],
        [null, "angry", null],
      ],
    );
    const result = fleissKappa(items, CANONICAL_LABELS);
    expect(result).toMatchObject({ itemCount: 3, ratersPerItem: 3, excludedItems: 2, reason: null });
    expect(result.observed).toBeCloseTo(7 / 9, 15);
    expect(result.expected).toBeCloseTo(41 / 81, 15);
    expect(result.kappa).toBeCloseTo(0.55, 15);
  });

  it("breaks a tie between rating counts towards more raters", () => {
    // One item with 2 ratings, one with 3: m = 3; the 2-rating item is excluded.
    const items = itemsFromTable(["A", "B", "C"], [["happy", "sad", null], ["sad", "sad", "sad"]]);
    expect(fleissKappa(items, CANONICAL_LABELS)).toMatchObject({ ratersPerItem: 3, itemCount: 1, excludedItems: 1 });
  });

  it("does not need the same raters on each item, only the same count", () => {
    const sameRaters = itemsFromTable(["A", "B"], [["happy", "sad"], ["sad", "sad"], ["happy", "happy"]]);
    const otherRaters = itemsFromTable(["A", "B", "C", "D"], [["happy", "sad", null, null], [null, null, "sad", "sad"], ["happy", null, null, "happy"]]);
    expect(fleissKappa(otherRaters, CANONICAL_LABELS)).toEqual(fleissKappa(sameRaters, CANONICAL_LABELS));
  });

  it("is null with single-category when every used rating is the same", () => {
    const items = itemsFromTable(["A", "B"], [["neutral", "neutral"], ["neutral", "neutral"], ["sad", null]]);
    expect(fleissKappa(items, CANONICAL_LABELS)).toEqual({
      kappa: null,
      observed: 1,
      expected: 1,
      itemCount: 2,
      ratersPerItem: 2,
      excludedItems: 1,
      reason: "single-category",
    });
  });

  it("is null with no-data when no item has two ratings", () => {
    const items = itemsFromTable(["A", "B"], [["sad", null], [null, "happy"]]);
    expect(fleissKappa(items, CANONICAL_LABELS)).toEqual({
      kappa: null,
      observed: null,
      expected: null,
      itemCount: 0,
      ratersPerItem: null,
      excludedItems: 2,
      reason: "no-data",
    });
  });
});
