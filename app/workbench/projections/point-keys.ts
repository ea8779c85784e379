import type { ProjectionPointsPayload } from "../api-types";

/**
 * Points of two projections are the same when they are the same recording
 * (or the same region of it): selections are kept as these keys so a lasso
 * in one projection selects the same recordings in the other.
 */
export function pointKeyAt(points: ProjectionPointsPayload, index: number): string {
  return `${points.recordingIds[index]}|${points.regionIds[index] ?? ""}`;
}

export function indicesOfKeys(points: ProjectionPointsPayload, keys: ReadonlySet<string>): number[] {
  if (keys.size === 0) return [];
  const indices: number[] = [];
  for (let index = 0; index < points.count; index++) if (keys.has(pointKeyAt(points, index))) indices.push(index);
  return indices;
}

export function keysOfIndices(points: ProjectionPointsPayload, indices: readonly number[]): Set<string> {
  return new Set(indices.map((index) => pointKeyAt(points, index)));
}

/** The points' coordinates as the scatter plot takes them: x0, y0, x1, y1, … */
export function interleavedCoordinates(points: Pick<ProjectionPointsPayload, "count" | "x" | "y">): Float32Array {
  const pairs = new Float32Array(points.count * 2);
  for (let index = 0; index < points.count; index++) {
    pairs[index * 2] = points.x[index]!;
    pairs[index * 2 + 1] = points.y[index]!;
  }
  return pairs;
}
