import type { AgreementItem } from "../agreement-item";

/**
 * Items from a table with one row per item and one column per rater; null
 * marks a missing rating. Item ids are "item-1", "item-2", ….
 */
export function itemsFromTable(raters: readonly string[], rows: readonly (readonly (string | null)[])[]): AgreementItem[] {
  return rows.map((row, i) => {
    const ratings = new Map<string, string>();
    row.forEach((category, r) => category !== null && ratings.set(raters[r]!, category));
    return { itemId: `item-${i + 1}`, ratings };
  });
}

/**
 * Items from a Fleiss-style table: row i gives how many raters put item i in
 * each category. Raters are numbered r01, r02, … within each item, which is all
 * Fleiss' kappa needs (it does not follow raters across items).
 */
export function itemsFromCounts(categories: readonly string[], rows: readonly (readonly number[])[]): AgreementItem[] {
  return rows.map((row, i) => {
    const ratings = new Map<string, string>();
    row.forEach((count, j) => {
      for (let k = 0; k < count; k++) ratings.set(`r${String(ratings.size + 1).padStart(2, "0")}`, categories[j]!);
    });
    return { itemId: `item-${i + 1}`, ratings };
  });
}

const _ = null;

/**
 * Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", the
 * nominal example: observers A–D, 12 units, values 1–5, missing data.
 * Published α_nominal = 0.743; n = 40 pairable values, unit 12 pairs with nothing.
 * Rows are units (the paper prints observers as rows).
 */
export const KRIPPENDORFF_2011_NOMINAL = {
  raters: ["A", "B", "C", "D"],
  categories: ["1", "2", "3", "4", "5"],
  rows: [
    ["1", "1", _, "1"],
    ["2", "2", "3", "2"],
    ["3", "3", "3", "3"],
    ["3", "3", "3", "3"],
    ["2", "2", "2", "2"],
    ["1", "2", "3", "4"],
    ["4", "4", "4", "4"],
    ["1", "1", "2", "1"],
    ["2", "2", "2", "2"],
    [_, "5", "5", "5"],
    [_, _, "1", "1"],
    [_, "3", _, _],
  ],
} as const;

/**
 * Krippendorff (2011), the binary example: two observers, ten units, no
 * missing data. Published α = 0.095.
 */
export const KRIPPENDORFF_2011_BINARY = {
  raters: ["A", "B"],
  categories: ["0", "1"],
  rows: [
    ["0", "1"],
    ["1", "1"],
    ["0", "1"],
    ["0", "0"],
    ["0", "0"],
    ["0", "1"],
    ["0", "0"],
    ["0", "0"],
    ["1", "0"],
    ["0", "0"],
  ],
} as const;

/**
 * The worked example of Wikipedia's "Fleiss' kappa" article: 10 items, 14
 * raters each, 5 categories. Published P̄ = 0.378, P̄e = 0.213, κ = 0.210.
 */
export const WIKIPEDIA_FLEISS = {
  categories: ["1", "2", "3", "4", "5"],
  rows: [
    [0, 0, 0, 0, 14],
    [0, 2, 6, 4, 2],
    [0, 0, 3, 5, 6],
    [0, 3, 9, 2, 0],
    [2, 2, 8, 1, 1],
    [7, 7, 0, 0, 0],
    [3, 2, 6, 3, 0],
    [2, 5, 3, 2, 2],
    [6, 5, 2, 1, 0],
    [0, 2, 2, 3, 7],
  ],
} as const;
