import { describe, expect, it } from "vitest";
import { coordinateBounds, fitTransform, normalisePairs, normaliseCoordinates, pointCountOf } from "./scatter-fit";

describe("fitTransform", () => {
  it("fits the longer side into [-0.95, 0.95] with one scale for both axes", () => {
    const coordinates = Float32Array.from([10, 100, 30, 110, 20, 105]);
    const transform = fitTransform(coordinates);
    const { x, y } = normaliseCoordinates(coordinates, transform);
    expect(Array.from(x)).toEqual([-0.95, 0.95, 0].map((value) => Math.fround(value)));
    // The y span is half the x span, so it fills half as much.
    expect(y[0]).toBeCloseTo(-0.475, 6);
    expect(y[1]).toBeCloseTo(0.475, 6);
  });

  it("puts points that all sit in one place at the origin", () => {
    const coordinates = Float32Array.from([5, 5, 5, 5]);
    const { x, y } = normaliseCoordinates(coordinates, fitTransform(coordinates));
    expect([...x, ...y]).toEqual([0, 0, 0, 0]);
  });

  it("maps polygons through the same transform", () => {
    const transform = { centerX: 1, centerY: 2, scale: 0.5 };
    expect(Array.from(normalisePairs([3, 2, 1, 6], transform))).toEqual([1, 0, 0, 2]);
  });
});

describe("pointCountOf", () => {
  it("counts x, y pairs and names the first bad point", () => {
    expect(pointCountOf(new Float32Array(6))).toBe(3);
    expect(() => pointCountOf(new Float32Array(3))).toThrow(/x, y pairs, got 3 numbers/);
    expect(() => pointCountOf(Float32Array.from([0, 0, 1, Number.NaN]))).toThrow(/point 1 has a non-finite y coordinate/);
  });
});

describe("coordinateBounds", () => {
  it("bounds all points or only the given ones", () => {
    const coordinates = Float32Array.from([0, 0, 4, -2, 1, 9]);
    expect(coordinateBounds(coordinates)).toEqual({ minX: 0, minY: -2, maxX: 4, maxY: 9 });
    expect(coordinateBounds(coordinates, [0, 1])).toEqual({ minX: 0, minY: -2, maxX: 4, maxY: 0 });
    expect(coordinateBounds(coordinates, [])).toBeNull();
  });
});
