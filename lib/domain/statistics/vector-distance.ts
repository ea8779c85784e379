import { ArrayShapeError } from "../array-shape-error";
import { StatisticsInputError } from "./statistics-input-error";

export type DistanceMetric = "euclidean" | "cosine";

/** ‖a − b‖₂ (scipy.spatial.distance.euclidean). */
export function euclideanDistance(a: ArrayLike<number>, b: ArrayLike<number>): number {
  checkLengths(a, b);
  let sum = 0;
  for (let i = 0; i < a.length; i++) {
    const difference = a[i]! - b[i]!;
    sum += difference * difference;
  }
  return Math.sqrt(sum);
}

/**
 * 1 − a·b / (‖a‖‖b‖) (scipy.spatial.distance.cosine), in [0, 2]. Undefined
 * for a zero vector, which is refused: it means an embedding that was never filled in.
 */
export function cosineDistance(a: ArrayLike<number>, b: ArrayLike<number>): number {
  checkLengths(a, b);
  let dot = 0;
  let normA = 0;
  let normB = 0;
  for (let i = 0; i < a.length; i++) {
    dot += a[i]! * b[i]!;
    normA += a[i]! * a[i]!;
    normB += b[i]! * b[i]!;
  }
  return cosineFromSums(dot, normA, normB);
}

export function vectorDistance(a: ArrayLike<number>, b: ArrayLike<number>, metric: DistanceMetric): number {
  return metric === "euclidean" ? euclideanDistance(a, b) : cosineDistance(a, b);
}

/** Cosine distance from a·b, ‖a‖² and ‖b‖², clamped against rounding just outside [0, 2]. */
export function cosineFromSums(dot: number, squaredNormA: number, squaredNormB: number): number {
  if (!(squaredNormA > 0 && squaredNormB > 0)) {
    throw new StatisticsInputError("STATISTICS_INVALID_ARGUMENT", "cosine distance is undefined for a zero vector; check that the embeddings were computed");
  }
  const similarity = dot / (Math.sqrt(squaredNormA) * Math.sqrt(squaredNormB));
  return Math.min(2, Math.max(0, 1 - similarity));
}

function checkLengths(a: ArrayLike<number>, b: ArrayLike<number>): void {
  if (a.length !== b.length) throw new ArrayShapeError(`distance between vectors of ${a.length} and ${b.length} values`);
}
