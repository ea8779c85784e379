import { describe, expect, it } from "vitest";
import { createPeaksBuilder, DEFAULT_PEAKS_OPTIONS, quantizePeak, type WaveformPeaks } from "./peaks";

function build(samples: Float32Array, chunk = samples.length, options = DEFAULT_PEAKS_OPTIONS): WaveformPeaks {
  const builder = createPeaksBuilder(options);
  for (let i = 0; i < samples.length; i += Math.max(1, chunk)) builder.push(samples.subarray(i, i + chunk));
  return builder.finish();
}

/** Deterministic noise-like test signal with values across the whole range. */
function testSignal(length: number): Float32Array {
  let state = 12_345;
  return Float32Array.from({ length }, (_, i) => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return (state / 2_147_483_648) * 2 - 1 - 0.5 * Math.sin(i / 1000);
  });
}

describe("createPeaksBuilder", () => {
  it("gives the exact min/max of each block, with a partial last block", () => {
    const samples = Float32Array.from([0.25, -1, 1, 0, 0.5, 0.5, -0.25, 0, 0, 0, 1.5]);
    const peaks = build(samples, samples.length, { sampleRate: 8000, levels: [2, 4, 8] });
    expect(peaks.totalSamples).toBe(11);
    expect(peaks.sampleRate).toBe(8000);
    expect(peaks.levels.map((level) => level.samplesPerPixel)).toEqual([2, 4, 8]);
    expect(Array.from(peaks.levels[0]!.data)).toEqual([
      -32767, 8192, 0, 32767, 16384, 16384, -8192, 0, 0, 0, 32767, 32767,
    ]);
    expect(Array.from(peaks.levels[1]!.data)).toEqual([-32767, 32767, -8192, 16384, 0, 32767]);
    expect(Array.from(peaks.levels[2]!.data)).toEqual([-32767, 32767, 0, 32767]);
  });

  it("matches a direct computation at every default level for a long signal", () => {
    const samples = testSignal(100_003);
    const peaks = build(samples, 10_000);
    for (const level of peaks.levels) {
      const { samplesPerPixel, data } = level;
      const expected = new Int16Array(2 * Math.ceil(samples.length / samplesPerPixel));
      for (let pair = 0; pair < expected.length / 2; pair += 1) {
        const block = samples.subarray(pair * samplesPerPixel, (pair + 1) * samplesPerPixel);
        expected[2 * pair] = quantizePeak(Math.min(...block));
        expected[2 * pair + 1] = quantizePeak(Math.max(...block));
      }
      expect(data).toEqual(expected);
    }
  });

  it("makes each coarse pair the min/max of the finer pairs it covers", () => {
    const peaks = build(testSignal(50_000));
    for (let k = 1; k < peaks.levels.length; k += 1) {
      const fine = peaks.levels[k - 1]!;
      const coarse = peaks.levels[k]!;
      const factor = coarse.samplesPerPixel / fine.samplesPerPixel;
      const expected: number[] = [];
      for (let pair = 0; pair < coarse.data.length / 2; pair += 1) {
        let min = Infinity;
        let max = -Infinity;
        for (let f = pair * factor; f < Math.min((pair + 1) * factor, fine.data.length / 2); f += 1) {
          min = Math.min(min, fine.data[2 * f]!);
          max = Math.max(max, fine.data[2 * f + 1]!);
        }
        expected.push(min, max);
      }
      expect(Array.from(coarse.data)).toEqual(expected);
    }
  });

  it("does not depend on how the samples are chunked", () => {
    const samples = testSignal(40_000);
    const whole = build(samples);
    for (const chunk of [1, 7, 4096]) expect(build(samples, chunk)).toEqual(whole);
    const odd = { sampleRate: 8000, levels: [3, 15, 45] };
    const oddWhole = build(samples, samples.length, odd);
    expect(oddWhole.levels[0]!.data.length).toBe(2 * Math.ceil(40_000 / 3));
    for (const chunk of [1, 7, 4096]) expect(build(samples, chunk, odd)).toEqual(oddWhole);
  });

  it("gives empty levels for an empty signal", () => {
    const peaks = build(new Float32Array(0));
    expect(peaks.totalSamples).toBe(0);
    for (const level of peaks.levels) expect(level.data.length).toBe(0);
  });

  it("rejects levels that are not increasing multiples of each other", () => {
    expect(() => createPeaksBuilder({ sampleRate: 16_000, levels: [] })).toThrow(RangeError);
    expect(() => createPeaksBuilder({ sampleRate: 16_000, levels: [16, 24] })).toThrow(/multiple/);
    expect(() => createPeaksBuilder({ sampleRate: 16_000, levels: [64, 16] })).toThrow(RangeError);
    expect(() => createPeaksBuilder({ sampleRate: 16_000, levels: [0] })).toThrow(RangeError);
    expect(() => createPeaksBuilder({ sampleRate: 16_000.5, levels: [16] })).toThrow(RangeError);
  });

  it("refuses pushes after finish", () => {
    const builder = createPeaksBuilder();
    builder.finish();
    expect(() => builder.push(new Float32Array(4))).toThrow();
  });
});

describe("quantizePeak", () => {
  it("scales by 32767, rounds and clamps", () => {
    expect([1, -1, 0, 0.5, 2, -2, 1e-6].map(quantizePeak)).toEqual([32767, -32767, 0, 16384, 32767, -32767, 0]);
  });
});
