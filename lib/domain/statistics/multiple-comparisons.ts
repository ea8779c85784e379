import { StatisticsInputError } from "./statistics-input-error";

export type PValueAdjustment = "holm" | "benjamini-hochberg";

/**
 * Holm's step-down adjustment (family-wise error rate): with p sorted
 * ascending, p̃₍ᵢ₎ = min(1, maxⱼ≤ᵢ (m − j)·p₍ⱼ₎) for 0-based j. Returned in
 * input order; matches statsmodels multipletests(method="holm").
 */
export function holmAdjust(pValues: readonly number[]): number[] {
  const m = pValues.length;
  const order = ascendingOrder(pValues);
  const adjusted = new Array<number>(m);
  let running = 0;
  order.forEach((index, rank) => {
    running = Math.max(running, (m - rank) * pValues[index]!);
    adjusted[index] = Math.min(1, running);
  });
  return adjusted;
}

/**
 * Benjamini–Hochberg step-up adjustment (false discovery rate): with p sorted
 * ascending, p̃₍ᵢ₎ = min(1, minⱼ≥ᵢ m·p₍ⱼ₎ / j) for 1-based j. Returned in input
 * order; matches statsmodels multipletests(method="fdr_bh").
 */
export function benjaminiHochbergAdjust(pValues: readonly number[]): number[] {
  const m = pValues.length;
  const order = ascendingOrder(pValues);
  const adjusted = new Array<number>(m);
  let running = 1;
  for (let rank = m - 1; rank >= 0; rank--) {
    const index = order[rank]!;
    running = Math.min(running, (m * pValues[index]!) / (rank + 1));
    adjusted[index] = running;
  }
  return adjusted;
}

export function adjustPValues(pValues: readonly number[], method: PValueAdjustment): number[] {
  return method === "holm" ? holmAdjust(pValues) : benjaminiHochbergAdjust(pValues);
}

function ascendingOrder(pValues: readonly number[]): number[] {
  pValues.forEach((p, i) => {
    if (!(p >= 0 && p <= 1)) throw new StatisticsInputError("STATISTICS_INVALID_PROBABILITY", `p-value ${i} is ${p}; every p-value must lie in [0, 1]`);
  });
  // Ties sort in input order; the adjusted values of tied p come out equal whichever order they take.
  return pValues.map((_, i) => i).sort((a, b) => pValues[a]! - pValues[b]! || a - b);
}
