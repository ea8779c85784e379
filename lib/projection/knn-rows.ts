import { createKnnKernel } from "./knn-kernel";
import { siftDown } from "./knn-heap";
import { exactDistance, type PreparedVectors, roundUp } from "./knn-prepared";

// Query rows per kernel call (about 1.5 MB at 768-D, kept in L3) and candidate
// rows per call (384 KB at 768-D, kept in L2): each candidate block is read
// from memory once per query block rather than once per query row.
export const KNN_QUERY_BLOCK = 512;
const CANDIDATE_BLOCK = 128;
// The float32 pass keeps a few more candidates than asked for; the final order
// is decided on float64 distances, so rounding in the kernel cannot swap a
// neighbour in or out unless it moves one by more than these extra places.
export const KNN_EXTRA_CANDIDATES = 4;

/** Per row, a max-heap of `keep` candidates by (score, index) (the root is the worst kept). */
export interface KnnHeaps {
  readonly keep: number;
  readonly scores: Float64Array;
  readonly indices: Int32Array;
}

export function knnKeep(n: number, k: number): number {
  return Math.min(n, k + KNN_EXTRA_CANDIDATES);
}

export function queryBlockCount(n: number): number {
  return Math.ceil(n / KNN_QUERY_BLOCK);
}

function emptyHeaps(n: number, keep: number): KnnHeaps {
  const scores = new Float64Array(n * keep).fill(Infinity);
  const indices = new Int32Array(n * keep).fill(-1);
  for (let row = 0; row < n; row += 1) {
    // The row itself can never be pushed out (ties with duplicates included).
    scores[row * keep] = -Infinity;
    indices[row * keep] = row;
    siftDown(scores, indices, row * keep, keep);
  }
  return { keep, scores, indices };
}

/**
 * Candidates for every row from the pairs (i, j) with i in the given query
 * blocks and j >= the block's first row. Each dot product is used twice (for
 * row i and for row j), so the query blocks of all calls together must cover
 * every block exactly once, and their heaps be merged with mergeKnnHeaps.
 * Calls `checkpoint` before each query block so that a caller can stop it,
 * and `progress` after each with that block's pairWork.
 */
export function collectKnnCandidates(
  prepared: PreparedVectors,
  queryBlocks: readonly number[],
  keep: number,
  checkpoint: () => void = () => {},
  progress: (pairs: number) => void = () => {},
): KnnHeaps {
  const { n, paddedDims, data, halfNorms } = prepared;
  const heaps = emptyHeaps(n, keep);
  const { scores, indices } = heaps;
  const rowBytes = paddedDims * 4;
  const dataBytes = prepared.paddedRows * rowBytes;
  const kernel = createKnnKernel(dataBytes + KNN_QUERY_BLOCK * CANDIDATE_BLOCK * 4);
  new Float32Array(kernel.memory.buffer, 0, data.length).set(data);
  const out = new Float32Array(kernel.memory.buffer, dataBytes, KNN_QUERY_BLOCK * CANDIDATE_BLOCK);

  for (const block of queryBlocks) {
    checkpoint();
    const aStart = block * KNN_QUERY_BLOCK;
    const aCount = Math.min(KNN_QUERY_BLOCK, n - aStart);
    const aEnd = aStart + aCount;
    const aRows = roundUp(aCount, 4);
    // Candidate blocks start at a multiple of CANDIDATE_BLOCK, which divides KNN_QUERY_BLOCK.
    for (let bStart = aStart; bStart < n; bStart += CANDIDATE_BLOCK) {
      const bCount = Math.min(CANDIDATE_BLOCK, n - bStart);
      const bRows = roundUp(bCount, 2);
      kernel.exports.dot_block(aStart * rowBytes, aRows, bStart * rowBytes, bRows, paddedDims, dataBytes);
      for (let r = 0; r < aCount; r += 1) {
        const row = aStart + r;
        const base = row * keep;
        let threshold = scores[base]!;
        const outRow = r * bRows;
        for (let c = 0; c < bCount; c += 1) {
          const score = halfNorms[bStart + c]! - out[outRow + c]!;
          if ((score < threshold || (score === threshold && bStart + c < indices[base]!)) && bStart + c !== row) {
            scores[base] = score;
            indices[base] = bStart + c;
            siftDown(scores, indices, base, keep);
            threshold = scores[base]!;
          }
        }
      }
      // Inside the query block both directions were visited above.
      if (bStart < aEnd) continue;
      for (let c = 0; c < bCount; c += 1) {
        const row = bStart + c;
        const base = row * keep;
        let threshold = scores[base]!;
        for (let r = 0; r < aCount; r += 1) {
          const score = halfNorms[aStart + r]! - out[r * bRows + c]!;
          if (score < threshold || (score === threshold && aStart + r < indices[base]!)) {
            scores[base] = score;
            indices[base] = aStart + r;
            siftDown(scores, indices, base, keep);
            threshold = scores[base]!;
          }
        }
      }
    }
    progress(blockPairWork(n, block));
  }
  return heaps;
}

/** Dot products computed for query block `block` of n rows: the measure of progress. */
export function blockPairWork(n: number, block: number): number {
  const start = block * KNN_QUERY_BLOCK;
  return Math.min(KNN_QUERY_BLOCK, n - start) * (n - start);
}

/** Folds the candidates of `others` into `into` (each pair appears in only one of them; the rows themselves in all). */
export function mergeKnnHeaps(into: KnnHeaps, others: readonly KnnHeaps[]): KnnHeaps {
  const { keep, scores, indices } = into;
  const n = scores.length / keep;
  for (const other of others) {
    for (let row = 0; row < n; row += 1) {
      const base = row * keep;
      for (let c = 0; c < keep; c += 1) {
        const index = other.indices[base + c]!;
        const score = other.scores[base + c]!;
        if (index < 0 || index === row) continue;
        if (!(score < scores[base]! || (score === scores[base]! && index < indices[base]!))) continue;
        scores[base] = score;
        indices[base] = index;
        siftDown(scores, indices, base, keep);
      }
    }
  }
  return into;
}

/** The k nearest of each row's candidates by float64 distance; ties go to the lower index; the row itself first. */
export function rerankKnn(prepared: PreparedVectors, heaps: KnnHeaps, k: number): { indices: Int32Array; distances: Float64Array } {
  const { n } = prepared;
  const { keep } = heaps;
  const indices = new Int32Array(n * k);
  const distances = new Float64Array(n * k);
  const order: { index: number; distance: number }[] = [];
  for (let row = 0; row < n; row += 1) {
    order.length = 0;
    for (let c = 0; c < keep; c += 1) {
      const index = heaps.indices[row * keep + c]!;
      if (index < 0) continue;
      order.push({ index, distance: index === row ? 0 : exactDistance(prepared, row, index) });
    }
    order.sort((x, y) => (x.index === row ? -1 : y.index === row ? 1 : x.distance - y.distance || x.index - y.index));
    for (let c = 0; c < k; c += 1) {
      indices[row * k + c] = order[c]!.index;
      distances[row * k + c] = order[c]!.distance;
    }
  }
  return { indices, distances };
}
