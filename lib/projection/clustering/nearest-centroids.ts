import { createKnnKernel } from "../knn-kernel";
import { type PreparedVectors, roundUp } from "../knn-prepared";

const ROW_BLOCK = 256;

/**
 * Nearest of a set of centroids for every prepared row, in the neighbour
 * search's float32 kernel: score_j = |c_j|^2 / 2 - x . c_j, which orders the
 * centroids by euclidean distance from x (and by cosine distance when rows
 * and centroids have unit length). Ties go to the lower centroid.
 */
export interface NearestCentroids {
  /** Sets the centroids (k x paddedDims, float64, row-major). */
  setCentroids(centroids: Float64Array, k: number): void;
  /** Writes each row's nearest centroid to `labels`. */
  assign(labels: Int32Array): void;
}

export function createNearestCentroids(prepared: PreparedVectors, maxCentroids: number): NearestCentroids {
  const { n, paddedDims, paddedRows } = prepared;
  const rowBytes = paddedDims * 4;
  const dataBytes = paddedRows * rowBytes;
  const maxRows = roundUp(maxCentroids, 2);
  const centroidBytes = maxRows * rowBytes;
  const kernel = createKnnKernel(dataBytes + centroidBytes + ROW_BLOCK * maxRows * 4);
  new Float32Array(kernel.memory.buffer, 0, prepared.data.length).set(prepared.data);
  const centroidData = new Float32Array(kernel.memory.buffer, dataBytes, maxRows * paddedDims);
  const outOffset = dataBytes + centroidBytes;
  const out = new Float32Array(kernel.memory.buffer, outOffset, ROW_BLOCK * maxRows);
  const halfNorms = new Float64Array(maxRows);
  let k = 0;

  return {
    setCentroids(centroids, count) {
      k = count;
      centroidData.fill(0);
      for (let j = 0; j < k; j += 1) {
        let squared = 0;
        for (let d = 0; d < paddedDims; d += 1) {
          const value = centroids[j * paddedDims + d]!;
          centroidData[j * paddedDims + d] = value;
          squared += value * value;
        }
        halfNorms[j] = squared / 2;
      }
    },
    assign(labels) {
      const bRows = roundUp(k, 2);
      for (let start = 0; start < n; start += ROW_BLOCK) {
        const count = Math.min(ROW_BLOCK, n - start);
        kernel.exports.dot_block(start * rowBytes, roundUp(count, 4), dataBytes, bRows, paddedDims, outOffset);
        for (let r = 0; r < count; r += 1) {
          let best = 0;
          let bestScore = Infinity;
          for (let j = 0; j < k; j += 1) {
            const score = halfNorms[j]! - out[r * bRows + j]!;
            if (score < bestScore) {
              bestScore = score;
              best = j;
            }
          }
          labels[start + r] = best;
        }
      }
    },
  };
}
