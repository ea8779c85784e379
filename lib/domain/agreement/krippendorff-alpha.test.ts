import { describe, expect, it } from "vitest";
import { CANONICAL_LABELS } from "../emotion-labels";
import { cohensKappa } from "./cohens-kappa";
import { coincidenceMatrix, krippendorffAlphaNominal } from "./krippendorff-alpha";
import { itemsFromTable, KRIPPENDORFF_2011_BINARY, KRIPPENDORFF_2011_NOMINAL } from "./testing/agreement-fixtures";

describe("coincidenceMatrix", () => {
  it("reproduces the matrix of Krippendorff's nominal example", () => {
    const { raters, categories, rows } = KRIPPENDORFF_2011_NOMINAL;
    const matrix = coincidenceMatrix(itemsFromTable(raters, rows), categories);
    const third = 1 / 3;
    const expected = [
      [7, 4 * third, third, third, 0],
      [4 * third, 10, 4 * third, third, 0],
      [third, 4 * third, 8, third, 0],
      [third, third, third, 4, 0],
      [0, 0, 0, 0, 3],
    ];
    matrix.values.forEach((row, c) => row.forEach((value, k) => expect(value).toBeCloseTo(expected[c]![k]!, 14)));
    expect(matrix.totals).toEqual([9, 13, 10, 5, 3]);
    expect(matrix.pairableValues).toBe(40);
    expect(matrix.itemCount).toBe(11);
  });
});

describe("krippendorffAlphaNominal", () => {
  it("reproduces Krippendorff's nominal example with missing data (α = 0.743)", () => {
    // Diagonal 7+10+8+4+3 = 32 of n = 40, so Σ_{c≠k} o_ck = 8; Σ n_c² = 81+169+100+25+9 = 384.
    // α = 1 − 39·8/(1600 − 384) = 904/1216.
    const { raters, categories, rows } = KRIPPENDORFF_2011_NOMINAL;
    const result = krippendorffAlphaNominal(itemsFromTable(raters, rows), categories);
    expect(result.alpha).toBeCloseTo(0.743, 3);
    expect(result.alpha).toBeCloseTo(904 / 1216, 14);
    expect(result.observedDisagreement).toBeCloseTo(8 / 40, 14);
    expect(result.expectedDisagreement).toBeCloseTo(1216 / (40 * 39), 14);
    expect(result).toMatchObject({ pairableValues: 40, itemCount: 11, reason: null });
  });

  it("reproduces Krippendorff's binary example (α = 0.095)", () => {
    // o_01 = o_10 = 4, n_0 = 14, n_1 = 6, n = 20: α = 1 − 19·8/(400 − 196 − 36) = 1 − 152/168 = 2/21.
    const { raters, categories, rows } = KRIPPENDORFF_2011_BINARY;
    const alpha = krippendorffAlphaNominal(itemsFromTable(raters, rows), categories).alpha;
    expect(alpha).toBeCloseTo(0.095, 3);
    expect(alpha).toBeCloseTo(2 / 21, 14);
  });

  it("is exactly 1 for identical raters over all nine labels", () => {
    const items = itemsFromTable(["A", "B", "C"], CANONICAL_LABELS.map((label) => [label, label, label]));
    expect(krippendorffAlphaNominal(items, CANONICAL_LABELS)).toMatchObject({ alpha: 1, observedDisagreement: 0 });
  });

  it("is −1/2 for two raters who always disagree over two balanced categories", () => {
    // o_hs = o_sh = 2, n_h = n_s = 2, n = 4: α = 1 − 3·4/(16 − 8) = −0.5.
    const items = itemsFromTable(["A", "B"], [["happy", "sad"], ["sad", "happy"]]);
    expect(krippendorffAlphaNominal(items, CANONICAL_LABELS).alpha).toBe(-0.5);
  });

  it("handles varying rating counts and ignores items with one rating", () => {
    // Item 1 (a, a, b), m = 3: o_aa += 2·1/2 = 1, o_ab = o_ba += 2·1/2 = 1.
    // Item 2 (a, b), m = 2: o_ab = o_ba += 1. Item 3 has one rating and pairs with nothing.
    // Σ_{c≠k} o_ck = 4, n_a = 3, n_b = 2, n = 5: α = 1 − 4·4/(25 − 9 − 4) = −1/3.
    const items = itemsFromTable(
      ["A", "B", "C"],
      [
        ["angry", "angry", "sad"],
        [null, "angry", "sad"],
        ["sad", null, null],
      ],
    );
    const result = krippendorffAlphaNominal(items, CANONICAL_LABELS);
    expect(result.alpha).toBeCloseTo(-1 / 3, 15);
    expect(result.observedDisagreement).toBeCloseTo(4 / 5, 15);
    expect(result.expectedDisagreement).toBeCloseTo(12 / 20, 15);
    expect(result).toMatchObject({ pairableValues: 5, itemCount: 2 });
  });

  it("is null with single-category when all pairable ratings agree on one category", () => {
    const items = itemsFromTable(["A", "B"], [["neutral", "neutral"], ["neutral", "neutral"], ["sad", null]]);
    expect(krippendorffAlphaNominal(items, CANONICAL_LABELS)).toEqual({
      alpha: null,
      observedDisagreement: 0,
      expectedDisagreement: 0,
      pairableValues: 4,
      itemCount: 2,
      reason: "single-category",
    });
  });

  it("is null with no-data when no item has two ratings", () => {
    const items = itemsFromTable(["A", "B"], [["sad", null], [null, "happy"]]);
    expect(krippendorffAlphaNominal(items, CANONICAL_LABELS)).toMatchObject({ alpha: null, pairableValues: 0, itemCount: 0, reason: "no-data" });
  });
});

describe("alpha against Cohen's kappa for two raters without missing data", () => {
  // With N items, pooled marginals give Scott's π, and α = 1 − (2N − 1)/(2N)·(1 − π).
  // Kappa's chance term Σ a_k b_k/N² never exceeds π's Σ ((a_k + b_k)/2N)², so κ ≥ π,
  // with equality exactly when both raters use the categories equally often.
  const kappaAndAlpha = (rows: [string, string][]) => {
    const items = itemsFromTable(["A", "B"], rows);
    return [cohensKappa(items, "A", "B", CANONICAL_LABELS).kappa!, krippendorffAlphaNominal(items, CANONICAL_LABELS).alpha!];
  };

  it("differ by the small-sample correction alone when the raters' marginals match", () => {
    // A: h h s s, B: h s h s. κ = π = 0, N = 4: α = 1 − 7/8 = 0.125.
    const [kappa, alpha] = kappaAndAlpha([["happy", "happy"], ["happy", "sad"], ["sad", "happy"], ["sad", "sad"]]);
    expect(kappa).toBe(0);
    expect(alpha).toBeCloseTo(0.125, 15);
  });

  it("part when the raters' marginals differ: kappa's chance term absorbs the difference, pooled alpha counts it as disagreement", () => {
    // A: h h h s, B: h s s s. p_o = 1/2. κ: p_e = (3·1 + 1·3)/16 = 3/8, κ = (1/8)/(5/8) = 0.2.
    // Pooled: 4 happy, 4 sad of 8, π's p_e = 1/2, π = 0; α = 1 − 7/8·1 = 0.125.
    const [kappa, alpha] = kappaAndAlpha([["happy", "happy"], ["happy", "sad"], ["happy", "sad"], ["sad", "sad"]]);
    expect(kappa).toBeCloseTo(0.2, 15);
    expect(alpha).toBeCloseTo(0.125, 15);
  });

  it("follow α = 1 − (2N − 1)/(2N)·(1 − π) on Krippendorff's binary example", () => {
    // N = 10, p_o = 0.6, pooled 14/20 and 6/20: π = (0.6 − 0.58)/(1 − 0.58) = 1/21; κ = 1/11 > π.
    // α = 1 − 19/20·20/21 = 2/21.
    const { raters, categories, rows } = KRIPPENDORFF_2011_BINARY;
    const items = itemsFromTable(raters, rows);
    const pi = 1 / 21;
    expect(krippendorffAlphaNominal(items, categories).alpha).toBeCloseTo(1 - (19 / 20) * (1 - pi), 14);
    expect(cohensKappa(items, "A", "B", categories).kappa).toBeCloseTo(1 / 11, 14);
  });
});
