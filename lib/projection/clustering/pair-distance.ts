import type { ProjectionMetric } from "../projection-metric";

/**
 * Float64 distance between rows i and j of the original vectors, as scipy
 * computes it from the same values: euclidean sqrt(sum (a - b)^2); cosine
 * 1 - a.b / sqrt(|a|^2 |b|^2) clipped at 0, with 0 between two zero vectors
 * and 1 from a zero vector to any other (as exactDistance in knn-prepared.ts).
 */
export function pairDistance(vectors: Float32Array, dims: number, metric: ProjectionMetric, i: number, j: number): number {
  const a = i * dims;
  const b = j * dims;
  if (metric === "euclidean") {
    let sum = 0;
    for (let d = 0; d < dims; d += 1) {
      const diff = vectors[a + d]! - vectors[b + d]!;
      sum += diff * diff;
    }
    return Math.sqrt(sum);
  }
  let dot = 0;
  let normA = 0;
  let normB = 0;
  for (let d = 0; d < dims; d += 1) {
    dot += vectors[a + d]! * vectors[b + d]!;
    normA += vectors[a + d]! * vectors[a + d]!;
    normB += vectors[b + d]! * vectors[b + d]!;
  }
  return cosineFromDot(dot, normA, normB);
}

/** Cosine distance from a float64 dot product and the two squared norms. */
export function cosineFromDot(dot: number, squaredNormA: number, squaredNormB: number): number {
  const product = squaredNormA * squaredNormB;
  if (product === 0) return squaredNormA === squaredNormB ? 0 : 1;
  return Math.max(0, 1 - dot / Math.sqrt(product));
}
