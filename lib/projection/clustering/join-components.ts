import os from "node:os";
import { fileURLToPath } from "node:url";
import type { Worker } from "node:worker_threads";
import { startTypeScriptWorker } from "../../jobs/typescript-worker";
import { prepareVectors } from "../knn-prepared";
import { ProjectionCancelledError } from "../projection-cancelled-error";
import type { ProjectionMetric } from "../projection-metric";
import type { Pacer } from "./cancellation-pacer";
import {
  type ComponentLayout,
  type CrossComponentEdges,
  componentPairSlot,
  createCrossComponentSearch,
  crossBlockWork,
  crossQueryBlocks,
  isLighterEdge,
  mergeCrossComponentEdges,
} from "./cross-component-edges";
import type { CrossComponentWorkerData, CrossComponentWorkerMessage } from "./cross-component-worker-protocol";
import type { KnnSpanningForest } from "./knn-spanning-forest";
import { pairDistance } from "./pair-distance";
import type { SpanningTree } from "./spanning-tree";

const PROJECT_ROOT = fileURLToPath(new URL("../../..", import.meta.url));
// As in exactKnn: below about 2e10 multiply-adds, starting worker threads
// (tsx, then a copy of the data each) costs more than it saves.
const INLINE_WORK_LIMIT = 2e10;

export interface JoinComponentsOptions {
  readonly vectors: Float32Array;
  readonly dims: number;
  readonly metric: ProjectionMetric;
  readonly core: Float64Array;
  readonly forest: KnnSpanningForest;
  readonly threads?: number;
  readonly signal?: AbortSignal;
  readonly pacer: Pacer;
  onProgress?(done: number, total: number): void;
}

/**
 * Completes the kNN forest into one spanning tree: the lightest
 * mutual-reachability edge between every pair of the forest's components,
 * from one pass over the pairs that have an end outside the largest
 * component (no distance inside the largest one is computed), then the
 * minimum spanning tree over those component-to-component edges: the edges
 * Borůvka's rounds (each component taking its lightest outgoing edge until
 * one is left) would choose. Edges are chosen on float32 kernel distances and
 * weighed again in float64, so a pair that ties another to float32 rounding
 * may be taken for it.
 */
export async function joinComponents(options: JoinComponentsOptions): Promise<SpanningTree> {
  const { vectors, dims, metric, core, forest } = options;
  const n = core.length;
  const components = forest.componentSizes.length;
  if (components <= 1) return { n, from: forest.from, to: forest.to, weight: forest.weight };

  const blocks = crossQueryBlocks(n, forest.componentSizes[0]!);
  const total = blocks.reduce((sum, block) => sum + crossBlockWork(n, block), 0);
  const threads = options.threads ?? (total * dims < INLINE_WORK_LIMIT ? 1 : Math.max(1, os.availableParallelism()));
  const shares = Math.min(threads, blocks.length);
  const layout = layOutByComponent(vectors, dims, metric, core, forest, shares > 1);
  let done = 0;
  const advance = (pairs: number): void => {
    done += pairs;
    options.onProgress?.(done, total);
  };
  const found =
    shares <= 1 ? await searchInline(layout, blocks, options.pacer, advance) : await searchInWorkers(layout, blocks, shares, advance, options.signal);
  await options.pacer.tick();

  const from = Array.from(forest.from);
  const to = Array.from(forest.to);
  const weight = Array.from(forest.weight);
  for (const slot of lightestComponentTree(found, components)) {
    const low = found.low[slot]!;
    const high = found.high[slot]!;
    from.push(low);
    to.push(high);
    weight.push(Math.max(core[low]!, core[high]!, pairDistance(vectors, dims, metric, low, high)));
  }
  return { n, from: Int32Array.from(from), to: Int32Array.from(to), weight: Float64Array.from(weight) };
}

/**
 * Prim's tree over the components with the found edges as weights (ordered
 * by score, then ends, a strict order, so it is the tree Kruskal or Borůvka
 * would give): O(components^2) without sorting all the pairs. Returns the
 * chosen slots.
 */
function lightestComponentTree(found: CrossComponentEdges, components: number): number[] {
  const inTree = new Uint8Array(components);
  const bestSlot = new Int32Array(components).fill(-1);
  const chosen: number[] = [];
  let current = 0;
  inTree[0] = 1;
  for (let step = 1; step < components; step += 1) {
    let next = -1;
    for (let c = 0; c < components; c += 1) {
      if (inTree[c]) continue;
      const slot = componentPairSlot(current, c);
      if (found.low[slot]! >= 0 && (bestSlot[c]! < 0 || isLighterEdge(found, bestSlot[c]!, found.score[slot]!, found.low[slot]!, found.high[slot]!))) {
        bestSlot[c] = slot;
      }
      if (bestSlot[c]! >= 0 && (next < 0 || isLighterEdge(found, bestSlot[next]!, found.score[bestSlot[c]!]!, found.low[bestSlot[c]!]!, found.high[bestSlot[c]!]!))) {
        next = c;
      }
    }
    // Every pair of components has an edge (all cross pairs are searched), so next is always found.
    inTree[next] = 1;
    chosen.push(bestSlot[next]!);
    current = next;
  }
  return chosen;
}

function layOutByComponent(
  vectors: Float32Array,
  dims: number,
  metric: ProjectionMetric,
  core: Float64Array,
  forest: KnnSpanningForest,
  shared: boolean,
): ComponentLayout {
  const n = core.length;
  const components = forest.componentSizes.length;
  const starts = new Int32Array(components + 1);
  for (let c = 0; c < components; c += 1) starts[c + 1] = starts[c]! + forest.componentSizes[c]!;
  const point = new Int32Array(n);
  const component = new Int32Array(n);
  const coreScore = new Float64Array(n);
  const ordered = new Float32Array(n * dims);
  for (let i = 0; i < n; i += 1) {
    const c = forest.component[i]!;
    const position = starts[c]!;
    starts[c] = position + 1;
    point[position] = i;
    component[position] = c;
    coreScore[position] = metric === "euclidean" ? core[i]! * core[i]! : core[i]!;
    ordered.set(vectors.subarray(i * dims, (i + 1) * dims), position * dims);
  }
  return { prepared: prepareVectors(ordered, n, dims, metric, shared), component, coreScore, point, components };
}

async function searchInline(layout: ComponentLayout, blocks: readonly number[], pacer: Pacer, advance: (pairs: number) => void): Promise<CrossComponentEdges> {
  const search = createCrossComponentSearch(layout);
  for (const block of blocks) {
    await pacer.tick();
    advance(search.searchBlock(block));
  }
  return search.found;
}

async function searchInWorkers(
  layout: ComponentLayout,
  blocks: readonly number[],
  shares: number,
  advance: (pairs: number) => void,
  signal: AbortSignal | undefined,
): Promise<CrossComponentEdges> {
  const { prepared } = layout;
  const workers: Worker[] = [];
  type Found = Extract<CrossComponentWorkerMessage, { kind: "result" }>;
  const parts: Promise<Found>[] = [];
  for (let share = 0; share < shares; share += 1) {
    // Later blocks pair with more rows: dealing blocks out in turn evens the work.
    const data: CrossComponentWorkerData = {
      n: prepared.n,
      paddedRows: prepared.paddedRows,
      paddedDims: prepared.paddedDims,
      metric: prepared.metric,
      data: prepared.data.buffer as SharedArrayBuffer,
      halfNorms: prepared.halfNorms.buffer as SharedArrayBuffer,
      component: layout.component,
      coreScore: layout.coreScore,
      point: layout.point,
      components: layout.components,
      queryBlocks: blocks.filter((_, index) => index % shares === share),
    };
    const worker = startTypeScriptWorker(PROJECT_ROOT, "lib/projection/clustering/cross-component.worker.ts", data);
    workers.push(worker);
    parts.push(
      new Promise<Found>((resolve, reject) => {
        worker.on("message", (message: CrossComponentWorkerMessage) => {
          if (message.kind === "progress") advance(message.pairs);
          else resolve(message);
        });
        worker.once("error", reject);
        worker.once("exit", (code) => reject(new Error(`cross-component search worker stopped with exit code ${code} before answering`)));
      }),
    );
  }
  let onAbort = (): void => {};
  const cancelled = new Promise<never>((_, reject) => {
    onAbort = () => reject(new ProjectionCancelledError("the clustering was cancelled"));
    if (signal?.aborted) onAbort();
    signal?.addEventListener("abort", onAbort, { once: true });
  });
  try {
    const [first, ...rest] = await Promise.race([Promise.all(parts), cancelled]);
    return mergeCrossComponentEdges(first!, rest);
  } finally {
    signal?.removeEventListener("abort", onAbort);
    for (const worker of workers) void worker.terminate();
  }
}
