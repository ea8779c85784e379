/**
 * sRGB hex ↔ OKLab (Björn Ottosson's perceptual space). The scatter's
 * continuous scale interpolates here so equal steps in value look like equal
 * steps in colour, and the palette tests measure distinctness here.
 */
export type Oklab = readonly [lightness: number, a: number, b: number];

const HEX = /^#([0-9a-f]{6})$/i;

/** `#rrggbb` to linear-light RGB in [0, 1]; throws on anything else, since palettes are constants written by us. */
export function hexToLinearRgb(hex: string): [number, number, number] {
  const match = HEX.exec(hex);
  if (!match) throw new RangeError(`not a #rrggbb colour: ${hex}`);
  const value = Number.parseInt(match[1]!, 16);
  return [(value >> 16) & 255, (value >> 8) & 255, value & 255].map((channel) => toLinear(channel / 255)) as [number, number, number];
}

export function linearRgbToHex(rgb: readonly [number, number, number]): string {
  return `#${rgb.map((channel) => Math.round(toGamma(clamp01(channel)) * 255).toString(16).padStart(2, "0")).join("")}`;
}

export function linearRgbToOklab([r, g, b]: readonly [number, number, number]): Oklab {
  const l = Math.cbrt(0.4122214708 * r + 0.5363325363 * g + 0.0514459929 * b);
  const m = Math.cbrt(0.2119034982 * r + 0.6806995451 * g + 0.1073969566 * b);
  const s = Math.cbrt(0.0883024619 * r + 0.2817188376 * g + 0.6299787005 * b);
  return [
    0.2104542553 * l + 0.793617785 * m - 0.0040720468 * s,
    1.9779984951 * l - 2.428592205 * m + 0.4505937099 * s,
    0.0259040371 * l + 0.7827717662 * m - 0.808675766 * s,
  ];
}

export function oklabToLinearRgb([lightness, a, b]: Oklab): [number, number, number] {
  const l = (lightness + 0.3963377774 * a + 0.2158037573 * b) ** 3;
  const m = (lightness - 0.1055613458 * a - 0.0638541728 * b) ** 3;
  const s = (lightness - 0.0894841775 * a - 1.291485548 * b) ** 3;
  return [
    4.0767416621 * l - 3.3077115913 * m + 0.2309699292 * s,
    -1.2684380046 * l + 2.6097574011 * m - 0.3413193965 * s,
    -0.0041960863 * l - 0.7034186147 * m + 1.707614701 * s,
  ];
}

export function hexToOklab(hex: string): Oklab {
  return linearRgbToOklab(hexToLinearRgb(hex));
}

export function oklabToHex(lab: Oklab): string {
  return linearRgbToHex(oklabToLinearRgb(lab));
}

/** Euclidean distance in OKLab (ΔE_ok): about 0.02 is a just-noticeable difference. */
export function oklabDistance(first: Oklab, second: Oklab): number {
  return Math.hypot(first[0] - second[0], first[1] - second[1], first[2] - second[2]);
}

export function mixOklab(from: Oklab, to: Oklab, t: number): Oklab {
  return [from[0] + (to[0] - from[0]) * t, from[1] + (to[1] - from[1]) * t, from[2] + (to[2] - from[2]) * t];
}

function toLinear(channel: number): number {
  return channel <= 0.04045 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4;
}

function toGamma(channel: number): number {
  return channel <= 0.0031308 ? 12.92 * channel : 1.055 * channel ** (1 / 2.4) - 0.055;
}

function clamp01(value: number): number {
  return value < 0 ? 0 : value > 1 ? 1 : value;
}
