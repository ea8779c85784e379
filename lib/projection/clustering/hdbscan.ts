import { exactKnn } from "../exact-knn";
import type { KnnGraph } from "../knn-graph";
import { ProjectionInputError } from "../projection-input-error";
import type { ProjectionMetric } from "../projection-metric";
import { createPacer } from "./cancellation-pacer";
import { condenseTree } from "./condensed-tree";
import { coreDistances } from "./core-distances";
import { exactSpanningTree } from "./exact-spanning-tree";
import { excessOfMass, type FlatClustering } from "./excess-of-mass";
import { joinComponents } from "./join-components";
import { knnSpanningForest } from "./knn-spanning-forest";
import { createRowDistances } from "./row-distances";
import { singleLinkage } from "./single-linkage";
import type { SpanningTree } from "./spanning-tree";

/**
 * Largest input clustered with the exact spanning tree by default. Measured
 * on 768-D embeddings, 2 cores (clustering.bench.ts), exact against
 * approximate: 0.6 s against 0.5 s at 2,000 points, 3.0 s against 3.1 s at
 * 5,000, 23 s against 9 s at 10,000 (the exact tree is O(n^2) distances on
 * one thread; the approximate tree costs about one more kNN search at most).
 */
export const HDBSCAN_EXACT_LIMIT = 5_000;
/** Neighbours (the point itself included) of the kNN graph in approximate mode, unless minSamples asks for more. */
export const HDBSCAN_KNN_NEIGHBOURS = 15;

export type HdbscanStage = "neighbours" | "spanning-tree" | "clusters";

export interface HdbscanOptions {
  /** n x dims, row-major. */
  readonly vectors: Float32Array;
  readonly dims: number;
  readonly metric: ProjectionMetric;
  /** Smallest group of points that counts as a cluster (at least 2). */
  readonly minClusterSize: number;
  /** Neighbours, the point itself included, that define a point's core distance. Default: minClusterSize. */
  readonly minSamples?: number;
  /** The neighbour graph when the caller already has it (exactKnn on the same vectors and metric, k >= minSamples). */
  readonly knn?: KnnGraph;
  /** Force (true) or forbid (false) the exact spanning tree; default: exact up to HDBSCAN_EXACT_LIMIT points. */
  readonly exact?: boolean;
  /** Worker threads for the neighbour search and the cross-component search (see exactKnn). */
  readonly threads?: number;
  readonly signal?: AbortSignal;
  onProgress?(stage: HdbscanStage, done: number, total: number): void;
}

export interface HdbscanResult extends FlatClustering {
  /** Whether the spanning tree was the exact one (see hdbscan). */
  readonly exact: boolean;
}

/**
 * HDBSCAN* with the hdbscan library's conventions (McInnes, Healy & Astels;
 * `hdbscan.HDBSCAN(min_cluster_size, min_samples)` with the default
 * excess-of-mass selection): core distance = distance to the minSamples-th
 * neighbour counting the point itself; mutual reachability
 * d_mr(a, b) = max(core(a), core(b), d(a, b)); minimum spanning tree of d_mr;
 * single-linkage hierarchy; condensed tree with minClusterSize; stability;
 * excess of mass, the root never a cluster.
 *
 * Up to HDBSCAN_EXACT_LIMIT points the spanning tree is exact (Prim's over all
 * pairs, float64). Above it the tree is approximate: the minimum spanning
 * forest of d_mr restricted to the kNN graph (k = max(minSamples, 15), the
 * point included), whose components are then joined by the lightest d_mr
 * edge between each pair of components (searched among all cross pairs,
 * chosen on float32 distances, weighed in float64), as Borůvka's rounds would
 * join them. The approximation only drops, inside a kNN component, pairs that
 * are not kNN neighbours of each other: where the true tree needs such an
 * edge, the approximate tree takes a path of kNN edges whose heaviest edge is
 * heavier, so points and sub-clusters join later (at lower lambda) than with
 * the exact tree. Well-separated clusters come out the same
 * (clustering.bench.ts); where clusters overlap and the selection hinges on
 * a few bridging edges, the two trees can select different clusters.
 * Deterministic: ties go to the lower point index throughout, and neither
 * tree depends on the number of threads.
 */
export async function hdbscan(options: HdbscanOptions): Promise<HdbscanResult> {
  const { vectors, dims, metric, minClusterSize, signal } = options;
  const minSamples = options.minSamples ?? minClusterSize;
  if (!Number.isInteger(dims) || dims <= 0 || vectors.length % dims !== 0) {
    throw new ProjectionInputError(`vectors hold ${vectors.length} values, which is not a whole number of ${dims}-dimensional embeddings`);
  }
  const n = vectors.length / dims;
  if (!Number.isInteger(minClusterSize) || minClusterSize < 2) {
    throw new ProjectionInputError(`the smallest cluster size must be a whole number of at least 2, not ${minClusterSize}`);
  }
  if (!Number.isInteger(minSamples) || minSamples < 1) {
    throw new ProjectionInputError(`the neighbours for core distances must be a whole number of at least 1, not ${minSamples}`);
  }
  if (n < minClusterSize || n < minSamples) {
    return { labels: new Int32Array(n).fill(-1), probabilities: new Float32Array(n), clusters: [], exact: true };
  }
  if (options.knn && (options.knn.n !== n || options.knn.k < minSamples)) {
    throw new ProjectionInputError(
      `the neighbour graph is for ${options.knn.n} points with ${options.knn.k} neighbours; clustering ${n} points needs at least ${minSamples}`,
    );
  }
  const exact = options.exact ?? n <= HDBSCAN_EXACT_LIMIT;
  const pacer = createPacer(signal, "the clustering");
  const report = (stage: HdbscanStage) => (done: number, total: number) => options.onProgress?.(stage, done, total);

  const k = exact ? minSamples : Math.min(n, Math.max(minSamples, HDBSCAN_KNN_NEIGHBOURS));
  const knn = options.knn ?? (await exactKnn({ vectors, dims, k, metric, threads: options.threads, signal, onProgress: report("neighbours") }));
  await pacer.tick();

  let tree: SpanningTree;
  report("spanning-tree")(0, 1);
  if (exact) {
    const distances = createRowDistances(vectors, n, dims, metric);
    const core = coreDistances(knn, minSamples, distances.between);
    tree = await exactSpanningTree(distances, core, pacer, report("spanning-tree"));
  } else {
    const core = coreDistances(knn, minSamples);
    const forest = knnSpanningForest(knn, core);
    await pacer.tick();
    tree = await joinComponents({ vectors, dims, metric, core, forest, threads: options.threads, signal, pacer, onProgress: report("spanning-tree") });
  }
  await pacer.tick();
  options.onProgress?.("clusters", 0, 1);
  const clustering = excessOfMass(condenseTree(singleLinkage(tree), minClusterSize));
  options.onProgress?.("clusters", 1, 1);
  return { ...clustering, exact };
}
