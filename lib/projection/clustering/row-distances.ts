import { roundUp } from "../knn-prepared";
import type { ProjectionMetric } from "../projection-metric";
import { createDistanceKernel } from "./distance-kernel";
import { cosineFromDot, pairDistance } from "./pair-distance";

const FLOAT32_UNIT_ROUNDOFF = 2 ** -24;

/**
 * Distances (as pairDistance defines them) from one row to a list of rows,
 * in distance-kernel.wat, in two precisions: `approximate` in float32 lanes,
 * each result within `errorBound(result)` of the float64 distance, and
 * `exact` in float64 lanes. The caller writes row numbers into `rows` or
 * `exactRows` (room for n + 1 each) and reads the results from the returned
 * views, which live in the kernel's memory until the next call of the same
 * function.
 */
export interface RowDistances {
  readonly n: number;
  readonly rows: Int32Array;
  readonly exactRows: Int32Array;
  approximate(from: number, count: number): Float64Array;
  exact(from: number, count: number): Float64Array;
  errorBound(approximate: number): number;
  /** The float64 distance for one pair, in plain JavaScript (for the few pairs outside a row). */
  between(i: number, j: number): number;
}

export function createRowDistances(vectors: Float32Array, n: number, dims: number, metric: ProjectionMetric): RowDistances {
  const width = roundUp(dims, 8);
  const rowBytes = width * 4;
  const dataBytes = n * rowBytes;
  // One spare slot each: the kernel works on pairs of rows, so an odd count repeats its last row.
  const listBytes = roundUp((n + 1) * 4, 8);
  const rowsOffset = dataBytes;
  const exactRowsOffset = rowsOffset + listBytes;
  const approximateOut = exactRowsOffset + listBytes;
  const exactOut = approximateOut + (n + 1) * 8;
  const kernel = createDistanceKernel(exactOut + (n + 1) * 8);
  const data = new Float32Array(kernel.memory.buffer, 0, n * width);
  for (let i = 0; i < n; i += 1) data.set(vectors.subarray(i * dims, (i + 1) * dims), i * width);
  const rows = new Int32Array(kernel.memory.buffer, rowsOffset, n + 1);
  const exactRows = new Int32Array(kernel.memory.buffer, exactRowsOffset, n + 1);
  const approximateResults = new Float64Array(kernel.memory.buffer, approximateOut, n + 1);
  const exactResults = new Float64Array(kernel.memory.buffer, exactOut, n + 1);
  const cosine = metric === "cosine";
  const squaredNorms = new Float64Array(n);
  if (cosine) {
    for (let i = 0; i < n; i += 1) {
      let sum = 0;
      for (let d = 0; d < dims; d += 1) sum += vectors[i * dims + d]! * vectors[i * dims + d]!;
      squaredNorms[i] = sum;
    }
  }
  // Float32 sums: each term passes through width / 8 lane additions, three more
  // to fold the lanes, and at most three roundings of its own (difference,
  // square or product). With gamma_k = k u / (1 - k u), the squared euclidean
  // sum is within gamma of itself (all terms are positive), so the distance
  // within gamma / 2 of itself; the cosine's dot product within gamma |a| |b|,
  // so the distance within gamma. Doubled for the float64 side's own rounding.
  const terms = width / 8 + 6;
  const gamma = (terms * FLOAT32_UNIT_ROUNDOFF) / (1 - terms * FLOAT32_UNIT_ROUNDOFF);
  const absoluteError = cosine ? 2 * gamma : 1e-18;
  const relativeError = cosine ? 0 : 2 * gamma;

  const run = (
    f32: boolean,
    list: Int32Array,
    listOffset: number,
    out: Float64Array,
    outOffset: number,
    from: number,
    count: number,
  ): Float64Array => {
    if (count === 0) return out.subarray(0, 0);
    if (count % 2 === 1) list[count] = list[count - 1]!;
    const padded = count + (count % 2);
    const e = kernel.exports;
    if (cosine) {
      (f32 ? e.dot_products_f32 : e.dot_products)(from * rowBytes, 0, listOffset, padded, width, outOffset);
      const normFrom = squaredNorms[from]!;
      for (let t = 0; t < count; t += 1) out[t] = cosineFromDot(out[t]!, normFrom, squaredNorms[list[t]!]!);
    } else {
      (f32 ? e.squared_distances_f32 : e.squared_distances)(from * rowBytes, 0, listOffset, padded, width, outOffset);
      for (let t = 0; t < count; t += 1) out[t] = Math.sqrt(out[t]!);
    }
    return out.subarray(0, count);
  };

  return {
    n,
    rows,
    exactRows,
    approximate: (from, count) => run(true, rows, rowsOffset, approximateResults, approximateOut, from, count),
    exact: (from, count) => run(false, exactRows, exactRowsOffset, exactResults, exactOut, from, count),
    errorBound: (approximate) => absoluteError + relativeError * approximate,
    between: (i, j) => pairDistance(vectors, dims, metric, i, j),
  };
}
