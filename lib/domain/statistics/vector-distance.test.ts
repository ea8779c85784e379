import { describe, expect, it } from "vitest";
import { ArrayShapeError } from "../array-shape-error";
import { StatisticsInputError } from "./statistics-input-error";
import { cosineDistance, euclideanDistance, vectorDistance } from "./vector-distance";

describe("vector distances", () => {
  it("computes euclidean and cosine distance (by hand)", () => {
    expect(euclideanDistance([0, 0], [3, 4])).toBe(5);
    expect(cosineDistance([1, 0], [0, 2])).toBe(1);
    expect(cosineDistance([1, 1], [-2, -2])).toBeCloseTo(2, 15);
    expect(cosineDistance([1, 2, 3], [2, 4, 6])).toBeCloseTo(0, 15);
    expect(vectorDistance([1, 0], [1, 1], "cosine")).toBeCloseTo(1 - Math.SQRT1_2, 15);
  });

  it("refuses vectors of different lengths and the zero vector for cosine", () => {
    expect(() => euclideanDistance([1, 2], [1])).toThrow(ArrayShapeError);
    expect(() => cosineDistance([0, 0], [1, 1])).toThrow(StatisticsInputError);
  });
});
