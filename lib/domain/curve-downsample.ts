import { ArrayShapeError } from "./array-shape-error";

/** When frames happen: frame i is at offsetSeconds + i / rate (its centre: (i·hop + window/2) / sampleRate). */
export interface FrameTiming {
  rate: number;
  offsetSeconds: number;
}

/** The stretch of the recording on screen and how many columns it has. */
export interface CurveRange {
  fromSeconds: number;
  toSeconds: number;
  buckets: number;
}

export interface DownsampledCurves {
  /** Bucket b covers [from + b · bucketSeconds, from + (b + 1) · bucketSeconds). */
  bucketSeconds: number;
  from: number;
  to: number;
  classes: number;
  buckets: number;
  /**
   * True when the range held no more frames than buckets were asked for: then
   * there is one bucket per frame, centred on it (from and to move to frame
   * edges), holding its exact values, and `buckets` is the frame count.
   */
  perFrame: boolean;
  /** The first frame at or after the range's start, and how many frames lie in the range. */
  firstFrame: number;
  frameCount: number;
  /** buckets × classes, row-major; NaN in buckets that hold no frame. */
  min: Float32Array;
  max: Float32Array;
  mean: Float32Array;
  /** Frames in each bucket. */
  counts: Uint32Array;
}

/**
 * Reduces frame scores (frames × classes, row-major) in [fromSeconds,
 * toSeconds) to at most `buckets` columns of min / max / mean per class, for
 * drawing curves at any zoom (min–max band around the mean line).
 *
 * A frame belongs to the bucket its centre time falls in. Buckets that hold no
 * frame (only possible where the range runs past either end of the recording)
 * are NaN with count 0 rather than copies of the nearest frame, so the editor
 * draws a gap instead of a curve the model never produced. When buckets ≥
 * frames in range, each bucket is one frame (perFrame): nothing is
 * interpolated.
 */
export function downsampleCurves(scores: Float32Array, classes: number, timing: FrameTiming, range: CurveRange): DownsampledCurves {
  if (!Number.isSafeInteger(classes) || classes <= 0) throw new ArrayShapeError(`downsampleCurves: classes must be a positive whole number, got ${classes}`);
  if (scores.length % classes !== 0) {
    throw new ArrayShapeError(`downsampleCurves: scores have ${scores.length} values, which is not a whole number of frames of ${classes} classes`);
  }
  const { rate, offsetSeconds } = timing;
  const { fromSeconds: from, toSeconds: to, buckets } = range;
  if (!(rate > 0 && Number.isFinite(rate)) || !Number.isFinite(offsetSeconds)) {
    throw new RangeError(`frame timing must have a positive rate and a finite offset, got rate ${rate} and offset ${offsetSeconds}`);
  }
  if (!Number.isFinite(from) || !Number.isFinite(to) || !(to > from)) throw new RangeError(`the range must run forwards, got ${from} s to ${to} s`);
  if (!Number.isSafeInteger(buckets) || buckets <= 0) throw new RangeError(`buckets must be a positive whole number, got ${buckets}`);

  const frames = scores.length / classes;
  const timeOf = (frame: number) => offsetSeconds + frame / rate;
  const firstFrame = firstFrameAtOrAfter(from, frames, rate, offsetSeconds, timeOf);
  const endFrame = Math.max(firstFrame, firstFrameAtOrAfter(to, frames, rate, offsetSeconds, timeOf));
  const frameCount = endFrame - firstFrame;

  if (frameCount > 0 && frameCount <= buckets) {
    const values = scores.slice(firstFrame * classes, endFrame * classes);
    const start = timeOf(firstFrame) - 0.5 / rate;
    return {
      bucketSeconds: 1 / rate,
      from: start,
      to: start + frameCount / rate,
      classes,
      buckets: frameCount,
      perFrame: true,
      firstFrame,
      frameCount,
      min: values,
      max: values.slice(),
      mean: values.slice(),
      counts: new Uint32Array(frameCount).fill(1),
    };
  }

  const cells = buckets * classes;
  const min = new Float32Array(cells);
  const max = new Float32Array(cells);
  const mean = new Float32Array(cells);
  const counts = new Uint32Array(buckets);
  const bucketsPerSecond = buckets / (to - from);
  for (let frame = firstFrame; frame < endFrame; frame++) {
    // Rounding can put the very last frame one past the end; it belongs to the last bucket.
    counts[Math.min(buckets - 1, Math.floor((timeOf(frame) - from) * bucketsPerSecond))]! += 1;
  }
  // Frame times grow with the index, so each bucket is a run of consecutive frames.
  let bucketStart = firstFrame;
  for (let bucket = 0; bucket < buckets; bucket++) {
    const count = counts[bucket]!;
    const bucketEnd = bucketStart + count;
    for (let k = 0; k < classes; k++) {
      const cell = bucket * classes + k;
      if (count === 0) {
        min[cell] = Number.NaN;
        max[cell] = Number.NaN;
        mean[cell] = Number.NaN;
        continue;
      }
      let low = Infinity;
      let high = -Infinity;
      let sum = 0;
      for (let index = bucketStart * classes + k; index < bucketEnd * classes; index += classes) {
        const value = scores[index]!;
        if (value < low) low = value;
        if (value > high) high = value;
        sum += value;
      }
      min[cell] = low;
      max[cell] = high;
      mean[cell] = sum / count;
    }
    bucketStart = bucketEnd;
  }
  return { bucketSeconds: (to - from) / buckets, from, to, classes, buckets, perFrame: false, firstFrame, frameCount, min, max, mean, counts };
}

/** The first frame whose time is ≥ seconds, within [0, frames]; exact at boundaries despite floating-point division. */
function firstFrameAtOrAfter(seconds: number, frames: number, rate: number, offsetSeconds: number, timeOf: (frame: number) => number): number {
  let frame = Math.min(frames, Math.max(0, Math.ceil((seconds - offsetSeconds) * rate)));
  while (frame > 0 && timeOf(frame - 1) >= seconds) frame--;
  while (frame < frames && timeOf(frame) < seconds) frame++;
  return frame;
}
