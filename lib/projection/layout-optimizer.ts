import type { SparseGraph } from "./fuzzy-graph";
import { createLayoutKernel } from "./layout-kernel";

// umap-js's defaults (learning rate, negative samples per positive one).
export const LEARNING_RATE = 1;
export const NEGATIVE_SAMPLE_RATE = 5;

export interface LayoutOptimizerOptions {
  readonly graph: SparseGraph;
  readonly nEpochs: number;
  /** Curve parameters for the minimum distance (umap-js's findABParams). */
  readonly a: number;
  readonly b: number;
  /** Seeds the optimizer's own PRNG (mulberry32, in the kernel). */
  readonly seed: number;
}

export interface LayoutOptimizer {
  readonly nEpochs: number;
  /** Runs the next epoch; returns how many have run. */
  step(): number;
  /** n x 2, row-major; updated in place by step(). */
  readonly embedding: Float64Array;
}

/** umap-js's epoch count for n points when none is given. */
export function defaultEpochCount(n: number): number {
  if (n <= 2500) return 500;
  if (n <= 5000) return 400;
  if (n <= 7500) return 300;
  return 200;
}

/**
 * Stochastic gradient descent of UMAP's cross-entropy in 2-D from a random
 * start in [-10, 10)², as umap-js's optimizeLayoutStep does it: edges lighter
 * than 1/nEpochs of the heaviest are dropped, each edge is sampled in
 * proportion to its weight with NEGATIVE_SAMPLE_RATE random repulsions per
 * sample, the learning rate falls linearly to 0. The epochs run in
 * layout-kernel.wat (about 100 ns per sampled pair in JavaScript, see there).
 */
export function createLayoutOptimizer(options: LayoutOptimizerOptions): LayoutOptimizer {
  const { graph, nEpochs, a, b, seed } = options;
  const { n } = graph;
  let maxWeight = 0;
  for (const w of graph.weights) maxWeight = Math.max(maxWeight, w);
  let edges = 0;
  for (const w of graph.weights) if (w >= maxWeight / nEpochs) edges += 1;

  const rng = 0;
  const y = 8;
  const eps = y + 16 * n;
  const epns = eps + 8 * edges;
  const next = epns + 8 * edges;
  const nextNeg = next + 8 * edges;
  const head = nextNeg + 8 * edges;
  const tail = head + 4 * edges;
  const kernel = createLayoutKernel(tail + 4 * edges);
  const { buffer } = kernel.memory;
  const headOf = new Int32Array(buffer, head, edges);
  const tailOf = new Int32Array(buffer, tail, edges);
  const epochsPerSample = new Float64Array(buffer, eps, edges);
  let e = 0;
  for (let i = 0; i < n; i += 1) {
    for (let entry = graph.rowStart[i]!; entry < graph.rowStart[i + 1]!; entry += 1) {
      const w = graph.weights[entry]!;
      if (w < maxWeight / nEpochs) continue;
      tailOf[e] = i;
      headOf[e] = graph.cols[entry]!;
      epochsPerSample[e] = maxWeight / w;
      e += 1;
    }
  }
  const epochsPerNegativeSample = new Float64Array(buffer, epns, edges);
  for (let i = 0; i < edges; i += 1) epochsPerNegativeSample[i] = epochsPerSample[i]! / NEGATIVE_SAMPLE_RATE;
  new Float64Array(buffer, next, edges).set(epochsPerSample);
  new Float64Array(buffer, nextNeg, edges).set(epochsPerNegativeSample);
  new Uint32Array(buffer, rng, 1)[0] = seed >>> 0;
  kernel.exports.random_start(y, 2 * n, rng);

  let epoch = 0;
  let alpha = LEARNING_RATE;
  const step = (): number => {
    if (epoch >= nEpochs) return epoch;
    kernel.exports.epoch(y, head, tail, eps, epns, next, nextNeg, edges, n, epoch, alpha, a, b, rng);
    alpha = LEARNING_RATE * (1 - epoch / nEpochs);
    epoch += 1;
    return epoch;
  };
  return { nEpochs, step, embedding: new Float64Array(buffer, y, 2 * n) };
}
