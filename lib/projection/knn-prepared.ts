import type { ProjectionMetric } from "./projection-metric";

/**
 * Vectors laid out for the kernel: `paddedDims` (a multiple of 4) floats per
 * row, `paddedRows` (a multiple of 4) rows, zeros in the padding; unit length
 * for cosine so that the dot product is the similarity (zero vectors stay
 * zero). `halfNorms[j]` is |x_j|^2 / 2 (1/2 for every row under cosine), so that for a fixed row i, `halfNorms[j] - x_i . x_j` orders
 * candidates j by distance under both metrics.
 */
export interface PreparedVectors {
  readonly n: number;
  readonly paddedRows: number;
  readonly paddedDims: number;
  readonly metric: ProjectionMetric;
  readonly data: Float32Array;
  readonly halfNorms: Float32Array;
}

export function roundUp(value: number, multiple: number): number {
  return Math.ceil(value / multiple) * multiple;
}

/** Copies into `shared` buffers when asked, so that worker threads can read them without another copy in transit. */
export function prepareVectors(
  vectors: Float32Array,
  n: number,
  dims: number,
  metric: ProjectionMetric,
  shared = false,
): PreparedVectors {
  const paddedDims = roundUp(dims, 4);
  const paddedRows = roundUp(n, 4);
  const dataBytes = paddedRows * paddedDims * 4;
  const data = new Float32Array(shared ? new SharedArrayBuffer(dataBytes) : new ArrayBuffer(dataBytes));
  const halfNorms = new Float32Array(shared ? new SharedArrayBuffer(paddedRows * 4) : new ArrayBuffer(paddedRows * 4));
  for (let i = 0; i < n; i += 1) {
    const source = vectors.subarray(i * dims, (i + 1) * dims);
    let squared = 0;
    for (let d = 0; d < dims; d += 1) squared += source[d]! * source[d]!;
    const target = i * paddedDims;
    if (metric === "cosine") {
      // A zero vector stays zero: distance 1 to everything, as in umap-js's cosine.
      const scale = squared > 0 ? 1 / Math.sqrt(squared) : 0;
      for (let d = 0; d < dims; d += 1) data[target + d] = source[d]! * scale;
      halfNorms[i] = 0.5;
    } else {
      data.set(source, target);
      halfNorms[i] = squared / 2;
    }
  }
  return { n, paddedRows, paddedDims, metric, data, halfNorms };
}

/** Distance between prepared rows i and j in float64, in the metric's own units. */
export function exactDistance(prepared: PreparedVectors, i: number, j: number): number {
  return exactDistanceBetween(prepared, i, prepared, j);
}

/** Distance between row i of `x` and row j of `y` (prepared alike) in float64. */
export function exactDistanceBetween(x: PreparedVectors, i: number, y: PreparedVectors, j: number): number {
  const { paddedDims } = x;
  const a = i * paddedDims;
  const b = j * paddedDims;
  if (x.metric === "cosine") {
    let dot = 0;
    let normA = 0;
    let normB = 0;
    for (let d = 0; d < paddedDims; d += 1) {
      dot += x.data[a + d]! * y.data[b + d]!;
      normA += x.data[a + d]! * x.data[a + d]!;
      normB += y.data[b + d]! * y.data[b + d]!;
    }
    if (normA === 0 || normB === 0) return normA === normB ? 0 : 1;
    return Math.max(0, 1 - dot / Math.sqrt(normA * normB));
  }
  let sum = 0;
  for (let d = 0; d < paddedDims; d += 1) {
    const diff = x.data[a + d]! - y.data[b + d]!;
    sum += diff * diff;
  }
  return Math.sqrt(sum);
}
