import type { AgreementSummary } from "../agreement/agreement-summary";

/**
 * Agreement between the annotators of the exported items, as the datasheet
 * states it. Annotators are numbered (A1, A2, …, in the summary's order),
 * not named: a datasheet travels with the data.
 */
export interface DatasheetAgreement {
  readonly annotators: number;
  /** Items labelled by two or more annotators. */
  readonly items: number;
  readonly alpha: number | null;
  readonly fleiss: number | null;
  /** Items Fleiss' kappa left out (another number of ratings than the most common). */
  readonly fleissExcluded: number;
  readonly pairs: readonly { readonly a: string; readonly b: string; readonly n: number; readonly kappa: number | null; readonly observed: number | null }[];
}

/** Null when no item has two annotations: there is nothing to compare. */
export function datasheetAgreement(summary: AgreementSummary): DatasheetAgreement | null {
  if (summary.itemsWithTwoOrMoreRatings === 0) return null;
  const number = new Map(summary.raters.map((rater, index) => [rater, `A${index + 1}`]));
  return {
    annotators: summary.raters.length,
    items: summary.itemsWithTwoOrMoreRatings,
    alpha: summary.alpha.alpha,
    fleiss: summary.fleiss.kappa,
    fleissExcluded: summary.fleiss.excludedItems,
    pairs: summary.pairwise.map((pair) => ({ a: number.get(pair.raterA)!, b: number.get(pair.raterB)!, n: pair.n, kappa: pair.kappa, observed: pair.observed })),
  };
}
