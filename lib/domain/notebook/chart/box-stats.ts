/** Five-number summaries for box plots, computed the way numpy and pandas do by default so figures match a researcher's Python. */

export interface BoxStats {
  min: number;
  q1: number;
  median: number;
  q3: number;
  max: number;
  /** The smallest value at or above q1 − 1.5·IQR (Tukey). */
  whiskerLow: number;
  /** The largest value at or below q3 + 1.5·IQR (Tukey). */
  whiskerHigh: number;
  /** Values beyond the whiskers, ascending. */
  outliers: number[];
  n: number;
}

/**
 * The q-quantile (0 ≤ q ≤ 1) of ascending, non-empty `sorted`, by numpy's
 * default method "linear" (Hyndman & Fan type 7): with n values a₀ ≤ … ≤ aₙ₋₁,
 * h = (n − 1)·q, i = ⌊h⌋, t = h − i, the quantile is aᵢ + t·(aᵢ₊₁ − aᵢ)
 * (aᵢ when i = n − 1). Like numpy's `_lerp`, t ≥ 0.5 is computed from the
 * upper end as aᵢ₊₁ − (1 − t)·(aᵢ₊₁ − aᵢ), so results agree to the last bit.
 */
export function quantileSorted(sorted: readonly number[], q: number): number {
  const h = (sorted.length - 1) * q;
  const index = Math.floor(h);
  const below = sorted[index]!;
  if (index + 1 >= sorted.length) return below;
  const above = sorted[index + 1]!;
  const t = h - index;
  const span = above - below;
  return t >= 0.5 ? above - span * (1 - t) : below + span * t;
}

/** Tukey box statistics of non-empty `values` (any order). */
export function boxStats(values: readonly number[]): BoxStats {
  const sorted = [...values].sort((a, b) => a - b);
  const q1 = quantileSorted(sorted, 0.25);
  const median = quantileSorted(sorted, 0.5);
  const q3 = quantileSorted(sorted, 0.75);
  const reach = 1.5 * (q3 - q1);
  const lowFence = q1 - reach;
  const highFence = q3 + reach;
  const inside = sorted.filter((value) => value >= lowFence && value <= highFence);
  return {
    min: sorted[0]!,
    q1,
    median,
    q3,
    max: sorted[sorted.length - 1]!,
    // Quartiles lie within the data, so at least the values nearest them are inside the fences.
    whiskerLow: inside[0]!,
    whiskerHigh: inside[inside.length - 1]!,
    outliers: sorted.filter((value) => value < lowFence || value > highFence),
    n: sorted.length,
  };
}
