import { describe, expect, it } from "vitest";
import { adjustedRandIndex } from "./adjusted-rand-index";

describe("adjustedRandIndex", () => {
  it("is 1 for the same partition under other names", () => {
    expect(adjustedRandIndex([0, 0, 1, 1, 2, 2], [5, 5, -1, -1, 3, 3])).toBe(1);
  });

  it("matches a value worked by hand", () => {
    // Contingency [[2, 1], [0, 3]]: pairs together in both 1 + 3 = 4; row pairs 3 + 3 = 6; column
    // pairs 1 + 6 = 7; expected 6 * 7 / 15 = 2.8; maximum 6.5: (4 - 2.8) / (6.5 - 2.8) = 12/37.
    expect(adjustedRandIndex([0, 0, 0, 1, 1, 1], [0, 0, 1, 1, 1, 1])).toBeCloseTo(12 / 37, 12);
  });

  it("is negative when the partitions disagree more than chance", () => {
    expect(adjustedRandIndex([0, 0, 1, 1], [0, 1, 0, 1])).toBeCloseTo(-0.5, 12);
  });

  it("scores two one-group labellings as identical", () => {
    expect(adjustedRandIndex([1, 1, 1], [4, 4, 4])).toBe(1);
  });
});
