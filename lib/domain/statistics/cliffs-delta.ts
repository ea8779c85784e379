import { StatisticsInputError } from "./statistics-input-error";

export type CliffsDeltaMagnitude = "negligible" | "small" | "medium" | "large";

export interface CliffsDelta {
  /** P(X > Y) − P(X < Y) over all pairs, in [−1, 1]; positive when x tends to be larger. */
  delta: number;
  /** Conventional label of |delta| (Romano et al. 2006). */
  magnitude: CliffsDeltaMagnitude;
}

/**
 * Cliff's delta of x against y. Both samples are sorted once and walked
 * together, so it costs O((n + m) log(n + m)) instead of the n·m pairs of the
 * definition: each x is compared with all y at once through the count of y
 * below it and the count equal to it.
 */
export function cliffsDelta(x: ArrayLike<number>, y: ArrayLike<number>): CliffsDelta {
  if (x.length === 0 || y.length === 0) {
    throw new StatisticsInputError("STATISTICS_EMPTY_SAMPLE", `Cliff's delta needs values in both groups; got ${x.length} and ${y.length}`);
  }
  const xs = sortedCopy(x, "x");
  const ys = sortedCopy(y, "y");
  const m = ys.length;
  // Pointers into ys: below = #y < value, notAbove = #y ≤ value; both only move forward as x grows.
  let below = 0;
  let notAbove = 0;
  let greater = 0;
  let less = 0;
  for (let i = 0; i < xs.length; i++) {
    const value = xs[i]!;
    while (below < m && ys[below]! < value) below++;
    if (notAbove < below) notAbove = below;
    while (notAbove < m && ys[notAbove]! <= value) notAbove++;
    greater += below;
    less += m - notAbove;
  }
  const delta = (greater - less) / (xs.length * m);
  return { delta, magnitude: cliffsDeltaMagnitude(delta) };
}

/** negligible < 0.147 ≤ small < 0.33 ≤ medium < 0.474 ≤ large, on |delta| (Romano et al. 2006). */
export function cliffsDeltaMagnitude(delta: number): CliffsDeltaMagnitude {
  const size = Math.abs(delta);
  if (size < 0.147) return "negligible";
  if (size < 0.33) return "small";
  if (size < 0.474) return "medium";
  return "large";
}

function sortedCopy(values: ArrayLike<number>, name: string): Float64Array {
  const copy = Float64Array.from(values);
  for (let i = 0; i < copy.length; i++) {
    if (Number.isNaN(copy[i]!)) throw new StatisticsInputError("STATISTICS_NOT_FINITE", `Cliff's delta: ${name}[${i}] is NaN`);
  }
  return copy.sort();
}
