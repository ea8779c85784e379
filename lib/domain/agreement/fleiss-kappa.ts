import type { AgreementItem, AgreementUndefinedReason, CodedItem } from "./agreement-item";
import { codeItems } from "./agreement-item";

export interface FleissKappaResult {
  /** (P̄ − P̄e) / (1 − P̄e); null when undefined, see `reason`. */
  readonly kappa: number | null;
  /** P̄, mean over items of the share of rater pairs that agree; null when no item is used. */
  readonly observed: number | null;
  /** P̄e, Σ_j p_j² with p_j the share of all used ratings in category j; null when no item is used. */
  readonly expected: number | null;
  /** Items used: those with exactly `ratersPerItem` ratings. */
  readonly itemCount: number;
  /** m, the modal number of ratings among items with two or more; null when there is none. */
  readonly ratersPerItem: number | null;
  /** Items left out: fewer than two ratings, or a count other than m. */
  readonly excludedItems: number;
  /** null when kappa is a number. */
  readonly reason: AgreementUndefinedReason | null;
}

/**
 * Fleiss' kappa (Fleiss 1971). The formula needs the same number m of ratings
 * on every item (not the same raters), so it uses only items whose rating
 * count is the most common count among items with at least two ratings, and
 * reports how many it left out; ties between counts go to the larger m, which
 * keeps more ratings per item. For data with uneven counts prefer
 * krippendorffAlphaNominal, which uses every pairable rating.
 */
export function fleissKappa(items: readonly AgreementItem[], categories: readonly string[]): FleissKappaResult {
  return fleissKappaOfCoded(codeItems(items, categories), categories);
}

/** fleissKappa on items already checked by codeItems, so a summary validates once. */
export function fleissKappaOfCoded(coded: readonly CodedItem[], categories: readonly string[]): FleissKappaResult {
  const m = modalCount(coded.map((item) => item.codes.length));
  if (m === null) {
    return { kappa: null, observed: null, expected: null, itemCount: 0, ratersPerItem: null, excludedItems: coded.length, reason: "no-data" };
  }
  const totals = new Array<number>(categories.length).fill(0);
  const perItem = new Array<number>(categories.length);
  let itemCount = 0;
  let sumSquares = 0;
  for (const item of coded) {
    if (item.codes.length !== m) continue;
    itemCount++;
    perItem.fill(0);
    for (const code of item.codes) perItem[code]!++;
    perItem.forEach((count, j) => {
      sumSquares += count * count;
      totals[j]! += count;
    });
  }
  // In whole counts, with M = N·m ratings, S = Σ_ij n_ij² and T = Σ_j T_j²:
  // P̄ = (S − M) / (M(m − 1)), P̄e = T / M², and
  // kappa = ((S − M)·M − T·(m − 1)) / ((m − 1)·(M² − T)), exact up to 2⁵³ and exactly 1 at full agreement.
  const ratings = itemCount * m;
  const totalSquares = totals.reduce((sum, count) => sum + count * count, 0);
  const observed = (sumSquares - ratings) / (ratings * (m - 1));
  const expected = totalSquares / (ratings * ratings);
  const base = { observed, expected, itemCount, ratersPerItem: m, excludedItems: coded.length - itemCount };
  const denominator = (m - 1) * (ratings * ratings - totalSquares);
  if (denominator === 0) return { kappa: null, ...base, reason: "single-category" };
  return { kappa: ((sumSquares - ratings) * ratings - totalSquares * (m - 1)) / denominator, ...base, reason: null };
}

/** Most frequent count among counts ≥ 2, the larger on a tie; null when none is ≥ 2. */
function modalCount(counts: readonly number[]): number | null {
  const frequency = new Map<number, number>();
  for (const count of counts) if (count >= 2) frequency.set(count, (frequency.get(count) ?? 0) + 1);
  let best: number | null = null;
  let bestFrequency = 0;
  for (const [count, times] of frequency) {
    if (times > bestFrequency || (times === bestFrequency && count > best!)) {
      best = count;
      bestFrequency = times;
    }
  }
  return best;
}
