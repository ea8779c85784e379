import { normalSurvival } from "./normal";
import { rankWithTies } from "./rank";
import { StatisticsInputError } from "./statistics-input-error";

export type MannWhitneyMethod = "auto" | "asymptotic" | "exact";

export interface MannWhitneyOptions {
  /**
   * "asymptotic": normal approximation with tie correction; "exact": the exact
   * null distribution of U (no ties allowed); "auto" (default, as SciPy):
   * exact when one sample has at most 8 values and there are no ties.
   */
  method?: MannWhitneyMethod;
  /** Continuity correction of the normal approximation (default true, as SciPy). */
  continuity?: boolean;
}

export interface MannWhitneyResult {
  /** U of the first sample: pairs (x, y) with x > y, ties counting ½ (SciPy's `statistic`). */
  u1: number;
  /** U of the second sample; u1 + u2 = n1·n2. */
  u2: number;
  /** Standardised max(u1, u2) of the normal approximation, always given, also when p is exact; 0 when all values are tied. */
  z: number;
  /** Two-sided p-value. */
  p: number;
  /** The method that produced p. */
  method: "asymptotic" | "exact";
}

/** Largest min(n1, n2) for which "auto" uses the exact distribution (SciPy's rule). */
const AUTO_EXACT_MAX_SIZE = 8;
/** Cost cap for the exact distribution (≈ min(n1,n2)² · max(n1,n2) / 2 big-integer additions). */
const EXACT_MAX_WORK = 20_000_000;

/**
 * Two-sided Mann–Whitney U test of x against y. Matches
 * scipy.stats.mannwhitneyu(x, y, alternative="two-sided") for method
 * "asymptotic" (with use_continuity as `continuity`) and "exact", and SciPy's
 * choice between them for "auto".
 */
export function mannWhitneyU(x: ArrayLike<number>, y: ArrayLike<number>, options: MannWhitneyOptions = {}): MannWhitneyResult {
  const n1 = x.length;
  const n2 = y.length;
  if (n1 === 0 || n2 === 0) {
    throw new StatisticsInputError("STATISTICS_EMPTY_SAMPLE", `Mann–Whitney U needs values in both groups; got ${n1} and ${n2}`);
  }
  const pooled = new Float64Array(n1 + n2);
  for (let i = 0; i < n1; i++) pooled[i] = x[i]!;
  for (let j = 0; j < n2; j++) pooled[n1 + j] = y[j]!;
  const { ranks, tieSum } = rankWithTies(pooled, "Mann–Whitney values (x then y)");
  let rankSum1 = 0;
  for (let i = 0; i < n1; i++) rankSum1 += ranks[i]!;
  const u1 = rankSum1 - (n1 * (n1 + 1)) / 2;
  const u2 = n1 * n2 - u1;
  const u = Math.max(u1, u2);
  const z = asymptoticZ(u, n1, n2, tieSum, options.continuity ?? true);
  const method = chooseMethod(options.method ?? "auto", n1, n2, tieSum);
  const oneSided = method === "exact" ? exactSurvival(u, n1, n2) : normalSurvival(z);
  return { u1, u2, z, p: Math.min(1, 2 * oneSided), method };
}

function asymptoticZ(u: number, n1: number, n2: number, tieSum: number, continuity: boolean): number {
  const n = n1 + n2;
  const variance = ((n1 * n2) / 12) * (n + 1 - tieSum / (n * (n - 1)));
  // All values tied: U carries no information; SciPy's p is 1 there as well.
  if (!(variance > 0)) return 0;
  return (u - (n1 * n2) / 2 - (continuity ? 0.5 : 0)) / Math.sqrt(variance);
}

function chooseMethod(method: MannWhitneyMethod, n1: number, n2: number, tieSum: number): "asymptotic" | "exact" {
  if (method === "asymptotic") return "asymptotic";
  if (method === "auto") return Math.min(n1, n2) <= AUTO_EXACT_MAX_SIZE && tieSum === 0 ? "exact" : "asymptotic";
  if (tieSum !== 0) {
    throw new StatisticsInputError("STATISTICS_UNSUPPORTED", "the exact Mann–Whitney distribution assumes no ties, and these values have ties; use the asymptotic method");
  }
  const small = Math.min(n1, n2);
  if ((small * small * Math.max(n1, n2)) / 2 > EXACT_MAX_WORK) {
    throw new StatisticsInputError("STATISTICS_UNSUPPORTED", `the exact Mann–Whitney distribution for groups of ${n1} and ${n2} is too costly; use the asymptotic method, which is accurate at these sizes`);
  }
  return "exact";
}

/**
 * P(U ≥ u) under the null for sizes n1, n2 without ties. The number of
 * arrangements giving each U is the coefficient list of the Gaussian binomial
 * [n1 + n2 choose m]_q = Π_{i=1..m} (1 − q^(k+i)) / (1 − q^i), with
 * m = min, k = max; big integers keep the counts exact at any size.
 */
function exactSurvival(u: number, n1: number, n2: number): number {
  const m = Math.min(n1, n2);
  const k = Math.max(n1, n2);
  let counts: bigint[] = [1n];
  for (let i = 1; i <= m; i++) {
    const degree = i * k;
    const next = new Array<bigint>(degree + 1);
    const shift = k + i;
    for (let d = 0; d <= degree; d++) {
      // Multiply by (1 − q^shift), then divide by (1 − q^i) as a running sum with stride i.
      const product = (counts[d] ?? 0n) - (d >= shift ? (counts[d - shift] ?? 0n) : 0n);
      next[d] = product + (d >= i ? next[d - i]! : 0n);
    }
    counts = next;
  }
  // The distribution is symmetric, so P(U ≥ u) = P(U ≤ m·k − u): sum from the left, as SciPy does.
  const limit = m * k - Math.round(u);
  let tail = 0n;
  let total = 0n;
  for (let d = 0; d < counts.length; d++) {
    if (d <= limit) tail += counts[d]!;
    total += counts[d]!;
  }
  return bigRatio(tail, total);
}

function bigRatio(numerator: bigint, denominator: bigint): number {
  // Both are exact; scale them into double range together so their ratio keeps its precision.
  const excess = denominator.toString(2).length - 1000;
  if (excess <= 0) return Number(numerator) / Number(denominator);
  const shift = BigInt(excess);
  return Number(numerator >> shift) / Number(denominator >> shift);
}
