import { describe, expect, it } from "vitest";
import { curvePath } from "./curve-path";

describe("curvePath", () => {
  // Three buckets of two classes, row-major: class 0 is 0, 0.5, 1; class 1 is 1, 0.5, 0.
  const values = [0, 1, 0.5, 0.5, 1, 0];

  it("puts one point per bucket at its centre, a score of 1 at the top", () => {
    expect(curvePath(values, 0, 2, { width: 300, height: 100 })).toBe("M50 100 L150 50 L250 0");
    expect(curvePath(values, 1, 2, { width: 300, height: 100 })).toBe("M50 0 L150 50 L250 100");
  });

  it("breaks the line at buckets without frames", () => {
    expect(curvePath([0.2, null, null, 0.4, 0.6], 0, 1, { width: 50, height: 10 })).toBe("M5 8 M35 6 L45 4");
  });

  it("keeps out-of-range scores inside the chart and rounds to a tenth of a pixel", () => {
    expect(curvePath([1.2, -0.1, 1 / 3], 0, 1, { width: 1, height: 10 })).toBe("M0.2 0 L0.5 10 L0.8 6.7");
  });

  it("draws nothing without buckets", () => {
    expect(curvePath([], 0, 9, { width: 100, height: 100 })).toBe("");
  });
});
