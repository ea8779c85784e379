// Streaming quality measures of a recording, taken while it is imported:
// peak and clipping on the decoded samples as they are in the file, loudness
// and silence on the 16 kHz mono signal the models analyse. The per-sample
// work runs in the SIMD kernel; only a few samples of state stay here.
import { scratchDspKernel } from "./kernel";

export interface AudioQuality {
  durationSeconds: number;
  /** Highest |sample| over all channels of the original, in dBFS (full scale = 0 dBFS). */
  peakDbfs: number;
  /** RMS of the 16 kHz mono analysis signal in dBFS; a full-scale sine reads −3.01 dBFS. */
  rmsDbfs: number;
  /** Fraction of original sample frames inside a clipped run (see CLIPPING_MIN_RUN). */
  clippingRatio: number;
  /** Fraction of the analysis signal in 20 ms frames quieter than SILENCE_THRESHOLD_DBFS. */
  silenceRatio: number;
}

export interface QualityMeter {
  /** Next chunk of original decoded samples, one array per channel, all the same length. */
  pushOriginal(channels: readonly Float32Array[]): void;
  /** Next chunk of the mono analysis signal (at analysisSampleRate). */
  pushAnalysis(samples: Float32Array): void;
  /** Measures so far; may be called at any time and does not end the stream. */
  result(): AudioQuality;
}

/** Digital silence would be −Infinity dBFS, which JSON cannot hold: levels are floored here. */
export const DBFS_FLOOR = -120;
/** |sample| at or above this counts as full scale. */
export const CLIPPING_LEVEL = 0.999;
/**
 * A frame counts as clipped only inside a run of at least this many
 * consecutive full-scale frames: a single sample touching full scale is what a
 * peak-normalised file looks like, a flat top of two or more is clipping. A
 * frame is full scale when any channel is, so runs may switch channel. The
 * kernel's clip_scan is written for runs of two; changing this means changing it.
 */
export const CLIPPING_MIN_RUN = 2;
export const SILENCE_FRAME_SECONDS = 0.02;
/** A 20 ms frame whose RMS is below this is silent (room tone of a quiet room sits near −60 dBFS). */
export const SILENCE_THRESHOLD_DBFS = -50;
export const DEFAULT_ANALYSIS_SAMPLE_RATE = 16_000;

// Frames per kernel call.
const BLOCK = 16_384;

function toDbfs(amplitude: number): number {
  return amplitude > 0 ? Math.max(DBFS_FLOOR, 20 * Math.log10(amplitude)) : DBFS_FLOOR;
}

export function createQualityMeter(originalSampleRate: number, analysisSampleRate = DEFAULT_ANALYSIS_SAMPLE_RATE): QualityMeter {
  if (!(originalSampleRate > 0) || !(analysisSampleRate > 0)) {
    throw new RangeError(`createQualityMeter: sample rates must be positive (got ${originalSampleRate} and ${analysisSampleRate})`);
  }
  const frameLength = Math.max(1, Math.round(SILENCE_FRAME_SECONDS * analysisSampleRate));
  const silentEnergy = frameLength * 10 ** (SILENCE_THRESHOLD_DBFS / 10);

  let originalFrames = 0;
  let peak = 0;
  let clippedFrames = 0;
  // The two frames before the next chunk, which the clipping scan looks back at.
  let before2 = 0;
  let before1 = 0;

  let analysisSamples = 0;
  let sumSquares = 0;
  let silentSamples = 0;
  const carry = new Float32Array(frameLength);
  let carryLength = 0;

  return {
    pushOriginal(channels) {
      const first = channels[0];
      if (!first) throw new RangeError("pushOriginal needs at least one channel");
      const length = first.length;
      if (channels.some((channel) => channel.length !== length)) {
        throw new RangeError("pushOriginal: channels of one chunk must have the same length");
      }
      // Layout in floats: [peak, 3 unused, 0, 0, before2, before1 | frames … | other channel …]
      const x = 8;
      const other = x + BLOCK + 4;
      const kernel = scratchDspKernel((other + BLOCK + 4) * 4);
      const heap = new Float32Array(kernel.memory.buffer);
      const { abs_max_into, clip_scan } = kernel.exports;
      for (let offset = 0; offset < length; offset += BLOCK) {
        const count = Math.min(BLOCK, length - offset);
        heap[x - 4] = 0;
        heap[x - 3] = 0;
        heap[x - 2] = before2;
        heap[x - 1] = before1;
        heap.set(first.subarray(offset, offset + count), x);
        for (let c = 1; c < channels.length; c += 1) {
          heap.set(channels[c]!.subarray(offset, offset + count), other);
          abs_max_into(x * 4, other * 4, count);
        }
        heap.fill(0, x + count, x + count + 4);
        clippedFrames += clip_scan(x * 4, count, CLIPPING_LEVEL, 0);
        peak = Math.max(peak, heap[0]!);
        before2 = heap[x + count - 2]!;
        before1 = heap[x + count - 1]!;
      }
      originalFrames += length;
    },

    pushAnalysis(samples) {
      // Layout in floats: [carried partial frame, samples … | frame energies …]
      const x = 0;
      const capacity = frameLength + BLOCK;
      const energies = capacity + 4;
      const kernel = scratchDspKernel((energies + Math.ceil(capacity / frameLength) + 4) * 4);
      const heap = new Float32Array(kernel.memory.buffer);
      const { frame_energy } = kernel.exports;
      for (let offset = 0; offset < samples.length; offset += BLOCK) {
        const count = Math.min(BLOCK, samples.length - offset);
        heap.set(carry.subarray(0, carryLength), x);
        heap.set(samples.subarray(offset, offset + count), x + carryLength);
        const total = carryLength + count;
        const frames = Math.floor(total / frameLength);
        frame_energy(x * 4, frames, frameLength, energies * 4);
        for (let f = 0; f < frames; f += 1) {
          const energy = heap[energies + f]!;
          sumSquares += energy;
          if (energy < silentEnergy) silentSamples += frameLength;
        }
        carryLength = total - frames * frameLength;
        carry.set(heap.subarray(x + frames * frameLength, x + total));
      }
      analysisSamples += samples.length;
    },

    result() {
      let partialEnergy = 0;
      for (let i = 0; i < carryLength; i += 1) partialEnergy += carry[i]! * carry[i]!;
      // A last partial frame counts with its own length.
      const partialSilent = carryLength > 0 && partialEnergy / carryLength < silentEnergy / frameLength ? carryLength : 0;
      return {
        durationSeconds: originalFrames > 0 ? originalFrames / originalSampleRate : analysisSamples / analysisSampleRate,
        peakDbfs: toDbfs(peak),
        rmsDbfs: analysisSamples > 0 ? toDbfs(Math.sqrt((sumSquares + partialEnergy) / analysisSamples)) : DBFS_FLOOR,
        clippingRatio: originalFrames > 0 ? clippedFrames / originalFrames : 0,
        // Nothing to hear counts as silence, consistent with the −120 dBFS floor.
        silenceRatio: analysisSamples > 0 ? (silentSamples + partialSilent) / analysisSamples : 1,
      };
    },
  };
}
