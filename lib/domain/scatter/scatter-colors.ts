import { hexToOklab, mixOklab, type Oklab, oklabToHex } from "./oklab";

/**
 * Colours for the projection scatter.
 *
 * The categorical palette was chosen by greedy max–min selection in OKLab over
 * candidates with lightness 0.50–0.80 (readable on both the light and the dark
 * theme), seeded with a blue and an orange, scoring each candidate by its
 * smallest distance to those already chosen in normal vision and under
 * simulated deuteranopia and protanopia (Machado et al. 2009, full severity).
 * So the order matters: the first 8 stay apart (ΔE_ok ≥ 0.11) for the common
 * colour-vision deficiencies, and all 24 are apart in normal vision
 * (ΔE_ok ≥ 0.09). Beyond 24 categories colours repeat; the legend and
 * tooltip tell them apart.
 */
export const CATEGORICAL_PALETTE: readonly string[] = [
  "#2f6fd0", "#e69a1f", "#944d24", "#2bd1fe", "#4c9ea1", "#a81982", "#77d4a8", "#c57951",
  "#c772f6", "#327155", "#fb5c99", "#d8addb", "#45961f", "#a068a5", "#7444b4", "#9ed313",
  "#9da46a", "#9699cf", "#cc2443", "#ec928c", "#7f63ee", "#3795df", "#cdbe82", "#4c6291",
];

/** Points whose value is missing: a neutral grey, no hue to confuse with a category. */
export const MISSING_COLOR = "#8c8c8c";

/**
 * Stops of the continuous scale, viridis-like but our own: OKLCH lightness
 * rising evenly from 0.36 to 0.93 while hue turns from violet (295°) to
 * yellow (105°), chroma reduced only where sRGB cannot show it. Lightness
 * alone carries the order, so the scale reads in greyscale and for every
 * colour-vision deficiency. Interpolated linearly in OKLab.
 */
export const CONTINUOUS_STOPS: readonly string[] = [
  "#442878", "#3545a0", "#0168ab", "#0785a6", "#0ca1a7", "#0cbea1", "#55d784", "#b3e375", "#f5ed81",
];

const STOPS_OKLAB: readonly Oklab[] = CONTINUOUS_STOPS.map(hexToOklab);

/** The colour of category `code` (0-based); codes past the palette wrap around. Negative codes are missing. */
export function categoricalColor(code: number): string {
  if (code < 0 || !Number.isInteger(code)) return MISSING_COLOR;
  return CATEGORICAL_PALETTE[code % CATEGORICAL_PALETTE.length]!;
}

/** The colour at `t` in [0, 1] along the continuous scale (clamped); NaN is missing. */
export function continuousColorAt(t: number): string {
  if (Number.isNaN(t)) return MISSING_COLOR;
  const clamped = t <= 0 ? 0 : t >= 1 ? 1 : t;
  const position = clamped * (STOPS_OKLAB.length - 1);
  const lower = Math.min(Math.floor(position), STOPS_OKLAB.length - 2);
  return oklabToHex(mixOklab(STOPS_OKLAB[lower]!, STOPS_OKLAB[lower + 1]!, position - lower));
}

/** The colour of `value` on a scale over `domain` (values outside it take the end colours); NaN is missing. */
export function continuousColor(value: number, domain: readonly [number, number]): string {
  if (!Number.isFinite(value)) return MISSING_COLOR;
  const [low, high] = domain;
  return continuousColorAt(high === low ? 0.5 : (value - low) / (high - low));
}

/** `steps` evenly spaced colours from the low to the high end, for a colour texture or a gradient. */
export function continuousRamp(steps: number): string[] {
  if (steps < 2) return [continuousColorAt(0.5)];
  return Array.from({ length: steps }, (_, index) => continuousColorAt(index / (steps - 1)));
}
