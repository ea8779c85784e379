import { describe, expect, it } from "vitest";
import { DEFAULT_PEAKS_LEVELS } from "./peaks";
import { choosePeaksLevel } from "./peaks-level";

describe("choosePeaksLevel", () => {
  it("picks the coarsest level with at least one pair per pixel", () => {
    // 16 kHz at 100 px/s is 160 samples per pixel: 64 fits, 256 would not.
    expect(choosePeaksLevel(DEFAULT_PEAKS_LEVELS, 16_000, 100)).toBe(1);
    expect(choosePeaksLevel(DEFAULT_PEAKS_LEVELS, 16_000, 62.5)).toBe(2);
    expect(choosePeaksLevel(DEFAULT_PEAKS_LEVELS, 16_000, 62.6)).toBe(1);
    expect(choosePeaksLevel(DEFAULT_PEAKS_LEVELS, 16_000, 1)).toBe(4);
  });

  it("falls back to the finest level when zoomed in beyond it", () => {
    expect(choosePeaksLevel(DEFAULT_PEAKS_LEVELS, 16_000, 8000)).toBe(0);
    expect(choosePeaksLevel(DEFAULT_PEAKS_LEVELS, 16_000, 1000)).toBe(0);
  });

  it("works with levels in any order", () => {
    expect(choosePeaksLevel([4096, 16, 256], 16_000, 50)).toBe(2);
    expect(choosePeaksLevel([4096, 256, 16], 16_000, 16_000)).toBe(2);
  });

  it("rejects nonsense input", () => {
    expect(() => choosePeaksLevel([], 16_000, 100)).toThrow(RangeError);
    expect(() => choosePeaksLevel([16], 16_000, 0)).toThrow(RangeError);
    expect(() => choosePeaksLevel([16], 16_000, Number.POSITIVE_INFINITY)).toThrow(RangeError);
  });
});
