/**
 * The convex hull of some of the points (Andrew's monotone chain,
 * O(k log k) for k indices), for drawing a cluster's or cohort's outline.
 * `points` holds x, y pairs; returns the hull's vertices as x, y pairs,
 * counter-clockwise from the leftmost (lowest) point, not closed. Collinear
 * points on an edge are dropped; two distinct points give a two-vertex
 * "polygon", one gives one vertex, none give an empty array.
 */
export function convexHull(points: Float32Array, indices: ArrayLike<number>): Float32Array {
  const order = Array.from(indices).sort((a, b) => points[2 * a]! - points[2 * b]! || points[2 * a + 1]! - points[2 * b + 1]!);
  const unique: number[] = [];
  for (const index of order) {
    const previous = unique[unique.length - 1];
    if (previous !== undefined && points[2 * previous] === points[2 * index] && points[2 * previous + 1] === points[2 * index + 1]) continue;
    unique.push(index);
  }
  if (unique.length <= 2) return pairsOf(points, unique);

  // Cross product of (b − a) × (c − a) in float64: positive when a → b → c turns left.
  const cross = (a: number, b: number, c: number) =>
    (points[2 * b]! - points[2 * a]!) * (points[2 * c + 1]! - points[2 * a + 1]!) - (points[2 * b + 1]! - points[2 * a + 1]!) * (points[2 * c]! - points[2 * a]!);

  const lower: number[] = [];
  for (const index of unique) {
    while (lower.length >= 2 && cross(lower[lower.length - 2]!, lower[lower.length - 1]!, index) <= 0) lower.pop();
    lower.push(index);
  }
  const upper: number[] = [];
  for (let position = unique.length - 1; position >= 0; position--) {
    const index = unique[position]!;
    while (upper.length >= 2 && cross(upper[upper.length - 2]!, upper[upper.length - 1]!, index) <= 0) upper.pop();
    upper.push(index);
  }
  // Each chain ends where the other starts.
  lower.pop();
  upper.pop();
  return pairsOf(points, [...lower, ...upper]);
}

function pairsOf(points: Float32Array, indices: readonly number[]): Float32Array {
  const out = new Float32Array(indices.length * 2);
  indices.forEach((index, position) => {
    out[2 * position] = points[2 * index]!;
    out[2 * position + 1] = points[2 * index + 1]!;
  });
  return out;
}
