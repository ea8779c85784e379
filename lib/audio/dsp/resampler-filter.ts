// Kaiser-windowed sinc low-pass filters for the polyphase resampler, laid out
// as the WebAssembly kernel reads them: one row of `taps` coefficients per
// phase, rows stored one after the other.

/**
 * Stopband attenuation the filters are designed for. 65 dB keeps aliases far
 * below anything a speech model or a researcher's ear picks up while keeping
 * the 48 kHz filter at 128 taps (speed is dominated by the tap count).
 */
export const RESAMPLER_STOPBAND_DB = 65;

/**
 * Passband edge as a fraction of the lower of the two Nyquist frequencies. The
 * transition band runs from here to that Nyquist frequency, so nothing above
 * the output Nyquist folds back when downsampling and no image survives when
 * upsampling; the -6 dB point lies halfway, at 0.9 of Nyquist.
 */
export const RESAMPLER_PASSBAND_FRACTION = 0.8;

/** Rational ratios with at most this many phases get one exact row per phase. */
export const RESAMPLER_MAX_EXACT_PHASES = 4096;

/** Rows of the interpolated table used for larger phase counts (odd rates such as 22222 Hz). */
export const RESAMPLER_INTERPOLATED_ROWS = 512;

// Keeps one filter table under 8 MB even for extreme ratios.
const MAX_TABLE_FLOATS = 1 << 21;
const TAP_MULTIPLE = 16;

export interface ResamplerFilter {
  /** Coefficients per row: the filter length in input samples, a multiple of 16. */
  readonly taps: number;
  /**
   * Exact: row p is the filter for fractional position p / L. Interpolated:
   * row r is the filter for position r / (rows - 1), and the kernel blends the
   * two rows around phase / L.
   */
  readonly interpolated: boolean;
  readonly rows: number;
  readonly coefficients: Float32Array;
}

export function greatestCommonDivisor(a: number, b: number): number {
  let x = Math.abs(a);
  let y = Math.abs(b);
  while (y !== 0) [x, y] = [y, x % y];
  return x;
}

/** Modified Bessel function of the first kind, order 0 (power series; converges fast for the β used here). */
function besselI0(x: number): number {
  const quarterSquare = (x * x) / 4;
  let sum = 1;
  let term = 1;
  for (let k = 1; k < 200; k += 1) {
    term *= quarterSquare / (k * k);
    sum += term;
    if (term < sum * 1e-17) break;
  }
  return sum;
}

function sinc(x: number): number {
  if (x === 0) return 1;
  const px = Math.PI * x;
  return Math.sin(px) / px;
}

/**
 * Designs the filter for output/input = L / M (already reduced). Output sample
 * n sits at input position n·M/L; its taps are input samples
 * floor(n·M/L) − taps/2 + 1 … floor(n·M/L) + taps/2.
 */
export function designResamplerFilter(upFactor: number, downFactor: number): ResamplerFilter {
  // Frequencies in cycles per input sample.
  const nyquist = Math.min(1, upFactor / downFactor) / 2;
  const cutoff = ((1 + RESAMPLER_PASSBAND_FRACTION) / 2) * nyquist;
  const transition = (1 - RESAMPLER_PASSBAND_FRACTION) * nyquist;
  const attenuation = RESAMPLER_STOPBAND_DB;
  // Kaiser's estimates for length and shape.
  const length = Math.ceil((attenuation - 7.95) / (14.36 * transition)) + 1;
  const taps = Math.ceil(length / TAP_MULTIPLE) * TAP_MULTIPLE;
  const beta = 0.1102 * (attenuation - 8.7);
  const half = taps / 2;

  const interpolated = upFactor > RESAMPLER_MAX_EXACT_PHASES || upFactor * taps > MAX_TABLE_FLOATS;
  const rows = interpolated
    ? Math.max(16, Math.min(RESAMPLER_INTERPOLATED_ROWS, Math.floor(MAX_TABLE_FLOATS / taps) - 1)) + 1
    : upFactor;
  const rowPositions = interpolated ? rows - 1 : upFactor;

  const coefficients = new Float32Array(rows * taps);
  const row = new Float64Array(taps);
  const windowScale = 1 / besselI0(beta);
  for (let r = 0; r < rows; r += 1) {
    const fraction = r / rowPositions;
    let sum = 0;
    for (let k = 0; k < taps; k += 1) {
      // Distance in input samples from the output position to tap k.
      const t = fraction + half - 1 - k;
      const ratio = t / half;
      const window = ratio >= 1 || ratio <= -1 ? 0 : besselI0(beta * Math.sqrt(1 - ratio * ratio)) * windowScale;
      const value = 2 * cutoff * sinc(2 * cutoff * t) * window;
      row[k] = value;
      sum += value;
    }
    // Unit gain at 0 Hz in every phase, so a constant stays exactly constant.
    const offset = r * taps;
    for (let k = 0; k < taps; k += 1) coefficients[offset + k] = row[k]! / sum;
  }
  return { taps, interpolated, rows, coefficients };
}
