import { describe, expect, it } from "vitest";
import { interleavedCoordinates } from "./point-keys";

describe("interleavedCoordinates", () => {
  it("pairs each point's x and y in order", () => {
    expect([...interleavedCoordinates({ count: 3, x: [0.5, -1, 2], y: [1, 0.25, -3] })]).toEqual([0.5, 1, -1, 0.25, 2, -3]);
    expect(interleavedCoordinates({ count: 0, x: [], y: [] })).toHaveLength(0);
  });
});
