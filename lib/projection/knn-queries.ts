import { siftDown } from "./knn-heap";
import { createKnnKernel } from "./knn-kernel";
import { exactDistanceBetween, type PreparedVectors, roundUp } from "./knn-prepared";
import { KNN_EXTRA_CANDIDATES } from "./knn-rows";

const QUERY_BLOCK = 256;
const CANDIDATE_BLOCK = 128;

/**
 * Exact k nearest reference rows of each query row (both prepared with the
 * same metric and dimensions), nearest first, by the same kernel, running
 * top-k and float64 re-ranking as exactKnn. On the calling thread: placing
 * new points is meant for a few hundred or thousand at a time.
 */
export function nearestReferenceRows(
  reference: PreparedVectors,
  queries: PreparedVectors,
  k: number,
  checkpoint: () => void = () => {},
): { indices: Int32Array; distances: Float64Array } {
  const n = reference.n;
  const m = queries.n;
  const keep = Math.min(n, k + KNN_EXTRA_CANDIDATES);
  const scores = new Float64Array(m * keep).fill(Infinity);
  const heapIndices = new Int32Array(m * keep).fill(-1);
  const rowBytes = reference.paddedDims * 4;
  const referenceBytes = reference.paddedRows * rowBytes;
  const queryBytes = queries.paddedRows * rowBytes;
  const kernel = createKnnKernel(referenceBytes + queryBytes + QUERY_BLOCK * CANDIDATE_BLOCK * 4);
  new Float32Array(kernel.memory.buffer, 0, reference.data.length).set(reference.data);
  new Float32Array(kernel.memory.buffer, referenceBytes, queries.data.length).set(queries.data);
  const outOffset = referenceBytes + queryBytes;
  const out = new Float32Array(kernel.memory.buffer, outOffset, QUERY_BLOCK * CANDIDATE_BLOCK);

  for (let aStart = 0; aStart < m; aStart += QUERY_BLOCK) {
    checkpoint();
    const aCount = Math.min(QUERY_BLOCK, m - aStart);
    for (let bStart = 0; bStart < n; bStart += CANDIDATE_BLOCK) {
      const bCount = Math.min(CANDIDATE_BLOCK, n - bStart);
      const bRows = roundUp(bCount, 2);
      kernel.exports.dot_block(referenceBytes + aStart * rowBytes, roundUp(aCount, 4), bStart * rowBytes, bRows, reference.paddedDims, outOffset);
      for (let r = 0; r < aCount; r += 1) {
        const base = (aStart + r) * keep;
        for (let c = 0; c < bCount; c += 1) {
          const score = reference.halfNorms[bStart + c]! - out[r * bRows + c]!;
          if (score < scores[base]! || (score === scores[base] && bStart + c < heapIndices[base]!)) {
            scores[base] = score;
            heapIndices[base] = bStart + c;
            siftDown(scores, heapIndices, base, keep);
          }
        }
      }
    }
  }

  const indices = new Int32Array(m * k);
  const distances = new Float64Array(m * k);
  for (let q = 0; q < m; q += 1) {
    const order = Array.from(heapIndices.subarray(q * keep, (q + 1) * keep))
      .map((index) => ({ index, distance: exactDistanceBetween(queries, q, reference, index) }))
      .sort((x, y) => x.distance - y.distance || x.index - y.index);
    for (let c = 0; c < k; c += 1) {
      indices[q * k + c] = order[c]!.index;
      distances[q * k + c] = order[c]!.distance;
    }
  }
  return { indices, distances };
}
