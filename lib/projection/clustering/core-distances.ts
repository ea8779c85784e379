import type { KnnGraph } from "../knn-graph";

/**
 * Core distance of each point: the distance to its `minSamples`-th nearest
 * neighbour counting the point itself as the first (the hdbscan library's
 * convention: `tree.query(X, k=min_samples)` includes the query point), so
 * minSamples = 1 gives 0 and minSamples = 2 the nearest other point.
 * `measure`, when given, recomputes that distance (so that core distances
 * and the tree's edges come from the same arithmetic); otherwise the graph's
 * own distance is used.
 */
export function coreDistances(knn: KnnGraph, minSamples: number, measure?: (i: number, j: number) => number): Float64Array {
  const { n, k, indices, distances } = knn;
  const core = new Float64Array(n);
  const column = minSamples - 1;
  for (let i = 0; i < n; i += 1) {
    if (column === 0) continue;
    const at = i * k + column;
    core[i] = measure ? measure(i, indices[at]!) : distances[at]!;
  }
  return core;
}
