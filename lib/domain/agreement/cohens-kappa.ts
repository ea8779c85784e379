import type { AgreementItem, AgreementUndefinedReason } from "./agreement-item";
import { confusionMatrix } from "./confusion-matrix";

export interface KappaResult {
  /** (p_o − p_e) / (1 − p_e); null when undefined, see `reason`. */
  readonly kappa: number | null;
  /** p_o, share of shared items with the same category; null when n = 0. */
  readonly observed: number | null;
  /** p_e, agreement expected from each rater's own category frequencies; null when n = 0. */
  readonly expected: number | null;
  /** Items both raters rated. */
  readonly n: number;
  /** null when kappa is a number. */
  readonly reason: AgreementUndefinedReason | null;
}

/**
 * Cohen's kappa of two raters over the items both rated. Null with "no-data"
 * when they share no item, and with "single-category" when p_e = 1, which
 * happens only when both gave every shared item one and the same category
 * (then p_o = 1 too and kappa is 0/0).
 */
export function cohensKappa(
  items: readonly AgreementItem[],
  raterA: string,
  raterB: string,
  categories: readonly string[],
): KappaResult {
  const matrix = confusionMatrix(items, raterA, raterB, categories);
  const agreements = matrix.counts.reduce((sum, row, i) => sum + row[i]!, 0);
  return kappaFromTallies(matrix.n, agreements, matrix.rowTotals, matrix.columnTotals);
}

/**
 * Kappa from n shared items, how many of them agree, and each rater's category
 * totals. Worked in whole counts, (n·agreements − Σ a_k b_k) / (n² − Σ a_k b_k),
 * so it is exact up to 2⁵³ and exactly 1 when the raters always agree.
 */
export function kappaFromTallies(
  n: number,
  agreements: number,
  totalsA: readonly number[],
  totalsB: readonly number[],
): KappaResult {
  if (n === 0) return { kappa: null, observed: null, expected: null, n, reason: "no-data" };
  let chance = 0;
  totalsA.forEach((count, k) => (chance += count * totalsB[k]!));
  const observed = agreements / n;
  const expected = chance / (n * n);
  const denominator = n * n - chance;
  if (denominator === 0) return { kappa: null, observed, expected, n, reason: "single-category" };
  return { kappa: (n * agreements - chance) / denominator, observed, expected, n, reason: null };
}
