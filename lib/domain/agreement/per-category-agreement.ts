import type { AgreementItem, AgreementUndefinedReason, CodedItem } from "./agreement-item";
import { codeItems } from "./agreement-item";
import { alphaFromCounts, coincidenceMatrixOfCoded } from "./krippendorff-alpha";

/** Agreement on one category against all the others together. */
export interface CategoryAgreement {
  readonly category: string;
  /** Every rating that used the category, paired or not. */
  readonly ratings: number;
  /** n_c, ratings of the category on items with two or more ratings. */
  readonly pairableValues: number;
  /** Krippendorff's alpha for "this category" vs "any other"; null when undefined, see `reason`. */
  readonly alpha: number | null;
  readonly observedDisagreement: number | null;
  readonly expectedDisagreement: number | null;
  /** "single-category" here means nobody (or everybody) used this category on pairable items. */
  readonly reason: AgreementUndefinedReason | null;
}

/**
 * One-vs-rest Krippendorff's alpha for each category, in the order of
 * `categories`. Alpha rather than Fleiss' kappa because it uses every item with
 * two or more ratings, whatever the count, so the per-emotion figures rest on
 * the same ratings as the overall alpha. Collapsing the coincidence matrix to
 * two values gives o_{c,¬c} = Σ_{k≠c} o_ck and, with n_c of n pairable ratings,
 * α_c = 1 − (n − 1)·o_{c,¬c} / (n_c·(n − n_c)).
 */
export function perCategoryAgreement(items: readonly AgreementItem[], categories: readonly string[]): CategoryAgreement[] {
  return perCategoryAgreementOfCoded(codeItems(items, categories), categories);
}

/** perCategoryAgreement on items already checked by codeItems. */
export function perCategoryAgreementOfCoded(coded: readonly CodedItem[], categories: readonly string[]): CategoryAgreement[] {
  const matrix = coincidenceMatrixOfCoded(coded, categories);
  const ratings = new Array<number>(categories.length).fill(0);
  for (const item of coded) for (const code of item.codes) ratings[code]!++;
  const n = matrix.pairableValues;
  return categories.map((category, c) => {
    const nc = matrix.totals[c]!;
    const across = matrix.values[c]!.reduce((sum, value, k) => (k === c ? sum : sum + value), 0);
    // Both off-diagonal cells of the 2×2 matrix hold o_{c,¬c}, and both expected cells n_c(n − n_c).
    const { alpha, observedDisagreement, expectedDisagreement, reason } = alphaFromCounts(n, 2 * across, 2 * nc * (n - nc), matrix.itemCount);
    return { category, ratings: ratings[c]!, pairableValues: nc, alpha, observedDisagreement, expectedDisagreement, reason };
  });
}
