import { describe, expect, it } from "vitest";
import { createSeededRandom } from "../statistics/seeded-random";
import { convexHull } from "./convex-hull";

function pairs(values: Float32Array): [number, number][] {
  const out: [number, number][] = [];
  for (let index = 0; index < values.length; index += 2) out.push([values[index]!, values[index + 1]!]);
  return out;
}

const all = (count: number) => Array.from({ length: count }, (_, index) => index);

describe("convexHull", () => {
  it("returns a square's corners counter-clockwise, leaving out interior and edge points", () => {
    const points = Float32Array.from([0, 0, 2, 0, 2, 2, 0, 2, 1, 1, 1, 0, 0.5, 1.5]);
    expect(pairs(convexHull(points, all(7)))).toEqual([[0, 0], [2, 0], [2, 2], [0, 2]]);
  });

  it("uses only the given indices", () => {
    const points = Float32Array.from([0, 0, 10, 10, 1, 0, 0, 1, 100, -100]);
    expect(pairs(convexHull(points, [0, 2, 3]))).toEqual([[0, 0], [1, 0], [0, 1]]);
  });

  it("handles degenerate inputs: none, one, duplicates and collinear points", () => {
    const points = Float32Array.from([1, 1, 1, 1, 2, 2, 3, 3]);
    expect(convexHull(points, [])).toHaveLength(0);
    expect(pairs(convexHull(points, [0, 1]))).toEqual([[1, 1]]);
    expect(pairs(convexHull(points, [0, 1, 2, 3]))).toEqual([[1, 1], [3, 3]]);
  });

  it("encloses every point of a random cloud in a convex counter-clockwise polygon made of its points", () => {
    const random = createSeededRandom(11);
    const count = 2000;
    const points = new Float32Array(count * 2);
    for (let index = 0; index < points.length; index++) points[index] = random() * 20 - 10;
    const hull = pairs(convexHull(points, all(count)));
    const members = new Set(pairs(points).map(([x, y]) => `${x},${y}`));
    expect(hull.length).toBeGreaterThan(3);
    for (const [x, y] of hull) expect(members.has(`${x},${y}`)).toBe(true);
    for (let edge = 0; edge < hull.length; edge++) {
      const [ax, ay] = hull[edge]!;
      const [bx, by] = hull[(edge + 1) % hull.length]!;
      for (const [px, py] of pairs(points)) expect((bx - ax) * (py - ay) - (by - ay) * (px - ax)).toBeGreaterThanOrEqual(-1e-9);
    }
  });
});
