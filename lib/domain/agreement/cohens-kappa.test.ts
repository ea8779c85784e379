import { describe, expect, it } from "vitest";
import { CANONICAL_LABELS } from "../emotion-labels";
import { cohensKappa } from "./cohens-kappa";
import { itemsFromTable, KRIPPENDORFF_2011_BINARY } from "./testing/agreement-fixtures";

const YES_NO = ["yes", "no"];

/** Rows of [A, B] repeated `times` times. */
function repeated(...blocks: [string, string, number][]) {
  return itemsFromTable(
    ["A", "B"],
    blocks.flatMap(([a, b, times]) => Array.from({ length: times }, () => [a, b])),
  );
}

describe("cohensKappa", () => {
  it("is 1 for identical raters over all nine labels", () => {
    const items = itemsFromTable(["A", "B"], CANONICAL_LABELS.map((label) => [label, label]));
    expect(cohensKappa(items, "A", "B", CANONICAL_LABELS)).toEqual({ kappa: 1, observed: 1, expected: 1 / 9, n: 9, reason: null });
  });

  it("matches Wikipedia's worked example (50 grant proposals, kappa 0.4)", () => {
    // yes/yes 20, A yes B no 5, A no B yes 10, no/no 15.
    // p_o = 35/50 = 0.7; A says yes 25/50, B 30/50: p_e = 0.5·0.6 + 0.5·0.4 = 0.5; κ = 0.2/0.5 = 0.4.
    const items = repeated(["yes", "yes", 20], ["yes", "no", 5], ["no", "yes", 10], ["no", "no", 15]);
    const result = cohensKappa(items, "A", "B", YES_NO);
    expect(result.observed).toBeCloseTo(0.7, 15);
    expect(result.expected).toBeCloseTo(0.5, 15);
    expect(result.kappa).toBeCloseTo(0.4, 15);
    expect(result.n).toBe(50);
  });

  it("is −1 for systematic disagreement with balanced categories", () => {
    // p_o = 0; each rater 2 happy, 2 sad: p_e = (2·2 + 2·2)/16 = 0.5; κ = (0 − 0.5)/0.5 = −1.
    const items = repeated(["happy", "sad", 2], ["sad", "happy", 2]);
    expect(cohensKappa(items, "A", "B", CANONICAL_LABELS).kappa).toBe(-1);
  });

  it("is 0 when agreement equals chance", () => {
    // A: h h s s, B: h s h s. p_o = 2/4, p_e = (2·2 + 2·2)/16 = 1/2; κ = 0.
    const items = itemsFromTable(["A", "B"], [["happy", "happy"], ["happy", "sad"], ["sad", "happy"], ["sad", "sad"]]);
    expect(cohensKappa(items, "A", "B", CANONICAL_LABELS).kappa).toBe(0);
  });

  it("is 0, not undefined, when only one rater is constant", () => {
    // A always neutral; B neutral twice, sad once. p_o = 2/3, p_e = (3·2)/9 = 2/3; κ = 0.
    const items = itemsFromTable(["A", "B"], [["neutral", "neutral"], ["neutral", "neutral"], ["neutral", "sad"]]);
    expect(cohensKappa(items, "A", "B", CANONICAL_LABELS).kappa).toBe(0);
  });

  it("is 1/11 on Krippendorff's binary example", () => {
    // p_o = 6/10; A uses "1" 2 times, B 4 times: p_e = (8·6 + 2·4)/100 = 0.56; κ = 0.04/0.44 = 1/11.
    const { raters, categories, rows } = KRIPPENDORFF_2011_BINARY;
    expect(cohensKappa(itemsFromTable(raters, rows), "A", "B", categories).kappa).toBeCloseTo(1 / 11, 14);
  });

  it("is null with single-category when both raters use one and the same category throughout", () => {
    const items = repeated(["neutral", "neutral", 4]);
    expect(cohensKappa(items, "A", "B", CANONICAL_LABELS)).toEqual({ kappa: null, observed: 1, expected: 1, n: 4, reason: "single-category" });
  });

  it("is null with no-data when the raters share no item, and ignores items only one rated", () => {
    const items = itemsFromTable(["A", "B"], [["sad", null], [null, "sad"]]);
    expect(cohensKappa(items, "A", "B", CANONICAL_LABELS)).toEqual({ kappa: null, observed: null, expected: null, n: 0, reason: "no-data" });
    const withShared = [...items, ...itemsFromTable(["A", "B"], [["sad", "sad"], ["happy", "happy"]]).map((item) => ({ ...item, itemId: `shared-${item.itemId}` }))];
    expect(cohensKappa(withShared, "A", "B", CANONICAL_LABELS)).toMatchObject({ kappa: 1, n: 2 });
  });
});
