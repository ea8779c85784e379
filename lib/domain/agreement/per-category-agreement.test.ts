import { describe, expect, it } from "vitest";
import { CANONICAL_LABELS } from "../emotion-labels";
import { krippendorffAlphaNominal } from "./krippendorff-alpha";
import { perCategoryAgreement } from "./per-category-agreement";
import { itemsFromTable, KRIPPENDORFF_2011_BINARY } from "./testing/agreement-fixtures";

describe("perCategoryAgreement", () => {
  // Pairs (h,h), (h,s), (s,s), (n,n) and one unpaired happy.
  // Coincidences: o_hh = 2, o_hs = o_sh = 1, o_ss = 2, o_nn = 2; n = 8, n_h = 3, n_s = 3, n_n = 2.
  const items = itemsFromTable(
    ["A", "B"],
    [
      ["happy", "happy"],
      ["happy", "sad"],
      ["sad", "sad"],
      ["neutral", "neutral"],
      ["happy", null],
    ],
  );
  const byCategory = new Map(perCategoryAgreement(items, CANONICAL_LABELS).map((entry) => [entry.category, entry]));

  it("gives one entry per category, in the category order", () => {
    expect([...byCategory.keys()]).toEqual([...CANONICAL_LABELS]);
  });

  it("computes one-vs-rest alpha from the collapsed coincidence matrix", () => {
    // happy vs rest: o_{h,¬h} = 1; α = 1 − 7·1/(3·5) = 8/15. sad likewise.
    const happy = byCategory.get("happy")!;
    expect(happy.alpha).toBeCloseTo(8 / 15, 15);
    expect(happy.observedDisagreement).toBeCloseTo(2 / 8, 15);
    expect(happy.expectedDisagreement).toBeCloseTo((2 * 3 * 5) / (8 * 7), 15);
    expect(byCategory.get("sad")!.alpha).toBeCloseTo(8 / 15, 15);
    // neutral is never confused: α = 1 exactly.
    expect(byCategory.get("neutral")!.alpha).toBe(1);
  });

  it("counts every rating of the category and, separately, its pairable ones", () => {
    expect(byCategory.get("happy")).toMatchObject({ ratings: 4, pairableValues: 3 });
    expect(byCategory.get("neutral")).toMatchObject({ ratings: 2, pairableValues: 2 });
  });

  it("is null with single-category for a category nobody used", () => {
    expect(byCategory.get("angry")).toEqual({
      category: "angry",
      ratings: 0,
      pairableValues: 0,
      alpha: null,
      observedDisagreement: 0,
      expectedDisagreement: 0,
      reason: "single-category",
    });
  });

  it("equals the overall alpha for each side of a two-category scheme", () => {
    const { raters, categories, rows } = KRIPPENDORFF_2011_BINARY;
    const binary = itemsFromTable(raters, rows);
    const overall = krippendorffAlphaNominal(binary, categories).alpha!;
    for (const entry of perCategoryAgreement(binary, categories)) expect(entry.alpha).toBeCloseTo(overall, 14);
  });

  it("is null with no-data for every category when nothing pairs", () => {
    const entries = perCategoryAgreement(itemsFromTable(["A", "B"], [["sad", null]]), CANONICAL_LABELS);
    expect(entries.every((entry) => entry.alpha === null && entry.reason === "no-data")).toBe(true);
    expect(entries.find((entry) => entry.category === "sad")?.ratings).toBe(1);
  });
});
