// Multi-resolution min/max peaks of the 16 kHz mono signal, built while the
// import streams through it, so the editor can draw an hour-long recording
// without decoding it in the browser.
import { scratchDspKernel } from "./kernel";

export interface PeaksOptions {
  /** Default 16000. */
  readonly sampleRate?: number;
  /** Samples per pixel of each level, finest first; each a multiple of the one before. Default DEFAULT_PEAKS_LEVELS. */
  readonly levels?: readonly number[];
}

export const DEFAULT_PEAKS_LEVELS: readonly number[] = [16, 64, 256, 1024, 4096];
export const DEFAULT_PEAKS_OPTIONS: Required<PeaksOptions> = { sampleRate: 16_000, levels: DEFAULT_PEAKS_LEVELS };
/** Largest finest level: its blocks are measured in the kernel's scratch memory. */
export const MAX_FINEST_SAMPLES_PER_PIXEL = 65_536;
/** Int16 scale of a peak: value × 32767, rounded, clamped to ±32767. */
export const PEAK_SCALE = 32_767;

export interface WaveformPeaksLevel {
  readonly samplesPerPixel: number;
  /** [min0, max0, min1, max1, …], one pair per block of samplesPerPixel samples (the last block may be partial). */
  readonly data: Int16Array;
}

export interface WaveformPeaks {
  readonly sampleRate: number;
  readonly totalSamples: number;
  readonly levels: readonly WaveformPeaksLevel[];
}

export interface PeaksBuilder {
  push(samples: Float32Array): void;
  /** Closes the last partial blocks and returns every level; the builder cannot be used afterwards. */
  finish(): WaveformPeaks;
}

export function quantizePeak(value: number): number {
  const scaled = Math.round(value * PEAK_SCALE);
  return scaled > PEAK_SCALE ? PEAK_SCALE : scaled < -PEAK_SCALE ? -PEAK_SCALE : scaled;
}

function checkOptions({ sampleRate, levels }: Required<PeaksOptions>): void {
  if (!(sampleRate > 0) || !Number.isInteger(sampleRate)) {
    throw new RangeError(`peaks: sampleRate must be a positive whole number (got ${sampleRate})`);
  }
  if (levels.length === 0) throw new RangeError("peaks: at least one level is needed");
  if (levels[0]! > MAX_FINEST_SAMPLES_PER_PIXEL) {
    throw new RangeError(`peaks: the finest level may have at most ${MAX_FINEST_SAMPLES_PER_PIXEL} samples per pixel (got ${levels[0]})`);
  }
  levels.forEach((samplesPerPixel, index) => {
    if (!Number.isInteger(samplesPerPixel) || samplesPerPixel < 1 || samplesPerPixel > 0xffff_ffff) {
      throw new RangeError(`peaks: level ${index} has ${samplesPerPixel} samples per pixel; use a positive whole number`);
    }
    const finer = levels[index - 1];
    if (finer !== undefined && (samplesPerPixel <= finer || samplesPerPixel % finer !== 0)) {
      throw new RangeError(
        `peaks: level ${index} (${samplesPerPixel} samples per pixel) must be a larger multiple of level ${index - 1} (${finer})`,
      );
    }
  });
}

/** Int16 pairs appended in batches, stored in an array that doubles when full. */
class PairSink {
  data = new Int16Array(1024);
  length = 0;

  reserve(values: number): void {
    if (this.length + values <= this.data.length) return;
    let capacity = this.data.length * 2;
    while (capacity < this.length + values) capacity *= 2;
    const grown = new Int16Array(capacity);
    grown.set(this.data.subarray(0, this.length));
    this.data = grown;
  }
}

// Samples per kernel call.
const BLOCK = 16_384;

/**
 * Streams samples into min/max pairs at every level. The finest level is
 * measured from the samples (in the SIMD kernel); each coarser level is folded
 * from the pairs of the level below, so a coarse pair is exactly the min/max
 * of the finer pairs it covers and the whole recording is never held.
 */
export function createPeaksBuilder(options: PeaksOptions = {}): PeaksBuilder {
  const settings: Required<PeaksOptions> = {
    sampleRate: options.sampleRate ?? DEFAULT_PEAKS_OPTIONS.sampleRate,
    levels: options.levels ?? DEFAULT_PEAKS_OPTIONS.levels,
  };
  checkOptions(settings);
  const levels = [...settings.levels];
  const finest = levels[0]!;
  const sinks = levels.map(() => new PairSink());
  // Fine pairs per coarse pair; index 0 is unused.
  const factors = levels.map((samplesPerPixel, index) => (index === 0 ? 1 : samplesPerPixel / levels[index - 1]!));
  // Per coarser level: pairs of the level below already folded, and the open pair.
  const folded = levels.map(() => 0);
  const foldMin = levels.map(() => PEAK_SCALE);
  const foldMax = levels.map(() => -PEAK_SCALE);
  const foldCount = levels.map(() => 0);

  const carry = new Float32Array(finest);
  let carryLength = 0;
  let totalSamples = 0;
  let finished = false;

  function appendFinest(min: number, max: number): void {
    const sink = sinks[0]!;
    sink.reserve(2);
    // A block of nothing but NaN (a broken decoder) draws as silence.
    const valid = min <= max;
    sink.data[sink.length] = valid ? quantizePeak(min) : 0;
    sink.data[sink.length + 1] = valid ? quantizePeak(max) : 0;
    sink.length += 2;
  }

  /** Folds the pairs level − 1 gained since the last call into level `level`. */
  function fold(level: number): void {
    const source = sinks[level - 1]!;
    const sink = sinks[level]!;
    const factor = factors[level]!;
    const data = source.data;
    let min = foldMin[level]!;
    let max = foldMax[level]!;
    let count = foldCount[level]!;
    sink.reserve(Math.ceil((source.length - folded[level]!) / 2 / factor) * 2 + 2);
    const out = sink.data;
    let written = sink.length;
    for (let i = folded[level]!; i < source.length; i += 2) {
      const lo = data[i]!;
      const hi = data[i + 1]!;
      if (lo < min) min = lo;
      if (hi > max) max = hi;
      count += 1;
      if (count === factor) {
        out[written] = min;
        out[written + 1] = max;
        written += 2;
        min = PEAK_SCALE;
        max = -PEAK_SCALE;
        count = 0;
      }
    }
    sink.length = written;
    folded[level] = source.length;
    foldMin[level] = min;
    foldMax[level] = max;
    foldCount[level] = count;
  }

  return {
    push(samples) {
      if (finished) throw new Error("peaks builder used after finish()");
      // Layout in floats: [carried partial block, samples … | min/max pairs …]
      const capacity = finest + BLOCK;
      const pairs = capacity + 4;
      const kernel = scratchDspKernel((pairs + 2 * Math.ceil(capacity / finest) + 4) * 4);
      const heap = new Float32Array(kernel.memory.buffer);
      const { block_minmax } = kernel.exports;
      for (let offset = 0; offset < samples.length; offset += BLOCK) {
        const count = Math.min(BLOCK, samples.length - offset);
        heap.set(carry.subarray(0, carryLength), 0);
        heap.set(samples.subarray(offset, offset + count), carryLength);
        const total = carryLength + count;
        const blocks = Math.floor(total / finest);
        block_minmax(0, blocks, finest, pairs * 4);
        for (let b = 0; b < blocks; b += 1) appendFinest(heap[pairs + 2 * b]!, heap[pairs + 2 * b + 1]!);
        carryLength = total - blocks * finest;
        carry.set(heap.subarray(blocks * finest, total));
      }
      totalSamples += samples.length;
      for (let level = 1; level < levels.length; level += 1) fold(level);
    },

    finish() {
      if (finished) throw new Error("peaks builder finish() called twice");
      finished = true;
      if (carryLength > 0) {
        let min = Infinity;
        let max = -Infinity;
        for (let i = 0; i < carryLength; i += 1) {
          const value = carry[i]!;
          if (value < min) min = value;
          if (value > max) max = value;
        }
        appendFinest(min, max);
      }
      for (let level = 1; level < levels.length; level += 1) {
        fold(level);
        if (foldCount[level]! > 0) {
          const sink = sinks[level]!;
          sink.reserve(2);
          sink.data[sink.length] = foldMin[level]!;
          sink.data[sink.length + 1] = foldMax[level]!;
          sink.length += 2;
        }
      }
      return {
        sampleRate: settings.sampleRate,
        totalSamples,
        levels: levels.map((samplesPerPixel, index) => ({
          samplesPerPixel,
          data: sinks[index]!.data.slice(0, sinks[index]!.length),
        })),
      };
    },
  };
}
