import { createSeededRandom } from "../../domain/statistics/seeded-random";
import { prepareVectors, type PreparedVectors } from "../knn-prepared";
import { ProjectionInputError } from "../projection-input-error";
import { createPacer } from "./cancellation-pacer";
import { createNearestCentroids } from "./nearest-centroids";

export interface KMeansOptions {
  /** n x dims, row-major. */
  readonly vectors: Float32Array;
  readonly dims: number;
  readonly k: number;
  /** cosine: spherical k-means (rows and centroids scaled to unit length; a zero row stays zero). */
  readonly metric: "euclidean" | "cosine";
  readonly seed: number;
  /** Default 100. */
  readonly maxIterations?: number;
  /** Stop when the centroids move (summed squared shift) by at most this times the data's mean per-dimension variance, as sklearn's `tol`. Default 1e-4. */
  readonly tolerance?: number;
  readonly signal?: AbortSignal;
}

export interface KMeansResult {
  /** Cluster of each point, 0..k-1 by size, largest first (ties: earlier seed). */
  readonly labels: Int32Array;
  /** k x dims, row-major, in label order (unit length under cosine). */
  readonly centroids: Float32Array;
  /** Sum over points of the squared euclidean distance to their centroid; under cosine, of half the squared distance between the unit-length point and its centroid (1 - cosine similarity for a non-zero point). */
  readonly inertia: number;
  /** Lloyd iterations run (each an assignment and an update). */
  readonly iterations: number;
}

/**
 * Lloyd's k-means with k-means++ seeding (Arthur & Vassilvitskii: the first
 * centre uniformly, each next one with probability proportional to the
 * squared distance to the nearest chosen centre) from the project's seeded
 * PRNG, so a seed gives the same result on every machine. An update that
 * leaves a cluster empty gives it the point farthest from its own centroid
 * (taken from a cluster of more than one point). Labels and inertia are for
 * the final centroids, so inertia never grows with maxIterations.
 * Assignments use the float32 kernel of the neighbour search; means,
 * shifts and inertia are float64.
 */
export async function kMeans(options: KMeansOptions): Promise<KMeansResult> {
  const { vectors, dims, k, metric, seed, signal } = options;
  const maxIterations = options.maxIterations ?? 100;
  const tolerance = options.tolerance ?? 1e-4;
  if (!Number.isInteger(dims) || dims <= 0 || vectors.length % dims !== 0) {
    throw new ProjectionInputError(`vectors hold ${vectors.length} values, which is not a whole number of ${dims}-dimensional embeddings`);
  }
  const n = vectors.length / dims;
  if (metric !== "euclidean" && metric !== "cosine") throw new ProjectionInputError(`k-means supports euclidean and cosine, not ${String(metric)}`);
  if (!Number.isInteger(k) || k < 1) throw new ProjectionInputError(`k-means needs a whole number of clusters of at least 1, not ${k}`);
  if (k > n) throw new ProjectionInputError(`cannot make ${k} clusters of ${n} points: choose k of at most ${n}`);
  if (!Number.isInteger(maxIterations) || maxIterations < 1) throw new ProjectionInputError(`maxIterations must be a whole number of at least 1, not ${maxIterations}`);
  if (!(tolerance >= 0)) throw new ProjectionInputError(`tolerance must be 0 or more, not ${tolerance}`);
  const pacer = createPacer(signal, "k-means");
  await pacer.tick();

  const prepared = prepareVectors(vectors, n, dims, metric);
  const width = prepared.paddedDims;
  const random = createSeededRandom(seed);
  let centroids = seedCentroids(prepared, k, random);
  const threshold = tolerance * meanVariance(prepared, dims);
  const nearest = createNearestCentroids(prepared, k);
  const labels = new Int32Array(n).fill(-1);
  const previous = new Int32Array(n);
  let iterations = 0;
  while (iterations < maxIterations) {
    await pacer.tick();
    previous.set(labels);
    nearest.setCentroids(centroids, k);
    nearest.assign(labels);
    const next = updateCentroids(prepared, labels, centroids, k);
    iterations += 1;
    let shift = 0;
    for (let i = 0; i < k * width; i += 1) shift += (next[i]! - centroids[i]!) ** 2;
    centroids = next;
    if (shift <= threshold || labels.every((label, i) => label === previous[i])) break;
  }
  nearest.setCentroids(centroids, k);
  nearest.assign(labels);
  return { ...renumberBySize(prepared, labels, centroids, k, dims), iterations };
}

/** k-means++ seeding on the prepared rows (unit rows under cosine, where squared distance is 2 (1 - cosine)). */
function seedCentroids(prepared: PreparedVectors, k: number, random: () => number): Float64Array {
  const { n, paddedDims: width, data } = prepared;
  const centroids = new Float64Array(k * width);
  const nearest = new Float64Array(n).fill(Infinity);
  let chosen = Math.min(n - 1, Math.floor(random() * n));
  for (let j = 0; j < k; j += 1) {
    for (let d = 0; d < width; d += 1) centroids[j * width + d] = data[chosen * width + d]!;
    let total = 0;
    for (let i = 0; i < n; i += 1) {
      let squared = 0;
      for (let d = 0; d < width; d += 1) squared += (data[i * width + d]! - data[chosen * width + d]!) ** 2;
      if (squared < nearest[i]!) nearest[i] = squared;
      total += nearest[i]!;
    }
    if (j + 1 === k) break;
    // Every point sits on a chosen centre (fewer distinct points than k): repeat one, the update step repairs it.
    if (total === 0) continue;
    let target = random() * total;
    chosen = -1;
    for (let i = 0; i < n && target >= 0; i += 1) {
      if (nearest[i]! === 0) continue;
      target -= nearest[i]!;
      // Rounding can leave target at or above 0 after the last row: that row is taken.
      chosen = i;
    }
  }
  return centroids;
}

/** Mean over the dimensions of the rows' variance (the padding adds none). */
function meanVariance(prepared: PreparedVectors, dims: number): number {
  const { n, paddedDims: width, data } = prepared;
  let total = 0;
  for (let d = 0; d < dims; d += 1) {
    let sum = 0;
    let squares = 0;
    for (let i = 0; i < n; i += 1) {
      sum += data[i * width + d]!;
      squares += data[i * width + d]! ** 2;
    }
    total += Math.max(0, squares / n - (sum / n) ** 2);
  }
  return total / dims;
}

/** Means of the assigned rows (unit length under cosine), repairing empty clusters; moves repaired points in `labels`. */
function updateCentroids(prepared: PreparedVectors, labels: Int32Array, old: Float64Array, k: number): Float64Array {
  const { n, paddedDims: width, data, metric } = prepared;
  const sums = new Float64Array(k * width);
  const counts = new Int32Array(k);
  for (let i = 0; i < n; i += 1) {
    const j = labels[i]!;
    counts[j] = counts[j]! + 1;
    for (let d = 0; d < width; d += 1) sums[j * width + d] = sums[j * width + d]! + data[i * width + d]!;
  }
  if (counts.includes(0)) {
    const far = Float64Array.from({ length: n }, (_, i) => squaredDistance(data, i, old, labels[i]!, width));
    for (let empty = 0; empty < k; empty += 1) {
      if (counts[empty] !== 0) continue;
      let pick = -1;
      for (let i = 0; i < n; i += 1) if (counts[labels[i]!]! > 1 && far[i]! >= 0 && (pick < 0 || far[i]! > far[pick]!)) pick = i;
      if (pick < 0) continue;
      const from = labels[pick]!;
      for (let d = 0; d < width; d += 1) {
        sums[from * width + d] = sums[from * width + d]! - data[pick * width + d]!;
        sums[empty * width + d] = data[pick * width + d]!;
      }
      counts[from] = counts[from]! - 1;
      counts[empty] = 1;
      labels[pick] = empty;
      far[pick] = -1;
    }
  }
  const next = new Float64Array(k * width);
  for (let j = 0; j < k; j += 1) {
    if (counts[j] === 0) {
      next.set(old.subarray(j * width, (j + 1) * width), j * width);
      continue;
    }
    let squared = 0;
    for (let d = 0; d < width; d += 1) {
      next[j * width + d] = sums[j * width + d]! / counts[j]!;
      squared += next[j * width + d]! ** 2;
    }
    // Spherical k-means: the mean direction; a mean of zero (opposite points) keeps the old centroid.
    if (metric === "cosine") {
      if (squared === 0) next.set(old.subarray(j * width, (j + 1) * width), j * width);
      else for (let d = 0; d < width; d += 1) next[j * width + d] = next[j * width + d]! / Math.sqrt(squared);
    }
  }
  return next;
}

function squaredDistance(data: Float32Array, i: number, centroids: Float64Array, j: number, width: number): number {
  let sum = 0;
  for (let d = 0; d < width; d += 1) sum += (data[i * width + d]! - centroids[j * width + d]!) ** 2;
  return sum;
}

function renumberBySize(
  prepared: PreparedVectors,
  labels: Int32Array,
  centroids: Float64Array,
  k: number,
  dims: number,
): Omit<KMeansResult, "iterations"> {
  const { n, paddedDims: width, data, metric } = prepared;
  const counts = new Int32Array(k);
  for (let i = 0; i < n; i += 1) counts[labels[i]!] = counts[labels[i]!]! + 1;
  const order = Array.from({ length: k }, (_, j) => j).sort((a, b) => counts[b]! - counts[a]! || a - b);
  const renamed = new Int32Array(k);
  order.forEach((j, label) => (renamed[j] = label));
  const out = new Float32Array(k * dims);
  order.forEach((j, label) => {
    for (let d = 0; d < dims; d += 1) out[label * dims + d] = centroids[j * width + d]!;
  });
  let inertia = 0;
  for (let i = 0; i < n; i += 1) {
    const squared = squaredDistance(data, i, centroids, labels[i]!, width);
    inertia += metric === "cosine" ? squared / 2 : squared;
    labels[i] = renamed[labels[i]!]!;
  }
  return { labels, centroids: out, inertia };
}
