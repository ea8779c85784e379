import { setImmediate } from "node:timers/promises";
import { findABParams } from "umap-js/dist/umap.js";
import { exactKnn } from "./exact-knn";
import { fuzzySimplicialSet } from "./fuzzy-graph";
import type { KnnGraph } from "./knn-graph";
import { intersectWithLabels } from "./label-intersection";
import { createLayoutOptimizer, defaultEpochCount } from "./layout-optimizer";
import { throwIfProjectionCancelled } from "./projection-cancelled-error";
import { ProjectionInputError } from "./projection-input-error";
import type { ProjectionMetric } from "./projection-metric";

// Epochs are a few milliseconds each at 10,000 points; yielding to the event
// loop after every one would be slow, never yielding would leave an abort
// (which arrives as an event) unnoticed until the end.
const YIELD_EVERY_MS = 20;

export interface RunUmapOptions {
  /** n x dims, row-major. */
  readonly vectors: Float32Array;
  readonly dims: number;
  readonly metric: ProjectionMetric;
  readonly nNeighbors: number;
  readonly minDist: number;
  readonly seed: number;
  /** One class per point for supervised UMAP; -1 marks a point without a label. */
  readonly labels?: ArrayLike<number>;
  /** Default: umap-js's choice (500 epochs up to 2,500 points, down to 200 above 7,500). */
  readonly nEpochs?: number;
  /** The neighbour graph when the caller already has it (k = nNeighbors, from exactKnn on the same vectors and metric). */
  readonly knn?: KnnGraph;
  /** Worker threads for the neighbour search (see exactKnn). */
  readonly threads?: number;
  /** Progress of the neighbour search (see exactKnn), which comes before the first epoch and at 50,000 points takes most of the time. */
  onNeighbourSearch?(done: number, total: number): void;
  onEpoch?(epoch: number, total: number): void;
  readonly signal?: AbortSignal;
}

/**
 * UMAP to two dimensions, umap-js's algorithm (fuzzy graph, random start,
 * epoch schedule, supervision) over our exact neighbour graph, with a PRNG
 * seeded from `seed`, so that the same inputs and seed give the same
 * coordinates bit for bit. Returns n x 2 coordinates, row-major.
 *
 * Only the neighbour search was meant to be ours, but with our neighbours
 * umap-js's own graph code and step() still took 16.5 s of 19.3 s for
 * 10,000 points (arrays of arrays, string-keyed sparse matrices, Math.pow;
 * projection.bench.ts); the same steps run here on typed arrays and in
 * layout-kernel.wat (4.5 s). umap-js still supplies the curve fit
 * (findABParams), and fuzzy-graph.test.ts checks our graph against its own.
 */
export async function runUmap(options: RunUmapOptions): Promise<Float32Array> {
  const { vectors, dims, metric, nNeighbors, minDist, seed, labels, signal } = options;
  const n = dims > 0 ? vectors.length / dims : 0;
  if (!Number.isInteger(n) || n === 0) {
    throw new ProjectionInputError(`vectors hold ${vectors.length} values, which is not a whole number of ${dims}-dimensional embeddings`);
  }
  if (!Number.isInteger(nNeighbors) || nNeighbors < 2 || nNeighbors >= n) {
    throw new ProjectionInputError(`UMAP with ${nNeighbors} neighbours needs more than ${nNeighbors} points and at least 2 neighbours; the selection has ${n} points`);
  }
  if (labels && labels.length !== n) {
    throw new ProjectionInputError(`${labels.length} labels were given for ${n} points`);
  }
  const graph = options.knn ?? (await exactKnn({ vectors, dims, k: nNeighbors, metric, threads: options.threads, signal, onProgress: options.onNeighbourSearch }));
  if (graph.n !== n || graph.k !== nNeighbors) {
    throw new ProjectionInputError(`the neighbour graph is for ${graph.n} points with ${graph.k} neighbours, not ${n} with ${nNeighbors}`);
  }
  throwIfProjectionCancelled(signal, "the projection");

  const fuzzy = fuzzySimplicialSet(graph);
  const { a, b } = findABParams(1, minDist);
  const optimizer = createLayoutOptimizer({
    graph: labels ? intersectWithLabels(fuzzy, labels) : fuzzy,
    nEpochs: options.nEpochs ?? defaultEpochCount(n),
    a,
    b,
    seed,
  });
  const total = optimizer.nEpochs;
  let lastYield = performance.now();
  for (let epoch = 1; epoch <= total; epoch += 1) {
    throwIfProjectionCancelled(signal, "the projection");
    optimizer.step();
    options.onEpoch?.(epoch, total);
    if (performance.now() - lastYield > YIELD_EVERY_MS) {
      await setImmediate();
      lastYield = performance.now();
    }
  }
  return Float32Array.from(optimizer.embedding);
}
