import os from "node:os";
import { fileURLToPath } from "node:url";
import type { Worker } from "node:worker_threads";
import { startTypeScriptWorker } from "../jobs/typescript-worker";
import type { KnnGraph } from "./knn-graph";
import { prepareVectors } from "./knn-prepared";
import { blockPairWork, collectKnnCandidates, knnKeep, mergeKnnHeaps, queryBlockCount, rerankKnn } from "./knn-rows";
import type { KnnWorkerData, KnnWorkerMessage } from "./knn-worker-protocol";
import { ProjectionCancelledError, throwIfProjectionCancelled } from "./projection-cancelled-error";
import { ProjectionInputError } from "./projection-input-error";
import type { ProjectionMetric } from "./projection-metric";

const PROJECT_ROOT = fileURLToPath(new URL("../..", import.meta.url));
// Below about 2e10 multiply-adds (5,000 points at 768-D, about 2 s on one
// core) starting worker threads (tsx, then a copy of the data each) costs more
// than it saves.
const INLINE_WORK_LIMIT = 2e10;
// Each thread copies the vectors into a WebAssembly memory, whose addresses
// are 32-bit: keep it well under 4 GiB.
const MAX_VALUES = 400e6;

export interface ExactKnnOptions {
  /** n x dims, row-major. */
  readonly vectors: Float32Array;
  readonly dims: number;
  readonly k: number;
  readonly metric: ProjectionMetric;
  /** Worker threads to split the rows across; 1 searches on the calling thread. Default: one per core for large inputs, 1 for small ones. */
  readonly threads?: number;
  /** Called as the search advances: `done` of `total` dot products computed (in proportion to time). */
  onProgress?(done: number, total: number): void;
  readonly signal?: AbortSignal;
}

/**
 * Exact k nearest neighbours by brute force: every pair's dot product once in
 * the SIMD kernel (each used for both of its points), a running top-k per row,
 * then float64 distances for the final order. Deterministic: the result does
 * not depend on the number of threads.
 */
export async function exactKnn(options: ExactKnnOptions): Promise<KnnGraph> {
  const { vectors, dims, k, metric, signal } = options;
  if (!Number.isInteger(dims) || dims <= 0 || vectors.length % dims !== 0) {
    throw new ProjectionInputError(`vectors hold ${vectors.length} values, which is not a whole number of ${dims}-dimensional embeddings`);
  }
  const n = vectors.length / dims;
  if (!Number.isInteger(k) || k < 1 || k > n) {
    throw new ProjectionInputError(`cannot find ${k} neighbours (the point itself included) among ${n} points`);
  }
  if (n * dims > MAX_VALUES) {
    throw new ProjectionInputError(
      `${n} embeddings of ${dims} dimensions are beyond the exact neighbour search (at most ${MAX_VALUES / 1e6} million values, about 500,000 points of 768 dimensions, which would take hours): project a sample or a subset`,
    );
  }
  throwIfProjectionCancelled(signal, "the neighbour search");
  const threads = options.threads ?? (n * n * dims < INLINE_WORK_LIMIT ? 1 : Math.max(1, os.availableParallelism()));
  const blocks = queryBlockCount(n);
  const shares = Math.min(threads, blocks);
  const keep = knnKeep(n, k);
  let totalPairs = 0;
  for (let block = 0; block < blocks; block += 1) totalPairs += blockPairWork(n, block);
  let donePairs = 0;
  const advance = (pairs: number): void => {
    donePairs += pairs;
    options.onProgress?.(donePairs, totalPairs);
  };
  if (shares <= 1) {
    const prepared = prepareVectors(vectors, n, dims, metric);
    const allBlocks = Array.from({ length: blocks }, (_, block) => block);
    const heaps = collectKnnCandidates(prepared, allBlocks, keep, () => throwIfProjectionCancelled(signal, "the neighbour search"), advance);
    return { n, k, ...rerankKnn(prepared, heaps, k) };
  }

  const prepared = prepareVectors(vectors, n, dims, metric, true);
  const workers: Worker[] = [];
  type Candidates = Extract<KnnWorkerMessage, { kind: "result" }>;
  const parts: Promise<Candidates>[] = [];
  for (let share = 0; share < shares; share += 1) {
    // Block b costs about (n - b * block) rows of work: dealing blocks out in
    // turn gives every thread nearly the same amount.
    const queryBlocks = Array.from({ length: blocks }, (_, block) => block).filter((block) => block % shares === share);
    const data: KnnWorkerData = {
      n,
      paddedRows: prepared.paddedRows,
      paddedDims: prepared.paddedDims,
      metric,
      data: prepared.data.buffer as SharedArrayBuffer,
      halfNorms: prepared.halfNorms.buffer as SharedArrayBuffer,
      queryBlocks,
      keep,
    };
    const worker = startTypeScriptWorker(PROJECT_ROOT, "lib/projection/knn.worker.ts", data);
    workers.push(worker);
    parts.push(
      new Promise<Candidates>((resolve, reject) => {
        worker.on("message", (message: KnnWorkerMessage) => {
          if (message.kind === "progress") advance(message.pairs);
          else resolve(message);
        });
        worker.once("error", reject);
        worker.once("exit", (code) => reject(new Error(`neighbour search worker stopped with exit code ${code} before answering`)));
      }),
    );
  }
  let onAbort = (): void => {};
  const cancelled = new Promise<never>((_, reject) => {
    onAbort = () => reject(new ProjectionCancelledError("the neighbour search was cancelled"));
    signal?.addEventListener("abort", onAbort, { once: true });
  });
  try {
    const results = await Promise.race([Promise.all(parts), cancelled]);
    const [first, ...rest] = results.map((part) => ({ keep, scores: part.scores, indices: part.indices }));
    return { n, k, ...rerankKnn(prepared, mergeKnnHeaps(first!, rest), k) };
  } finally {
    signal?.removeEventListener("abort", onAbort);
    for (const worker of workers) void worker.terminate();
  }
}
