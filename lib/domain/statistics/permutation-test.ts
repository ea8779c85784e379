import { ArrayShapeError } from "../array-shape-error";
import { StatisticsInputError } from "./statistics-input-error";
import { cosineFromSums, type DistanceMetric } from "./vector-distance";

export interface TwoGroupEmbeddings {
  /** One row of `dims` values per point (recording, segment or patient mean), row-major. */
  points: Float32Array | Float64Array;
  dims: number;
  /** Group of each row, 0 or 1; one entry per row. */
  group: ArrayLike<number>;
}

export interface PermutationTestOptions {
  metric: DistanceMetric;
  /** Number of random relabellings, e.g. 1,000 (p cannot go below 1/(permutations + 1)). */
  permutations: number;
  /** Uniform numbers in [0, 1), seeded by the caller (createSeededRandom) so the p-value is reproducible. */
  random: () => number;
}

export interface PermutationTestResult {
  /** Distance between the two groups' centroids. */
  observed: number;
  /** (1 + #relabellings at least as far apart) / (1 + permutations). */
  p: number;
  atLeastObserved: number;
  permutations: number;
  /** Rows in group 0 and group 1. */
  sizes: [number, number];
  /** The distance under each relabelling, in the order drawn (for a histogram of the null). */
  nullDistances: Float64Array;
}

/**
 * A relabelling whose centroids are the observed ones up to rounding (the
 * same split, summed in another order) must count as "at least as far".
 */
const RELATIVE_TIE = 1e-10;
const ABSOLUTE_TIE = 1e-15;

/** Distance between the mean of group 0's rows and the mean of group 1's rows. */
export function centroidDistance(groups: TwoGroupEmbeddings, metric: DistanceMetric): number {
  const layout = prepare(groups);
  return layout.distance(layout.observedSum, metric);
}

/**
 * Permutation test of the centroid distance: relabel the rows at random,
 * keeping the group sizes, and count how often the centroids lie at least as
 * far apart as observed. Each relabelling only sums the rows drawn into the
 * smaller group (a partial Fisher–Yates shuffle picks them); the other
 * group's sum is the fixed total minus that, so a test costs
 * permutations × min(n0, n1) × dims additions.
 */
export function centroidPermutationTest(groups: TwoGroupEmbeddings, options: PermutationTestOptions): PermutationTestResult {
  const { permutations, metric, random } = options;
  if (!Number.isInteger(permutations) || permutations < 1) {
    throw new StatisticsInputError("STATISTICS_INVALID_ARGUMENT", `permutations must be a positive integer, got ${permutations}`);
  }
  const layout = prepare(groups);
  const { points, dims, rows, smallSize } = layout;
  const observed = layout.distance(layout.observedSum, metric);
  const threshold = observed - RELATIVE_TIE * observed - ABSOLUTE_TIE;

  const order = new Uint32Array(rows);
  for (let i = 0; i < rows; i++) order[i] = i;
  const offsets = new Uint32Array(smallSize);
  const sum = new Float64Array(dims);
  const nullDistances = new Float64Array(permutations);
  let atLeastObserved = 0;
  for (let permutation = 0; permutation < permutations; permutation++) {
    for (let i = 0; i < smallSize; i++) {
      const draw = random();
      if (!(draw >= 0 && draw < 1)) throw new StatisticsInputError("STATISTICS_INVALID_ARGUMENT", `random() returned ${draw}; it must return numbers in [0, 1)`);
      const j = i + Math.floor(draw * (rows - i));
      const row = order[j]!;
      order[j] = order[i]!;
      order[i] = row;
      offsets[i] = row * dims;
    }
    sumRows(points, offsets, dims, sum);
    const distance = layout.distance(sum, metric);
    nullDistances[permutation] = distance;
    if (distance >= threshold) atLeastObserved++;
  }
  return {
    observed,
    p: (1 + atLeastObserved) / (1 + permutations),
    atLeastObserved,
    permutations,
    sizes: [rows - layout.sizeOfGroup1, layout.sizeOfGroup1],
    nullDistances,
  };
}

/**
 * sum = Σ of the rows starting at `offsets`. Eight rows are added per pass
 * over the dimensions, so `sum` is loaded and stored once per eight rows:
 * measured 3× faster than one row per pass in V8 (1.25 vs 0.4 additions/ns).
 */
function sumRows(points: Float32Array | Float64Array, offsets: Uint32Array, dims: number, sum: Float64Array): void {
  sum.fill(0);
  const count = offsets.length;
  let i = 0;
  for (; i + 8 <= count; i += 8) {
    const a = offsets[i]!, b = offsets[i + 1]!, c = offsets[i + 2]!, e = offsets[i + 3]!;
    const f = offsets[i + 4]!, g = offsets[i + 5]!, h = offsets[i + 6]!, k = offsets[i + 7]!;
    for (let d = 0; d < dims; d++) {
      sum[d]! +=
        points[a + d]! + points[b + d]! + (points[c + d]! + points[e + d]!) + (points[f + d]! + points[g + d]! + (points[h + d]! + points[k + d]!));
    }
  }
  for (; i < count; i++) {
    const a = offsets[i]!;
    for (let d = 0; d < dims; d++) sum[d]! += points[a + d]!;
  }
}

interface Layout {
  points: Float32Array | Float64Array;
  dims: number;
  rows: number;
  sizeOfGroup1: number;
  /** Size of the smaller group, whose rows are summed. */
  smallSize: number;
  observedSum: Float64Array;
  /** Centroid distance given the sum of the smaller group's rows. */
  distance: (smallSum: Float64Array, metric: DistanceMetric) => number;
}

function prepare({ points, dims, group }: TwoGroupEmbeddings): Layout {
  if (!Number.isInteger(dims) || dims < 1) throw new StatisticsInputError("STATISTICS_INVALID_ARGUMENT", `dims must be a positive integer, got ${dims}`);
  const rows = group.length;
  if (points.length !== rows * dims) {
    throw new ArrayShapeError(`centroid distance: ${points.length} values are not ${rows} rows (one per group entry) × ${dims} dims`);
  }
  for (let i = 0; i < points.length; i++) {
    if (!Number.isFinite(points[i]!)) {
      throw new StatisticsInputError("STATISTICS_NOT_FINITE", `centroid distance: row ${Math.floor(i / dims)}, dimension ${i % dims} is ${points[i]}`);
    }
  }
  let sizeOfGroup1 = 0;
  for (let i = 0; i < rows; i++) {
    const label = group[i];
    if (label !== 0 && label !== 1) throw new StatisticsInputError("STATISTICS_INVALID_ARGUMENT", `group[${i}] is ${label}; each row must be in group 0 or 1`);
    sizeOfGroup1 += label;
  }
  const sizes = [rows - sizeOfGroup1, sizeOfGroup1] as const;
  if (sizes[0] === 0 || sizes[1] === 0) {
    throw new StatisticsInputError("STATISTICS_EMPTY_SAMPLE", `centroid distance needs rows in both groups; got ${sizes[0]} and ${sizes[1]}`);
  }
  const smallLabel = sizes[1] <= sizes[0] ? 1 : 0;
  const smallSize = sizes[smallLabel];
  const largeSize = rows - smallSize;

  const total = new Float64Array(dims);
  const observedSum = new Float64Array(dims);
  for (let i = 0; i < rows; i++) {
    const base = i * dims;
    const target = group[i] === smallLabel ? observedSum : null;
    for (let d = 0; d < dims; d++) {
      const value = points[base + d]!;
      total[d]! += value;
      if (target) target[d]! += value;
    }
  }

  const distance = (smallSum: Float64Array, metric: DistanceMetric): number => {
    if (metric === "euclidean") {
      let squared = 0;
      for (let d = 0; d < dims; d++) {
        const difference = smallSum[d]! / smallSize - (total[d]! - smallSum[d]!) / largeSize;
        squared += difference * difference;
      }
      return Math.sqrt(squared);
    }
    // Cosine ignores scale, so the sums stand in for the means.
    let dot = 0;
    let normSmall = 0;
    let normLarge = 0;
    for (let d = 0; d < dims; d++) {
      const small = smallSum[d]!;
      const large = total[d]! - small;
      dot += small * large;
      normSmall += small * small;
      normLarge += large * large;
    }
    return cosineFromSums(dot, normSmall, normLarge);
  };
  return { points, dims, rows, sizeOfGroup1, smallSize, observedSum, distance };
}
