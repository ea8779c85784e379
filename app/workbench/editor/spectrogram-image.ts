/**
 * Spectrogram levels (0…255, column-major, bin 0 at 0 Hz) turned into RGBA
 * pixels for a canvas: one pixel per column and bin, low frequencies at the
 * bottom, through a perceptually even colour map (viridis), so loudness
 * reads the same on light and dark themes.
 */

/** Viridis at nine evenly spaced stops. */
const VIRIDIS: readonly (readonly [number, number, number])[] = [
  [68, 1, 84],
  [71, 44, 122],
  [59, 81, 139],
  [44, 113, 142],
  [33, 144, 141],
  [39, 173, 129],
  [92, 200, 99],
  [170, 220, 50],
  [253, 231, 37],
];

/** 256 RGBA entries interpolated between the stops. */
export function viridisPalette(): Uint8ClampedArray {
  const palette = new Uint8ClampedArray(256 * 4);
  const segments = VIRIDIS.length - 1;
  for (let level = 0; level < 256; level++) {
    const position = (level / 255) * segments;
    const index = Math.min(segments - 1, Math.floor(position));
    const t = position - index;
    const from = VIRIDIS[index]!;
    const to = VIRIDIS[index + 1]!;
    for (let channel = 0; channel < 3; channel++) palette[level * 4 + channel] = Math.round(from[channel]! + (to[channel]! - from[channel]!) * t);
    palette[level * 4 + 3] = 255;
  }
  return palette;
}

/** RGBA pixels, `columns` wide and `bins` high, for ImageData. */
export function spectrogramPixels(levels: Uint8Array, columns: number, bins: number, palette: Uint8ClampedArray): Uint8ClampedArray<ArrayBuffer> {
  const pixels = new Uint8ClampedArray(columns * bins * 4);
  for (let column = 0; column < columns; column++) {
    for (let bin = 0; bin < bins; bin++) {
      const level = levels[column * bins + bin]!;
      const row = bins - 1 - bin;
      const target = (row * columns + column) * 4;
      pixels[target] = palette[level * 4]!;
      pixels[target + 1] = palette[level * 4 + 1]!;
      pixels[target + 2] = palette[level * 4 + 2]!;
      pixels[target + 3] = 255;
    }
  }
  return pixels;
}
