import { ScatterInputError } from "./scatter-input-error";

/**
 * The map from data coordinates (a projection's own units) to the WebGL
 * plot's normalised square [-1, 1]²: one scale for both axes, so distances
 * keep their meaning, centred on the data's bounding box with a margin.
 * normalised = (data − centre) × scale.
 */
export interface ScatterTransform {
  centerX: number;
  centerY: number;
  scale: number;
}

export interface Bounds {
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
}

/** Throws unless `coordinates` holds x, y pairs of finite numbers; returns the point count. */
export function pointCountOf(coordinates: Float32Array): number {
  if (coordinates.length % 2 !== 0) throw new ScatterInputError(`coordinates must be x, y pairs, got ${coordinates.length} numbers`);
  for (let index = 0; index < coordinates.length; index++) {
    if (!Number.isFinite(coordinates[index]!)) {
      throw new ScatterInputError(`point ${index >> 1} has a non-finite ${index % 2 === 0 ? "x" : "y"} coordinate (${coordinates[index]})`);
    }
  }
  return coordinates.length / 2;
}

/** The bounding box of the points (of `include`'s indices when given); null when there are none. */
export function coordinateBounds(coordinates: Float32Array, include?: ArrayLike<number>): Bounds | null {
  const count = include ? include.length : coordinates.length / 2;
  if (count === 0) return null;
  let minX = Number.POSITIVE_INFINITY;
  let minY = Number.POSITIVE_INFINITY;
  let maxX = Number.NEGATIVE_INFINITY;
  let maxY = Number.NEGATIVE_INFINITY;
  for (let position = 0; position < count; position++) {
    const point = include ? include[position]! : position;
    const x = coordinates[2 * point]!;
    const y = coordinates[2 * point + 1]!;
    if (x < minX) minX = x;
    if (x > maxX) maxX = x;
    if (y < minY) minY = y;
    if (y > maxY) maxY = y;
  }
  return { minX, minY, maxX, maxY };
}

/** The transform that fits the points into [-1 + margin, 1 − margin]² (all points at one place land at the origin). */
export function fitTransform(coordinates: Float32Array, margin = 0.05): ScatterTransform {
  const bounds = coordinateBounds(coordinates);
  if (!bounds) return { centerX: 0, centerY: 0, scale: 1 };
  const half = Math.max(bounds.maxX - bounds.minX, bounds.maxY - bounds.minY) / 2;
  return { centerX: (bounds.minX + bounds.maxX) / 2, centerY: (bounds.minY + bounds.maxY) / 2, scale: half > 0 ? (1 - margin) / half : 1 };
}

/** The points in normalised coordinates, as the separate x and y columns the WebGL plot takes. */
export function normaliseCoordinates(coordinates: Float32Array, transform: ScatterTransform): { x: Float32Array; y: Float32Array } {
  const count = coordinates.length / 2;
  const x = new Float32Array(count);
  const y = new Float32Array(count);
  for (let index = 0; index < count; index++) {
    x[index] = (coordinates[2 * index]! - transform.centerX) * transform.scale;
    y[index] = (coordinates[2 * index + 1]! - transform.centerY) * transform.scale;
  }
  return { x, y };
}

/** Data-space x, y pairs (a polygon, a path) in normalised coordinates. */
export function normalisePairs(pairs: ArrayLike<number>, transform: ScatterTransform): Float32Array {
  const out = new Float32Array(pairs.length);
  for (let index = 0; index < pairs.length; index += 2) {
    out[index] = (pairs[index]! - transform.centerX) * transform.scale;
    out[index + 1] = (pairs[index + 1]! - transform.centerY) * transform.scale;
  }
  return out;
}
