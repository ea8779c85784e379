import { describe, expect, it } from "vitest";
import { hexToLinearRgb, hexToOklab, linearRgbToOklab, type Oklab, oklabDistance } from "./oklab";
import { CATEGORICAL_PALETTE, categoricalColor, CONTINUOUS_STOPS, continuousColor, continuousColorAt, continuousRamp, MISSING_COLOR } from "./scatter-colors";

// Machado, Oliveira & Fernandes (2009), severity 1.0, applied to linear RGB.
const DEFICIENCIES: Record<string, readonly (readonly number[])[]> = {
  deuteranopia: [[0.367322, 0.860646, -0.227968], [0.280085, 0.672501, 0.047413], [-0.01182, 0.04294, 0.968881]],
  protanopia: [[0.152286, 1.052583, -0.204868], [0.114503, 0.786281, 0.099216], [-0.003882, -0.048116, 1.051998]],
};

function seenAs(hex: string, matrix?: readonly (readonly number[])[]): Oklab {
  const rgb = hexToLinearRgb(hex);
  if (!matrix) return linearRgbToOklab(rgb);
  const simulated = matrix.map((row) => Math.min(1, Math.max(0, row[0]! * rgb[0] + row[1]! * rgb[1] + row[2]! * rgb[2]))) as [number, number, number];
  return linearRgbToOklab(simulated);
}

function smallestDistance(colors: readonly string[], matrix?: readonly (readonly number[])[]): number {
  let smallest = Number.POSITIVE_INFINITY;
  for (let i = 0; i < colors.length; i++) {
    for (let j = i + 1; j < colors.length; j++) smallest = Math.min(smallest, oklabDistance(seenAs(colors[i]!, matrix), seenAs(colors[j]!, matrix)));
  }
  return smallest;
}

describe("categorical palette", () => {
  it("has at least 20 distinct #rrggbb colours", () => {
    expect(CATEGORICAL_PALETTE.length).toBeGreaterThanOrEqual(20);
    expect(new Set(CATEGORICAL_PALETTE).size).toBe(CATEGORICAL_PALETTE.length);
    for (const color of CATEGORICAL_PALETTE) expect(color).toMatch(/^#[0-9a-f]{6}$/);
  });

  it("keeps every colour apart in normal vision", () => {
    expect(smallestDistance(CATEGORICAL_PALETTE)).toBeGreaterThanOrEqual(0.09);
  });

  it("keeps the first eight apart for deuteranopia and protanopia, where the ordering matters most", () => {
    const firstEight = CATEGORICAL_PALETTE.slice(0, 8);
    expect(smallestDistance(firstEight)).toBeGreaterThanOrEqual(0.11);
    for (const matrix of Object.values(DEFICIENCIES)) expect(smallestDistance(firstEight, matrix)).toBeGreaterThanOrEqual(0.11);
  });

  it("stays mid-light so points show on the light and the dark theme", () => {
    for (const color of CATEGORICAL_PALETTE) {
      const [lightness] = hexToOklab(color);
      expect(lightness).toBeGreaterThanOrEqual(0.495);
      expect(lightness).toBeLessThanOrEqual(0.805);
    }
  });

  it("gives missing values a grey no category is confused with", () => {
    const missing = hexToOklab(MISSING_COLOR);
    expect(Math.hypot(missing[1], missing[2])).toBeLessThan(0.001);
    for (const color of CATEGORICAL_PALETTE) expect(oklabDistance(missing, hexToOklab(color))).toBeGreaterThan(0.05);
  });

  it("wraps codes past the palette and colours negative codes as missing", () => {
    expect(categoricalColor(0)).toBe(CATEGORICAL_PALETTE[0]);
    expect(categoricalColor(CATEGORICAL_PALETTE.length + 2)).toBe(CATEGORICAL_PALETTE[2]);
    expect(categoricalColor(-1)).toBe(MISSING_COLOR);
  });
});

describe("continuous scale", () => {
  it("starts and ends on its stops", () => {
    expect(continuousColorAt(0)).toBe(CONTINUOUS_STOPS[0]);
    expect(continuousColorAt(1)).toBe(CONTINUOUS_STOPS[CONTINUOUS_STOPS.length - 1]);
  });

  it("rises in lightness all along the ramp, so order reads without hue", () => {
    const lightness = continuousRamp(64).map((color) => hexToOklab(color)[0]);
    for (let index = 1; index < lightness.length; index++) expect(lightness[index]!).toBeGreaterThan(lightness[index - 1]!);
  });

  it("maps a domain onto the ramp, clamping outside it", () => {
    expect(continuousColor(10, [10, 20])).toBe(continuousColorAt(0));
    expect(continuousColor(15, [10, 20])).toBe(continuousColorAt(0.5));
    expect(continuousColor(99, [10, 20])).toBe(continuousColorAt(1));
    expect(continuousColor(-5, [10, 20])).toBe(continuousColorAt(0));
  });

  it("colours NaN as missing and a one-value domain at the middle", () => {
    expect(continuousColor(Number.NaN, [0, 1])).toBe(MISSING_COLOR);
    expect(continuousColor(3, [3, 3])).toBe(continuousColorAt(0.5));
  });
});
