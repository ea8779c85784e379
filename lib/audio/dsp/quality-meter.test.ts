import { describe, expect, it } from "vitest";
import { createQualityMeter, DBFS_FLOOR } from "./quality-meter";

function sine(rate: number, frequency: number, seconds: number, amplitude: number): Float32Array {
  const out = new Float32Array(Math.round(rate * seconds));
  for (let i = 0; i < out.length; i += 1) out[i] = amplitude * Math.sin((2 * Math.PI * frequency * i) / rate);
  return out;
}

function square(length: number, period: number, amplitude = 1): Float32Array {
  return Float32Array.from({ length }, (_, i) => (i % period < period / 2 ? amplitude : -amplitude));
}

describe("createQualityMeter", () => {
  it("reads a −20 dBFS sine as −20 dBFS peak and −23.01 dBFS RMS", () => {
    const meter = createQualityMeter(48_000);
    meter.pushOriginal([sine(48_000, 440, 2, 0.1)]);
    meter.pushAnalysis(sine(16_000, 440, 2, 0.1));
    const quality = meter.result();
    expect(quality.durationSeconds).toBe(2);
    expect(quality.peakDbfs).toBeCloseTo(-20, 3);
    expect(quality.rmsDbfs).toBeCloseTo(-23.01, 2);
    expect(quality.clippingRatio).toBe(0);
    expect(quality.silenceRatio).toBe(0);
  });

  it("finds a full-scale square wave clipped throughout", () => {
    const meter = createQualityMeter(44_100);
    meter.pushOriginal([square(44_100, 100), square(44_100, 100, 0.5)]);
    const quality = meter.result();
    expect(quality.clippingRatio).toBe(1);
    expect(quality.peakDbfs).toBe(0);
  });

  it("does not call an isolated full-scale sample clipping, but a run of two", () => {
    const isolated = new Float32Array(1000);
    isolated[10] = 1;
    isolated[500] = -0.9995;
    const meter = createQualityMeter(1000);
    meter.pushOriginal([isolated]);
    expect(meter.result().clippingRatio).toBe(0);
    expect(meter.result().peakDbfs).toBe(0);

    const run = new Float32Array(1000);
    run[10] = 1;
    run[11] = -1;
    run[12] = 0.9995;
    const runMeter = createQualityMeter(1000);
    runMeter.pushOriginal([run]);
    expect(runMeter.result().clippingRatio).toBe(3 / 1000);
  });

  it("counts a frame as full scale when any channel is, and runs across chunks", () => {
    const meter = createQualityMeter(8000);
    // Left clips at the last frame of chunk one, right at the first frame of chunk two.
    meter.pushOriginal([Float32Array.from([0, 0, 0, 1]), Float32Array.from([0, 0, 0, 0])]);
    meter.pushOriginal([Float32Array.from([0, 0, 0, 0]), Float32Array.from([-1, 0, 0, 0])]);
    expect(meter.result().clippingRatio).toBe(2 / 8);
  });

  it("measures half silence as 0.5", () => {
    const meter = createQualityMeter(16_000);
    const signal = new Float32Array(32_000);
    signal.set(sine(16_000, 300, 1, 0.1));
    meter.pushOriginal([signal]);
    meter.pushAnalysis(signal);
    expect(meter.result().silenceRatio).toBe(0.5);
  });

  it("puts the silence threshold at −50 dBFS RMS per 20 ms frame", () => {
    const rmsOf = (dbfs: number) => Math.SQRT2 * 10 ** (dbfs / 20);
    const meter = createQualityMeter(16_000);
    meter.pushAnalysis(sine(16_000, 500, 0.02, rmsOf(-49)));
    meter.pushAnalysis(sine(16_000, 500, 0.02, rmsOf(-51)));
    expect(meter.result().silenceRatio).toBe(0.5);
  });

  it("weights a last partial frame by its length", () => {
    const meter = createQualityMeter(16_000);
    meter.pushAnalysis(sine(16_000, 500, 0.02, 0.5));
    meter.pushAnalysis(new Float32Array(80));
    expect(meter.result().silenceRatio).toBe(80 / 400);
  });

  it("gives the same result whatever the chunk sizes", () => {
    const original = sine(48_000, 220, 1.5, 1.2).map((value) => Math.max(-1, Math.min(1, value)));
    const analysis = new Float32Array(24_000);
    analysis.set(sine(16_000, 220, 0.7, 0.3), 5000);
    const measure = (chunk: number) => {
      const meter = createQualityMeter(48_000);
      for (let i = 0; i < original.length; i += chunk) meter.pushOriginal([original.subarray(i, i + chunk)]);
      for (let i = 0; i < analysis.length; i += chunk) meter.pushAnalysis(analysis.subarray(i, i + chunk));
      return meter.result();
    };
    const whole = measure(original.length);
    expect(whole.clippingRatio).toBeGreaterThan(0.1);
    expect(whole.silenceRatio).toBeGreaterThan(0.3);
    for (const chunk of [1, 7, 319, 4096]) {
      const chunked = measure(chunk);
      expect(chunked.clippingRatio).toBe(whole.clippingRatio);
      expect(chunked.silenceRatio).toBe(whole.silenceRatio);
      expect(chunked.peakDbfs).toBe(whole.peakDbfs);
      expect(chunked.rmsDbfs).toBeCloseTo(whole.rmsDbfs, 9);
    }
  });

  it("agrees with a direct count of clipped runs on a long stereo signal, however it is chunked", () => {
    const length = 50_000;
    let state = 7;
    const random = () => {
      state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
      return state / 2_147_483_648;
    };
    const left = Float32Array.from({ length }, () => random() * 1.6 - 0.8);
    const right = Float32Array.from({ length }, () => random() * 1.6 - 0.8);
    // Runs of 1 to 4 full-scale frames, in either channel, some across kernel blocks (16384 frames).
    for (const start of [5, 100, 16_383, 16_384 * 2 - 2, 40_000, 49_998]) {
      const runLength = 1 + Math.floor(random() * 4);
      for (let i = start; i < Math.min(length, start + runLength); i += 1) (random() < 0.5 ? left : right)[i] = random() < 0.5 ? 1 : -1;
    }
    let expected = 0;
    let run = 0;
    for (let i = 0; i <= length; i += 1) {
      const full = i < length && Math.max(Math.abs(left[i]!), Math.abs(right[i]!)) >= 0.999;
      if (full) run += 1;
      else {
        if (run >= 2) expected += run;
        run = 0;
      }
    }
    expect(expected).toBeGreaterThan(4);
    for (const chunk of [1, 7, 4096, length]) {
      const meter = createQualityMeter(48_000);
      for (let i = 0; i < length; i += chunk) meter.pushOriginal([left.subarray(i, i + chunk), right.subarray(i, i + chunk)]);
      expect(meter.result().clippingRatio).toBe(expected / length);
      expect(meter.result().peakDbfs).toBe(0);
    }
  });

  it("reports digital silence and empty input at the floor, never -Infinity", () => {
    const empty = createQualityMeter(16_000).result();
    expect(empty).toEqual({ durationSeconds: 0, peakDbfs: DBFS_FLOOR, rmsDbfs: DBFS_FLOOR, clippingRatio: 0, silenceRatio: 1 });
    const meter = createQualityMeter(16_000);
    meter.pushOriginal([new Float32Array(16_000)]);
    meter.pushAnalysis(new Float32Array(16_000));
    expect(meter.result()).toEqual({ durationSeconds: 1, peakDbfs: DBFS_FLOOR, rmsDbfs: DBFS_FLOOR, clippingRatio: 0, silenceRatio: 1 });
    expect(JSON.parse(JSON.stringify(meter.result())).rmsDbfs).toBe(DBFS_FLOOR);
  });

  it("rejects chunks whose channels differ in length", () => {
    const meter = createQualityMeter(16_000);
    expect(() => meter.pushOriginal([new Float32Array(4), new Float32Array(5)])).toThrow(RangeError);
    expect(() => meter.pushOriginal([])).toThrow(RangeError);
  });
});
