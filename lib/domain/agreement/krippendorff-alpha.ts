import type { AgreementItem, AgreementUndefinedReason, CodedItem } from "./agreement-item";
import { codeItems } from "./agreement-item";

/** Krippendorff's coincidence matrix over the pairable items (those with two or more ratings). */
export interface CoincidenceMatrix {
  readonly categories: readonly string[];
  /**
   * values[c][k] = Σ_u (ordered pairs of ratings in item u valued c and k, by different raters) / (m_u − 1);
   * symmetric, and each row sums to totals[c].
   */
  readonly values: readonly (readonly number[])[];
  /** n_c, pairable ratings in each category. */
  readonly totals: readonly number[];
  /** n, all pairable ratings. */
  readonly pairableValues: number;
  /** Items with two or more ratings. */
  readonly itemCount: number;
}

export interface AlphaResult {
  /** 1 − D_o / D_e; null when undefined, see `reason`. */
  readonly alpha: number | null;
  /** D_o = Σ_{c≠k} o_ck / n; null when there is nothing to pair. */
  readonly observedDisagreement: number | null;
  /** D_e = Σ_{c≠k} n_c n_k / (n(n − 1)); null when there is nothing to pair. */
  readonly expectedDisagreement: number | null;
  /** n, the ratings that pair (ratings on items with two or more ratings). */
  readonly pairableValues: number;
  /** Items with two or more ratings. */
  readonly itemCount: number;
  /** null when alpha is a number. */
  readonly reason: AgreementUndefinedReason | null;
}

/**
 * The coincidence matrix of Krippendorff (2011, "Computing Krippendorff's
 * Alpha-Reliability"). Items with fewer than two ratings pair with nothing and
 * are left out; every other rating counts, whoever gave it.
 */
export function coincidenceMatrix(items: readonly AgreementItem[], categories: readonly string[]): CoincidenceMatrix {
  return coincidenceMatrixOfCoded(codeItems(items, categories), categories);
}

/** coincidenceMatrix on items already checked by codeItems. */
export function coincidenceMatrixOfCoded(coded: readonly CodedItem[], categories: readonly string[]): CoincidenceMatrix {
  const size = categories.length;
  const values = Array.from({ length: size }, () => new Array<number>(size).fill(0));
  const totals = new Array<number>(size).fill(0);
  const counts = new Array<number>(size);
  let pairableValues = 0;
  let itemCount = 0;
  for (const item of coded) {
    const m = item.codes.length;
    if (m < 2) continue;
    itemCount++;
    pairableValues += m;
    counts.fill(0);
    for (const code of item.codes) counts[code]!++;
    counts.forEach((nc, c) => {
      if (nc === 0) return;
      totals[c]! += nc;
      counts.forEach((nk, k) => {
        if (nk === 0) return;
        // Ordered pairs from different raters: n_c·n_k, or n_c(n_c − 1) on the diagonal.
        values[c]![k]! += (c === k ? nc * (nc - 1) : nc * nk) / (m - 1);
      });
    });
  }
  return { categories: [...categories], values, totals, pairableValues, itemCount };
}

/**
 * Krippendorff's alpha for nominal data, any number of raters, missing ratings
 * allowed: α = 1 − (n − 1)·Σ_{c≠k} o_ck / (n² − Σ_c n_c²). Null with "no-data"
 * when no item has two ratings, and with "single-category" when every pairable
 * rating is in one category (D_e = 0). Unlike Cohen's kappa, chance is taken
 * from the pooled category use of all raters and corrected for sampling
 * without replacement, which makes it comparable across rater sets.
 */
export function krippendorffAlphaNominal(items: readonly AgreementItem[], categories: readonly string[]): AlphaResult {
  return alphaOfCoincidences(coincidenceMatrix(items, categories));
}

/** Nominal alpha from a coincidence matrix. */
export function alphaOfCoincidences(matrix: CoincidenceMatrix): AlphaResult {
  let disagreement = 0;
  matrix.values.forEach((row, c) => row.forEach((value, k) => c !== k && (disagreement += value)));
  const squares = matrix.totals.reduce((sum, nc) => sum + nc * nc, 0);
  return alphaFromCounts(matrix.pairableValues, disagreement, matrix.pairableValues ** 2 - squares, matrix.itemCount);
}

/**
 * Alpha from n, the off-diagonal coincidence sum Σ_{c≠k} o_ck and the
 * off-diagonal expected sum Σ_{c≠k} n_c n_k. Shared with the one-vs-rest
 * coefficients, whose two categories are "this one" and "any other".
 */
export function alphaFromCounts(n: number, disagreement: number, expectedPairs: number, itemCount: number): AlphaResult {
  if (n === 0) {
    return { alpha: null, observedDisagreement: null, expectedDisagreement: null, pairableValues: 0, itemCount, reason: "no-data" };
  }
  const observedDisagreement = disagreement / n;
  const expectedDisagreement = expectedPairs / (n * (n - 1));
  const base = { observedDisagreement, expectedDisagreement, pairableValues: n, itemCount };
  if (expectedPairs === 0) return { alpha: null, ...base, reason: "single-category" };
  return { alpha: 1 - ((n - 1) * disagreement) / expectedPairs, ...base, reason: null };
}
