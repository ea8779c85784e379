import { describe, expect, it } from "vitest";
import { CANONICAL_LABELS } from "../emotion-labels";
import { cohensKappa } from "./cohens-kappa";
import { pairwiseCohensKappa } from "./pairwise-cohens-kappa";
import { itemsFromTable, KRIPPENDORFF_2011_NOMINAL } from "./testing/agreement-fixtures";

describe("pairwiseCohensKappa", () => {
  it("lists every pair that shares an item, sorted, and leaves out pairs that share none", () => {
    // "zed" shares items with "amy" only; "bob" and "zed" never meet.
    const items = itemsFromTable(
      ["zed", "amy", "bob"],
      [
        ["happy", "happy", null],
        ["sad", "happy", null],
        [null, "sad", "sad"],
        [null, "angry", "sad"],
        [null, "happy", "happy"],
      ],
    );
    const pairs = pairwiseCohensKappa(items, CANONICAL_LABELS);
    expect(pairs.map(({ raterA, raterB, n }) => [raterA, raterB, n])).toEqual([
      ["amy", "bob", 3],
      ["amy", "zed", 2],
    ]);
    // amy/bob: agree on 2 of 3. amy: sad, angry, happy; bob: sad, sad, happy.
    // p_e = (sad 1·2 + happy 1·1)/9 = 3/9; κ = (2/3 − 1/3)/(2/3) = 0.5.
    expect(pairs[0]!.kappa).toBeCloseTo(0.5, 15);
    // amy/zed: amy happy, happy; zed happy, sad. p_o = 1/2, p_e = (2·1)/4 = 1/2; κ = 0.
    expect(pairs[1]!.kappa).toBe(0);
  });

  it("agrees with cohensKappa for every pair of Krippendorff's four observers", () => {
    const { raters, categories, rows } = KRIPPENDORFF_2011_NOMINAL;
    const items = itemsFromTable(raters, rows);
    const pairs = pairwiseCohensKappa(items, categories);
    expect(pairs.map(({ raterA, raterB }) => raterA + raterB)).toEqual(["AB", "AC", "AD", "BC", "BD", "CD"]);
    for (const { raterA, raterB, ...result } of pairs) {
      expect(result).toEqual(cohensKappa(items, raterA, raterB, categories));
    }
  });

  it("is empty when no item has two ratings", () => {
    expect(pairwiseCohensKappa(itemsFromTable(["A", "B"], [["sad", null], [null, "happy"]]), CANONICAL_LABELS)).toEqual([]);
  });
});
