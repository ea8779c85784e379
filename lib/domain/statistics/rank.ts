import { StatisticsInputError } from "./statistics-input-error";

export interface Ranking {
  /** Rank of each value, 1-based, in input order; tied values share the mean of the ranks they span. */
  ranks: Float64Array;
  /** Σ (t³ − t) over the groups of t tied values; 0 without ties. */
  tieSum: number;
}

/**
 * Average ranks with ties, as scipy.stats.rankdata(method="average"), plus the
 * tie term the rank tests need. NaN has no rank, so it is refused rather than
 * sorted to one end.
 */
export function rankWithTies(values: ArrayLike<number>, name = "values"): Ranking {
  const n = values.length;
  const order = sortedOrder(values, name);
  const ranks = new Float64Array(n);
  let tieSum = 0;
  let start = 0;
  while (start < n) {
    let end = start + 1;
    const value = values[order[start]!]!;
    while (end < n && values[order[end]!] === value) end++;
    // Positions start..end-1 hold ranks start+1..end; their mean is (start+1+end)/2.
    const rank = (start + 1 + end) / 2;
    for (let k = start; k < end; k++) ranks[order[k]!] = rank;
    const t = end - start;
    tieSum += t * t * t - t;
    start = end;
  }
  return { ranks, tieSum };
}

/** Average ranks only; see rankWithTies. */
export function averageRanks(values: ArrayLike<number>): Float64Array {
  return rankWithTies(values).ranks;
}

/**
 * The factor 1 − Σ(t³ − t)/(n³ − n) by which ties shrink a rank statistic's
 * variance (scipy.stats.tiecorrect); 1 without ties and for fewer than two values.
 */
export function tieCorrectionFactor(tieSum: number, n: number): number {
  return n < 2 ? 1 : 1 - tieSum / (n * n * n - n);
}

function sortedOrder(values: ArrayLike<number>, name: string): Uint32Array {
  const n = values.length;
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    const value = values[i]!;
    if (Number.isNaN(value)) throw new StatisticsInputError("STATISTICS_NOT_FINITE", `${name}[${i}] is NaN; remove or impute it before ranking`);
    order[i] = i;
  }
  // Typed-array sort with a comparator is stable in every engine we run, so ties keep input order.
  order.sort((a, b) => values[a]! - values[b]! || a - b);
  return order;
}
