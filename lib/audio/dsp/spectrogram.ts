// Spectrogram columns for the editor: one column per pixel of the visible
// range, computed on the server from a bounded number of FFT windows, so an
// hour-wide view costs what a ten-second one does and the browser never
// decodes audio.
import { DEFAULT_SPECTROGRAM_FFT_SIZE, SPECTROGRAM_DB_FLOOR, spectrogramDbToLevel } from "../../domain/spectrogram-format";

export const DEFAULT_WINDOWS_PER_COLUMN = 4;
export const MIN_FFT_SIZE = 16;
export const MAX_FFT_SIZE = 32_768;

export interface SpectrogramOptions {
  /** First sample of the range (inclusive). */
  readonly startSample: number;
  /** End of the range (exclusive). */
  readonly endSample: number;
  readonly columns: number;
  /** A power of two; default 512 (32 ms at 16 kHz). */
  readonly fftSize?: number;
  /** Output bins per column, 1 … fftSize / 2; default fftSize / 2. Fewer bins keep the loudest of the FFT bins each covers. */
  readonly bins?: number;
  /** Most windows averaged in a column that spans more audio than one window; default 4. */
  readonly windowsPerColumn?: number;
  /** dBFS that level 0 stands for; default −100. */
  readonly dbFloor?: number;
}

export interface SpectrogramPlan {
  readonly sampleRate: number;
  readonly startSample: number;
  readonly endSample: number;
  readonly columns: number;
  readonly fftSize: number;
  readonly bins: number;
  readonly dbFloor: number;
  /** First sample of every window, column by column, never decreasing. Windows may reach outside the signal (read as silence). */
  readonly windowStarts: Float64Array;
  /** Column c's windows are windowStarts[columnOffsets[c]] … windowStarts[columnOffsets[c + 1] − 1]. */
  readonly columnOffsets: Uint32Array;
}

export interface Spectrogram {
  readonly sampleRate: number;
  readonly startSample: number;
  readonly endSample: number;
  readonly columns: number;
  readonly bins: number;
  readonly fftSize: number;
  readonly dbFloor: number;
  /** columns × bins levels (0 = floor, 255 = 0 dBFS), column-major, bin 0 at 0 Hz. */
  readonly levels: Uint8Array<ArrayBuffer>;
  /** FFTs computed: at most columns × windowsPerColumn, whatever the range's length. */
  readonly fftCount: number;
}

/** Fills `out` (fftSize long) with the samples from `firstSample` on, as floats in [−1, 1], zero outside the signal. */
export type WindowReader = (firstSample: number, out: Float32Array) => void;

/**
 * Where the windows go. A column no wider than a window gets one window
 * centred in it. A wider column gets ceil(width / fftSize) windows, at most
 * `windowsPerColumn`, spread evenly over it, and their power is averaged:
 * a column then reflects its whole span, not the instant at its centre.
 */
export function planSpectrogram(sampleRate: number, options: SpectrogramOptions): SpectrogramPlan {
  if (!(sampleRate > 0) || !Number.isFinite(sampleRate)) throw new RangeError(`spectrogram: sampleRate must be above 0 (got ${sampleRate})`);
  const { startSample, endSample, columns } = options;
  const fftSize = options.fftSize ?? DEFAULT_SPECTROGRAM_FFT_SIZE;
  const bins = options.bins ?? fftSize / 2;
  const perColumnLimit = options.windowsPerColumn ?? DEFAULT_WINDOWS_PER_COLUMN;
  const dbFloor = options.dbFloor ?? SPECTROGRAM_DB_FLOOR;
  if (!Number.isSafeInteger(startSample) || !Number.isSafeInteger(endSample) || startSample < 0 || endSample <= startSample) {
    throw new RangeError(`spectrogram: the range must be whole samples with 0 ≤ start < end (got ${startSample} … ${endSample})`);
  }
  if (!Number.isInteger(columns) || columns < 1) throw new RangeError(`spectrogram: columns must be a whole number ≥ 1 (got ${columns})`);
  if (!Number.isInteger(fftSize) || fftSize < MIN_FFT_SIZE || fftSize > MAX_FFT_SIZE || (fftSize & (fftSize - 1)) !== 0) {
    throw new RangeError(`spectrogram: fftSize must be a power of two from ${MIN_FFT_SIZE} to ${MAX_FFT_SIZE} (got ${fftSize})`);
  }
  if (!Number.isInteger(bins) || bins < 1 || bins > fftSize / 2) {
    throw new RangeError(`spectrogram: bins must be a whole number from 1 to ${fftSize / 2} (got ${bins})`);
  }
  if (!Number.isInteger(perColumnLimit) || perColumnLimit < 1) {
    throw new RangeError(`spectrogram: windowsPerColumn must be a whole number ≥ 1 (got ${perColumnLimit})`);
  }
  if (!(dbFloor < 0)) throw new RangeError(`spectrogram: dbFloor must be below 0 dBFS (got ${dbFloor})`);

  const span = (endSample - startSample) / columns;
  const perColumn = span <= fftSize ? 1 : Math.min(perColumnLimit, Math.ceil(span / fftSize));
  const windowStarts = new Float64Array(columns * perColumn);
  const columnOffsets = new Uint32Array(columns + 1);
  for (let column = 0; column < columns; column++) {
    columnOffsets[column] = column * perColumn;
    for (let k = 0; k < perColumn; k++) {
      const centre = startSample + (column + (k + 0.5) / perColumn) * span;
      windowStarts[column * perColumn + k] = Math.round(centre - fftSize / 2);
    }
  }
  columnOffsets[columns] = columns * perColumn;
  return { sampleRate, startSample, endSample, columns, fftSize, bins, dbFloor, windowStarts, columnOffsets };
}

/** Computes the planned columns, asking `read` for each window's samples once, in plan order. */
export function renderSpectrogram(plan: SpectrogramPlan, read: WindowReader): Spectrogram {
  const { columns, fftSize, bins, dbFloor, windowStarts, columnOffsets } = plan;
  const half = fftSize / 2;
  const fft = realFft(fftSize);
  const frame = new Float32Array(fftSize);
  const power = new Float64Array(half);
  const sum = new Float64Array(half);
  const levels = new Uint8Array(columns * bins);
  // A full-scale sine centred in a bin has magnitude fftSize / 4 after the Hann window (coherent gain ½): that is 0 dBFS.
  const reference = (fftSize / 4) ** 2;
  for (let column = 0; column < columns; column++) {
    const first = columnOffsets[column]!;
    const end = columnOffsets[column + 1]!;
    sum.fill(0);
    for (let index = first; index < end; index++) {
      read(windowStarts[index]!, frame);
      fft.power(frame, power);
      for (let bin = 0; bin < half; bin++) sum[bin]! += power[bin]!;
    }
    const scale = 1 / ((end - first) * reference);
    const offset = column * bins;
    for (let bin = 0; bin < bins; bin++) {
      // Fewer output bins than FFT bins keep the loudest they cover, so a narrow tone stays visible.
      const from = Math.floor((bin * half) / bins);
      const to = Math.max(from + 1, Math.floor(((bin + 1) * half) / bins));
      let loudest = 0;
      for (let source = from; source < to; source++) if (sum[source]! > loudest) loudest = sum[source]!;
      levels[offset + bin] = spectrogramDbToLevel(10 * Math.log10(loudest * scale), dbFloor);
    }
  }
  return {
    sampleRate: plan.sampleRate,
    startSample: plan.startSample,
    endSample: plan.endSample,
    columns,
    bins,
    fftSize,
    dbFloor,
    levels,
    fftCount: windowStarts.length,
  };
}

/**
 * The spectrogram of samples[startSample … endSample) of a signal held in
 * memory (Int16 as stored, value / 32768; or floats in [−1, 1]). Windows
 * near the range's edges read the neighbouring samples, and silence beyond
 * the signal.
 */
export function spectrogramColumns(samples: Int16Array | Float32Array, sampleRate: number, options: SpectrogramOptions): Spectrogram {
  return renderSpectrogram(planSpectrogram(sampleRate, options), arrayWindowReader(samples, 0));
}

/** A WindowReader over `samples`, whose first element is sample `firstSample` of the signal. */
export function arrayWindowReader(samples: Int16Array | Float32Array, firstSample: number): WindowReader {
  const scale = samples instanceof Int16Array ? 1 / 32_768 : 1;
  return (windowStart, out) => {
    const from = windowStart - firstSample;
    for (let n = 0; n < out.length; n++) {
      const index = from + n;
      out[n] = index >= 0 && index < samples.length ? samples[index]! * scale : 0;
    }
  };
}

interface RealFft {
  /** Applies the Hann window to `frame` and writes |X[k]|² for k = 0 … fftSize/2 − 1 into `power`. */
  power(frame: Float32Array, power: Float64Array): void;
}

const fftCache = new Map<number, RealFft>();

/**
 * A radix-2 FFT of a real frame of n samples, done as a complex FFT of n/2
 * points (even samples as real parts, odd as imaginary) and one split pass:
 * half the work of transforming n complex values with zero imaginary parts.
 */
export function realFft(n: number): RealFft {
  const cached = fftCache.get(n);
  if (cached) return cached;
  const m = n / 2;
  const hann = new Float64Array(n);
  for (let i = 0; i < n; i++) hann[i] = 0.5 - 0.5 * Math.cos((2 * Math.PI * i) / n);
  const bits = Math.log2(m);
  const reversed = new Uint32Array(m);
  for (let i = 0; i < m; i++) {
    let r = 0;
    for (let b = 0; b < bits; b++) r |= ((i >> b) & 1) << (bits - 1 - b);
    reversed[i] = r;
  }
  // Twiddles of the n/2-point transform, and of the split pass (e^{−2πik/n}).
  const cosM = new Float64Array(Math.max(1, m / 2));
  const sinM = new Float64Array(Math.max(1, m / 2));
  for (let j = 0; j < m / 2; j++) {
    cosM[j] = Math.cos((2 * Math.PI * j) / m);
    sinM[j] = Math.sin((2 * Math.PI * j) / m);
  }
  const cosN = new Float64Array(m);
  const sinN = new Float64Array(m);
  for (let k = 0; k < m; k++) {
    cosN[k] = Math.cos((2 * Math.PI * k) / n);
    sinN[k] = Math.sin((2 * Math.PI * k) / n);
  }
  const re = new Float64Array(m);
  const im = new Float64Array(m);

  const fft: RealFft = {
    power(frame, power) {
      for (let i = 0; i < m; i++) {
        const target = reversed[i]!;
        re[target] = frame[2 * i]! * hann[2 * i]!;
        im[target] = frame[2 * i + 1]! * hann[2 * i + 1]!;
      }
      for (let size = 2; size <= m; size *= 2) {
        const halfSize = size / 2;
        const step = m / size;
        for (let start = 0; start < m; start += size) {
          for (let j = 0; j < halfSize; j++) {
            const wr = cosM[j * step]!;
            const wi = -sinM[j * step]!;
            const a = start + j;
            const b = a + halfSize;
            const tr = re[b]! * wr - im[b]! * wi;
            const ti = re[b]! * wi + im[b]! * wr;
            re[b] = re[a]! - tr;
            im[b] = im[a]! - ti;
            re[a] = re[a]! + tr;
            im[a] = im[a]! + ti;
          }
        }
      }
      for (let k = 0; k < m; k++) {
        const mirror = k === 0 ? 0 : m - k;
        const a = re[k]!;
        const b = im[k]!;
        const c = re[mirror]!;
        const d = im[mirror]!;
        // Z[k] splits into the even samples' spectrum E and the odd samples' O: X[k] = E + e^{−2πik/n}·O.
        const er = (a + c) / 2;
        const ei = (b - d) / 2;
        const or = (b + d) / 2;
        const oi = (c - a) / 2;
        const cos = cosN[k]!;
        const sin = sinN[k]!;
        const xr = er + or * cos + oi * sin;
        const xi = ei + oi * cos - or * sin;
        power[k] = xr * xr + xi * xi;
      }
    },
  };
  fftCache.set(n, fft);
  return fft;
}
