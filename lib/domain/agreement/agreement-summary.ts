import type { AgreementItem } from "./agreement-item";
import { codeItems, compareIds } from "./agreement-item";
import type { FleissKappaResult } from "./fleiss-kappa";
import { fleissKappaOfCoded } from "./fleiss-kappa";
import type { AlphaResult } from "./krippendorff-alpha";
import { alphaOfCoincidences, coincidenceMatrixOfCoded } from "./krippendorff-alpha";
import type { PairwiseKappa } from "./pairwise-cohens-kappa";
import { pairwiseCohensKappaOfCoded } from "./pairwise-cohens-kappa";
import type { CategoryAgreement } from "./per-category-agreement";
import { perCategoryAgreementOfCoded } from "./per-category-agreement";

/** Every agreement figure for one set of items (a corpus, a cohort), for the UI, notebooks and export datasheets. */
export interface AgreementSummary {
  readonly categories: readonly string[];
  /** Raters with at least one rating, in code-unit order. */
  readonly raters: readonly string[];
  readonly itemCount: number;
  readonly ratingCount: number;
  /** Items with two or more ratings: the ones any coefficient can use. */
  readonly itemsWithTwoOrMoreRatings: number;
  readonly pairwise: readonly PairwiseKappa[];
  readonly fleiss: FleissKappaResult;
  readonly alpha: AlphaResult;
  readonly perCategory: readonly CategoryAgreement[];
}

/** Validates the items once and computes every coefficient from the coded form. */
export function agreementSummary(items: readonly AgreementItem[], categories: readonly string[]): AgreementSummary {
  const coded = codeItems(items, categories);
  const raters = new Set<string>();
  let ratingCount = 0;
  let itemsWithTwoOrMoreRatings = 0;
  for (const item of coded) {
    for (const rater of item.raterIds) raters.add(rater);
    ratingCount += item.codes.length;
    if (item.codes.length >= 2) itemsWithTwoOrMoreRatings++;
  }
  return {
    categories: [...categories],
    raters: [...raters].sort(compareIds),
    itemCount: coded.length,
    ratingCount,
    itemsWithTwoOrMoreRatings,
    pairwise: pairwiseCohensKappaOfCoded(coded, categories),
    fleiss: fleissKappaOfCoded(coded, categories),
    alpha: alphaOfCoincidences(coincidenceMatrixOfCoded(coded, categories)),
    perCategory: perCategoryAgreementOfCoded(coded, categories),
  };
}
