import { describe, expect, it } from "vitest";
import { hexToOklab, mixOklab, oklabDistance, oklabToHex } from "./oklab";

describe("OKLab conversion", () => {
  it("puts white at lightness 1 and black at 0 with no chroma", () => {
    const white = hexToOklab("#ffffff");
    const black = hexToOklab("#000000");
    expect(white[0]).toBeCloseTo(1, 4);
    expect(Math.hypot(white[1], white[2])).toBeLessThan(1e-4);
    expect(black).toEqual([0, 0, 0]);
  });

  it("round-trips sRGB colours to the same hex", () => {
    for (const hex of ["#2f6fd0", "#e69a1f", "#8c8c8c", "#010203", "#fefdfc"]) expect(oklabToHex(hexToOklab(hex))).toBe(hex);
  });

  it("measures distances and mixes linearly", () => {
    const red = hexToOklab("#ff0000");
    const blue = hexToOklab("#0000ff");
    const middle = mixOklab(red, blue, 0.5);
    expect(oklabDistance(red, middle)).toBeCloseTo(oklabDistance(middle, blue), 10);
    expect(oklabDistance(red, red)).toBe(0);
  });

  it("refuses what is not #rrggbb", () => {
    expect(() => hexToOklab("red")).toThrow(/not a #rrggbb colour: red/);
  });
});
