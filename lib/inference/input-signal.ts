import { AppError } from "../domain/app-error";
import { LAYER_NORM_EPS } from "../domain/emotion-scores";

/**
 * The audio a model run reads windows from. Stored analysis audio is 16-bit
 * PCM: keeping it as Int16 and converting each window as it is copied out
 * saves a full float copy of the recording (230 MB an hour) and a pass over
 * it, on the thread that onnxruntime's synchronous run also needs.
 */
export interface InputSignal {
  readonly length: number;
  /** Mean and 1/sqrt(variance + eps), as layer normalisation applies them. */
  normalisation(): { mean: number; scale: number };
  /** target[k] = (x[start + k] − mean) · scale for k < target.length. */
  copyWindow(target: Float32Array, start: number, mean: number, scale: number): void;
}

export function float32Signal(samples: Float32Array): InputSignal {
  return {
    length: samples.length,
    normalisation: () => stats(samples, 1),
    copyWindow: (target, start, mean, scale) => {
      const source = samples.subarray(start, start + target.length);
      if (mean === 0 && scale === 1) target.set(source);
      else for (let k = 0; k < target.length; k++) target[k] = (source[k]! - mean) * scale;
    },
  };
}

/** 16-bit PCM read as value / 32768, the scale the WAV reader uses. */
export function pcm16Signal(pcm: Int16Array): InputSignal {
  const unit = 1 / 32768;
  return {
    length: pcm.length,
    normalisation: () => stats(pcm, unit),
    copyWindow: (target, start, mean, scale) => convertPcm16(pcm.subarray(start, start + target.length), target, unit * scale, mean * scale),
  };
}

/** A plain function with one shape of arguments, so V8 keeps this hottest loop monomorphic. */
function convertPcm16(source: Int16Array, target: Float32Array, factor: number, offset: number): void {
  const length = source.length;
  for (let k = 0; k < length; k++) target[k] = source[k]! * factor - offset;
}

/** One pass in float64: sums of x and x² (exact enough for audio of any length). */
function stats(values: Float32Array | Int16Array, unit: number): { mean: number; scale: number } {
  const count = values.length;
  if (count === 0) return { mean: 0, scale: 1 / Math.sqrt(LAYER_NORM_EPS) };
  // Two accumulators each, so the additions of neighbouring samples do not wait on each other.
  let sumA = 0;
  let sumB = 0;
  let squaresA = 0;
  let squaresB = 0;
  let index = 0;
  for (; index + 1 < count; index += 2) {
    const a = values[index]!;
    const b = values[index + 1]!;
    sumA += a;
    sumB += b;
    squaresA += a * a;
    squaresB += b * b;
  }
  if (index < count) {
    const a = values[index]!;
    sumA += a;
    squaresA += a * a;
  }
  const sum = sumA + sumB;
  const squares = squaresA + squaresB;
  const mean = (sum / count) * unit;
  const variance = Math.max(0, (squares / count) * unit * unit - mean * mean);
  return { mean, scale: 1 / Math.sqrt(variance + LAYER_NORM_EPS) };
}

/** Thrown when audio being read ahead by the prefetch thread cannot be read (missing or cut short). */
export class PrefetchFailedError extends AppError {
  override readonly name = "PrefetchFailedError";
  readonly code = "ANALYSIS_AUDIO_UNREADABLE";
}

/**
 * Float samples another thread is still filling: each read waits until the
 * samples it needs are there (Atomics.wait, so only on worker threads).
 */
export function prefetchedSignal(samples: Float32Array, progress: Int32Array): InputSignal {
  const ready = (end: number) => {
    for (;;) {
      const done = Atomics.load(progress, 0);
      if (done < 0) throw new PrefetchFailedError("The recording's stored 16 kHz audio could not be read (missing or cut short); import the recording again.");
      if (done >= end) return;
      Atomics.wait(progress, 0, done, 1000);
    }
  };
  return {
    length: samples.length,
    normalisation: () => {
      ready(samples.length);
      return stats(samples, 1);
    },
    copyWindow: (target, start, mean, scale) => {
      ready(start + target.length);
      const source = samples.subarray(start, start + target.length);
      if (mean === 0 && scale === 1) target.set(source);
      else for (let k = 0; k < target.length; k++) target[k] = (source[k]! - mean) * scale;
    },
  };
}
