import { describe, expect, it } from "vitest";
import { spectrogramPixels, viridisPalette } from "./spectrogram-image";

describe("viridisPalette", () => {
  const palette = viridisPalette();

  it("runs from dark purple at the floor to yellow at full scale, opaque", () => {
    expect(Array.from(palette.subarray(0, 4))).toEqual([68, 1, 84, 255]);
    expect(Array.from(palette.subarray(255 * 4, 256 * 4))).toEqual([253, 231, 37, 255]);
  });

  it("gets brighter with every level, so louder always reads lighter", () => {
    const luminance = (level: number) => 0.2126 * palette[level * 4]! + 0.7152 * palette[level * 4 + 1]! + 0.0722 * palette[level * 4 + 2]!;
    for (let level = 1; level < 256; level++) expect(luminance(level)).toBeGreaterThanOrEqual(luminance(level - 1));
  });
});

describe("spectrogramPixels", () => {
  it("puts column-major bins into rows with 0 Hz at the bottom", () => {
    const palette = viridisPalette();
    // Two columns, three bins: column 0 loud only at 0 Hz, column 1 loud only at the top bin.
    const pixels = spectrogramPixels(Uint8Array.from([255, 0, 0, 0, 0, 255]), 2, 3, palette);
    const at = (x: number, y: number) => pixels[(y * 2 + x) * 4]!;
    expect(at(0, 2)).toBe(253);
    expect(at(0, 0)).toBe(68);
    expect(at(1, 0)).toBe(253);
    expect(at(1, 2)).toBe(68);
  });
});
