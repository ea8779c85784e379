import { describe, expect, it } from "vitest";
import { ArrayShapeError } from "./array-shape-error";
import { downsampleCurves } from "./curve-downsample";

/** emotion2vec at 16 kHz: 50 frames a second, frame i centred at (i·320 + 200) / 16000 s. */
const emotion2vec = { rate: 50, offsetSeconds: 0.0125 };
const NaN3 = [Number.NaN, Number.NaN, Number.NaN];

describe("downsampleCurves", () => {
  it("gives min, max and mean of the frames whose centres fall in each bucket", () => {
    // Frame i at i + 0.5 s; two classes: i + 1 and 10 · (i + 1).
    const scores = new Float32Array([1, 10, 2, 20, 3, 30, 4, 40, 5, 50, 6, 60]);
    const curves = downsampleCurves(scores, 2, { rate: 1, offsetSeconds: 0.5 }, { fromSeconds: 0, toSeconds: 6, buckets: 3 });
    expect(curves).toMatchObject({ bucketSeconds: 2, from: 0, to: 6, classes: 2, buckets: 3, perFrame: false, firstFrame: 0, frameCount: 6 });
    expect(Array.from(curves.min)).toEqual([1, 10, 3, 30, 5, 50]);
    expect(Array.from(curves.max)).toEqual([2, 20, 4, 40, 6, 60]);
    expect(Array.from(curves.mean)).toEqual([1.5, 15, 3.5, 35, 5.5, 55]);
    expect(Array.from(curves.counts)).toEqual([2, 2, 2]);
  });

  it("leaves buckets past the ends of the recording empty (NaN), not filled from the nearest frame", () => {
    const scores = new Float32Array([1, 2, 3, 4, 5, 6]);
    const curves = downsampleCurves(scores, 1, { rate: 1, offsetSeconds: 0.5 }, { fromSeconds: -2, toSeconds: 8, buckets: 5 });
    expect(Array.from(curves.counts)).toEqual([0, 2, 2, 2, 0]);
    expect(Array.from(curves.mean)).toEqual([Number.NaN, 1.5, 3.5, 5.5, Number.NaN]);
    expect(Array.from(curves.min)).toEqual([Number.NaN, 1, 3, 5, Number.NaN]);
    const outside = downsampleCurves(scores, 3, emotion2vec, { fromSeconds: 100, toSeconds: 200, buckets: 2 });
    expect(outside).toMatchObject({ buckets: 2, frameCount: 0, perFrame: false });
    expect(Array.from(outside.max)).toEqual([...NaN3, ...NaN3]);
  });

  it("returns the frames themselves, one per bucket, when zoomed in past the frame rate", () => {
    const scores = new Float32Array(30 * 2).map((_, index) => index / 100);
    const curves = downsampleCurves(scores, 2, emotion2vec, { fromSeconds: 0.1, toSeconds: 0.3, buckets: 1000 });
    // Centres 0.0125 + 0.02·i in [0.1, 0.3): frames 5 to 14.
    expect(curves).toMatchObject({ perFrame: true, buckets: 10, firstFrame: 5, frameCount: 10 });
    expect(curves.bucketSeconds).toBeCloseTo(0.02, 12);
    expect(curves.from).toBeCloseTo(0.1025, 12);
    expect(curves.to).toBeCloseTo(0.3025, 12);
    expect(curves.min).toEqual(scores.subarray(10, 30));
    expect(curves.max).toEqual(scores.subarray(10, 30));
    expect(curves.mean).toEqual(scores.subarray(10, 30));
    expect(Array.from(curves.counts)).toEqual(new Array(10).fill(1));
  });

  it("includes a frame exactly at the start and excludes one exactly at the end", () => {
    const scores = new Float32Array(40).map((_, index) => index);
    const curves = downsampleCurves(scores, 1, { rate: 50, offsetSeconds: 0 }, { fromSeconds: 0.1, toSeconds: 0.3, buckets: 5 });
    expect(curves).toMatchObject({ firstFrame: 5, frameCount: 10, perFrame: false });
    expect(Array.from(curves.counts)).toEqual([2, 2, 2, 2, 2]);
    expect(Array.from(curves.min)).toEqual([5, 7, 9, 11, 13]);
  });

  it("counts every frame in the range once, whatever the bucket count (property)", () => {
    const frames = 997;
    const classes = 3;
    const scores = new Float32Array(frames * classes).map((_, index) => Math.sin(index * 0.37));
    const problems: string[] = [];
    for (const [fromSeconds, toSeconds] of [
      [0, 20],
      [1.234, 7.89],
      [-3, 25],
      [19.9, 20.1],
    ] as const) {
      for (const buckets of [1, 2, 7, 100, 333, 5000]) {
        const curves = downsampleCurves(scores, classes, emotion2vec, { fromSeconds, toSeconds, buckets });
        const where = `${fromSeconds}–${toSeconds} s in ${buckets} buckets`;
        const counted = curves.counts.reduce((sum, count) => sum + count, 0);
        if (counted !== curves.frameCount) problems.push(`${where}: ${counted} frames counted of ${curves.frameCount}`);
        for (let k = 0; k < classes; k++) {
          let expected = 0;
          for (let frame = curves.firstFrame; frame < curves.firstFrame + curves.frameCount; frame++) expected += scores[frame * classes + k]!;
          let fromBuckets = 0;
          for (let bucket = 0; bucket < curves.buckets; bucket++) {
            const count = curves.counts[bucket]!;
            if (count === 0) continue;
            const cell = bucket * classes + k;
            fromBuckets += curves.mean[cell]! * count;
            if (!(curves.min[cell]! <= curves.mean[cell]! + 1e-6 && curves.max[cell]! >= curves.mean[cell]! - 1e-6)) {
              problems.push(`${where}: bucket ${bucket} class ${k} has its mean outside min–max`);
            }
          }
          if (Math.abs(fromBuckets - expected) > 1e-3) problems.push(`${where}: class ${k} sums to ${fromBuckets}, frames to ${expected}`);
        }
      }
    }
    expect(problems.slice(0, 5)).toEqual([]);
  });

  it("reduces an hour of 9-class frames to 1000 buckets in a few milliseconds", () => {
    const frames = 180_000;
    const scores = new Float32Array(frames * 9).map((_, index) => (index % 97) / 97);
    downsampleCurves(scores, 9, emotion2vec, { fromSeconds: 0, toSeconds: 3600, buckets: 1000 });
    const started = performance.now();
    const curves = downsampleCurves(scores, 9, emotion2vec, { fromSeconds: 0, toSeconds: 3600, buckets: 1000 });
    const elapsed = performance.now() - started;
    expect(curves.counts.every((count) => count === 180)).toBe(true);
    expect(elapsed).toBeLessThan(50);
  });

  it("refuses scores that are not whole frames and impossible ranges", () => {
    const timing = emotion2vec;
    expect(() => downsampleCurves(new Float32Array(10), 9, timing, { fromSeconds: 0, toSeconds: 1, buckets: 10 })).toThrow(ArrayShapeError);
    expect(() => downsampleCurves(new Float32Array(9), 9, timing, { fromSeconds: 1, toSeconds: 1, buckets: 10 })).toThrow("the range must run forwards");
    expect(() => downsampleCurves(new Float32Array(9), 9, timing, { fromSeconds: 0, toSeconds: 1, buckets: 0 })).toThrow(RangeError);
    expect(() => downsampleCurves(new Float32Array(9), 9, { rate: 0, offsetSeconds: 0 }, { fromSeconds: 0, toSeconds: 1, buckets: 1 })).toThrow(RangeError);
  });
});
