/**
 * k nearest neighbours of each of `n` points, nearest first, row-major
 * (`n` x `k`). Each row starts with the point itself at distance 0, as
 * umap-js expects of a precomputed graph. Distances are cosine distance
 * (1 - cosine similarity) or euclidean distance, computed in float64.
 */
export interface KnnGraph {
  readonly n: number;
  readonly k: number;
  readonly indices: Int32Array;
  readonly distances: Float64Array;
}
