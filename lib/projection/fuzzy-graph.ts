import type { KnnGraph } from "./knn-graph";

/**
 * A sparse n x n matrix in compressed rows: row i's entries are
 * cols/weights[rowStart[i] .. rowStart[i + 1]), columns ascending.
 */
export interface SparseGraph {
  readonly n: number;
  readonly rowStart: Int32Array;
  readonly cols: Int32Array;
  readonly weights: Float64Array;
}

// umap-js's constants (umap.js), kept so the graph is the one umap-js builds.
const SMOOTH_K_TOLERANCE = 1e-5;
const MIN_K_DIST_SCALE = 1e-3;
const SMOOTH_K_ITERATIONS = 64;

/**
 * Per point, the distance to its nearest other point (rho; 0 with local
 * connectivity 0) and the scale (sigma) at which its neighbours 2..k's
 * memberships add up to log2(k): umap-js's smoothKNNDistance with bandwidth 1.
 * For a fit each row of `distances` starts with the point itself (local
 * connectivity 1); umap-js's transform uses local connectivity 0.
 */
export function smoothKnnDistances(
  distances: Float64Array,
  n: number,
  k: number,
  localConnectivity: 0 | 1 = 1,
): { sigmas: Float64Array; rhos: Float64Array } {
  const target = Math.log2(k);
  const sigmas = new Float64Array(n);
  const rhos = new Float64Array(n);
  let meanOfAll = 0;
  for (let i = 0; i < n * k; i += 1) meanOfAll += distances[i]!;
  meanOfAll /= n * k;
  for (let i = 0; i < n; i += 1) {
    const row = distances.subarray(i * k, (i + 1) * k);
    let rho = 0;
    let mean = 0;
    for (let j = 0; j < k; j += 1) {
      mean += row[j]!;
      if (localConnectivity === 1 && rho === 0 && row[j]! > 0) rho = row[j]!;
    }
    mean /= k;
    let lo = 0;
    let hi = Infinity;
    let mid = 1;
    for (let iteration = 0; iteration < SMOOTH_K_ITERATIONS; iteration += 1) {
      let psum = 0;
      for (let j = 1; j < k; j += 1) {
        const d = row[j]! - rho;
        psum += d > 0 ? Math.exp(-(d / mid)) : 1;
      }
      if (Math.abs(psum - target) < SMOOTH_K_TOLERANCE) break;
      if (psum > target) {
        hi = mid;
        mid = (lo + hi) / 2;
      } else {
        lo = mid;
        mid = hi === Infinity ? mid * 2 : (lo + hi) / 2;
      }
    }
    const floor = MIN_K_DIST_SCALE * (rho > 0 ? mean : meanOfAll);
    sigmas[i] = Math.max(mid, floor);
    rhos[i] = rho;
  }
  return { sigmas, rhos };
}

/**
 * UMAP's fuzzy simplicial set of a neighbour graph: membership
 * exp(-(d - rho) / sigma) of each directed edge, then the fuzzy union
 * P + Pᵀ - P∘Pᵀ (umap-js's default set-operation mix of 1).
 */
export function fuzzySimplicialSet(knn: KnnGraph): SparseGraph {
  const { n, k, indices, distances } = knn;
  const { sigmas, rhos } = smoothKnnDistances(distances, n, k);
  const rows = new Int32Array(n * k);
  const cols = new Int32Array(n * k);
  const weights = new Float64Array(n * k);
  let count = 0;
  for (let i = 0; i < n; i += 1) {
    for (let c = 0; c < k; c += 1) {
      const j = indices[i * k + c]!;
      if (j === i || j < 0) continue;
      const excess = distances[i * k + c]! - rhos[i]!;
      rows[count] = i;
      cols[count] = j;
      weights[count] = excess <= 0 ? 1 : Math.exp(-(excess / sigmas[i]!));
      count += 1;
    }
  }
  return fuzzyUnion(toSparseGraph(n, rows.subarray(0, count), cols.subarray(0, count), weights.subarray(0, count)));
}

/** P + Pᵀ - P∘Pᵀ, without zero entries. */
export function fuzzyUnion(graph: SparseGraph): SparseGraph {
  const { n, rowStart, cols, weights } = graph;
  const size = cols.length;
  const outRows = new Int32Array(2 * size);
  const outCols = new Int32Array(2 * size);
  const outWeights = new Float64Array(2 * size);
  let count = 0;
  for (let i = 0; i < n; i += 1) {
    for (let e = rowStart[i]!; e < rowStart[i + 1]!; e += 1) {
      const j = cols[e]!;
      const v = weights[e]!;
      const reverse = findEntry(graph, j, i);
      const vT = reverse < 0 ? 0 : weights[reverse]!;
      const w = v + vT - v * vT;
      if (w === 0) continue;
      outRows[count] = i;
      outCols[count] = j;
      outWeights[count] = w;
      count += 1;
      // Where (j, i) exists, its own turn writes it.
      if (reverse < 0) {
        outRows[count] = j;
        outCols[count] = i;
        outWeights[count] = w;
        count += 1;
      }
    }
  }
  return toSparseGraph(n, outRows.subarray(0, count), outCols.subarray(0, count), outWeights.subarray(0, count));
}

/** Index of entry (row, col), or -1. */
export function findEntry(graph: SparseGraph, row: number, col: number): number {
  let lo = graph.rowStart[row]!;
  let hi = graph.rowStart[row + 1]! - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const value = graph.cols[mid]!;
    if (value === col) return mid;
    if (value < col) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

/** Compressed rows from coordinate lists (no duplicate (row, col) pairs). */
export function toSparseGraph(n: number, rows: Int32Array, cols: Int32Array, weights: Float64Array): SparseGraph {
  const rowStart = new Int32Array(n + 1);
  for (let e = 0; e < rows.length; e += 1) rowStart[rows[e]! + 1] = rowStart[rows[e]! + 1]! + 1;
  for (let i = 0; i < n; i += 1) rowStart[i + 1] = rowStart[i + 1]! + rowStart[i]!;
  const next = rowStart.slice(0, n);
  const order = new Int32Array(rows.length);
  for (let e = 0; e < rows.length; e += 1) {
    const row = rows[e]!;
    order[next[row]!] = e;
    next[row] = next[row]! + 1;
  }
  const outCols = new Int32Array(rows.length);
  const outWeights = new Float64Array(rows.length);
  for (let i = 0; i < n; i += 1) {
    const start = rowStart[i]!;
    const end = rowStart[i + 1]!;
    const slice = Array.from(order.subarray(start, end)).sort((x, y) => cols[x]! - cols[y]!);
    for (let p = 0; p < slice.length; p += 1) {
      outCols[start + p] = cols[slice[p]!]!;
      outWeights[start + p] = weights[slice[p]!]!;
    }
  }
  return { n, rowStart, cols: outCols, weights: outWeights };
}
