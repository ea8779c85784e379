import { describe, expect, it } from "vitest";
import { ResamplerError } from "./resampler-error";
import { createResampler, createResamplerSync, resampledLength } from "./resampler";

function concat(parts: readonly Float32Array[]): Float32Array {
  const out = new Float32Array(parts.reduce((sum, part) => sum + part.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

async function resampleAll(input: Float32Array, inputRate: number, outputRate: number, chunk = input.length): Promise<Float32Array> {
  const resampler = await createResampler(inputRate, outputRate);
  const parts: Float32Array[] = [];
  for (let offset = 0; offset < input.length; offset += Math.max(1, chunk)) {
    parts.push(resampler.push(input.subarray(offset, offset + chunk)));
  }
  parts.push(resampler.flush());
  resampler.dispose();
  return concat(parts);
}

function sine(rate: number, frequency: number, seconds: number, amplitude = 0.5): Float32Array {
  const out = new Float32Array(Math.round(rate * seconds));
  for (let i = 0; i < out.length; i += 1) out[i] = amplitude * Math.sin((2 * Math.PI * frequency * i) / rate);
  return out;
}

/** The middle of a signal, away from the start and end where the tone switches on and off. */
function middle(signal: Float32Array, rate: number): Float32Array {
  const margin = Math.round(rate * 0.1);
  return signal.subarray(margin, signal.length - margin);
}

function rms(signal: Float32Array): number {
  let sum = 0;
  for (const value of signal) sum += value * value;
  return Math.sqrt(sum / signal.length);
}

function gainDb(output: Float32Array, outputRate: number, amplitude: number): number {
  return 20 * Math.log10(rms(middle(output, outputRate)) / (amplitude / Math.SQRT2));
}

/** Frequency from the interpolated times of upward zero crossings. */
function zeroCrossingFrequency(signal: Float32Array, rate: number): number {
  let first = -1;
  let last = -1;
  let count = 0;
  for (let i = 1; i < signal.length; i += 1) {
    const a = signal[i - 1]!;
    const b = signal[i]!;
    if (a < 0 && b >= 0) {
      const time = (i - 1 + a / (a - b)) / rate;
      if (first < 0) first = time;
      last = time;
      count += 1;
    }
  }
  return (count - 1) / (last - first);
}

const DOWN_RATES = [48_000, 44_100, 96_000, 22_050, 22_222, 192_000, 32_000];
const UP_RATES = [8000, 11_025];

describe("createResampler", () => {
  it("copies the input through when the rates are equal", async () => {
    const input = sine(16_000, 440, 0.1);
    const resampler = await createResampler(16_000, 16_000);
    const output = resampler.push(input);
    expect(output).toEqual(input);
    expect(output).not.toBe(input);
    expect(resampler.flush().length).toBe(0);
  });

  it.each([...DOWN_RATES, ...UP_RATES, 16_001])("outputs exactly round(n · 16000 / %i) samples", async (rate) => {
    for (const length of [0, 1, 2, 5, 37, 1000, rate + 1, 3 * rate - 7]) {
      const output = await resampleAll(sine(rate, 300, length / rate), rate, 16_000, 1000);
      expect(output.length).toBe(Math.round((length * 16_000) / rate));
    }
  });

  it.each([48_000, 44_100, 22_222, 8000])("gives bit-identical output for any chunking at %i Hz", async (rate) => {
    const input = sine(rate, 997, 0.5, 0.8);
    const whole = await resampleAll(input, rate, 16_000);
    for (const chunk of [1, 7, 4096, 20_000]) {
      expect(await resampleAll(input, rate, 16_000, chunk)).toEqual(whole);
    }
  });

  it("accepts empty pushes", async () => {
    const resampler = await createResampler(44_100, 16_000);
    expect(resampler.push(new Float32Array(0)).length).toBe(0);
    resampler.push(sine(44_100, 440, 0.1));
    expect(resampler.push(new Float32Array(0)).length).toBe(0);
    expect(resampler.flush().length).toBeGreaterThan(0);
  });

  it.each([...DOWN_RATES, ...UP_RATES])("places output sample n at input time n / 16000 (from %i Hz)", async (rate) => {
    // A delay of one input sample would already be an error of about 0.03 here.
    const output = await resampleAll(sine(rate, 440, 0.5, 1), rate, 16_000);
    const expected = sine(16_000, 440, 0.5, 1);
    let worst = 0;
    for (let n = 1600; n < output.length - 1600; n += 1) worst = Math.max(worst, Math.abs(output[n]! - expected[n]!));
    expect(worst).toBeLessThan(2e-3);
  });

  it.each([...DOWN_RATES, ...UP_RATES])("keeps a 440 Hz tone at 440 Hz and its RMS within 0.1 dB (from %i Hz)", async (rate) => {
    const output = await resampleAll(sine(rate, 440, 1, 0.5), rate, 16_000);
    expect(zeroCrossingFrequency(middle(output, 16_000), 16_000)).toBeCloseTo(440, 2);
    expect(Math.abs(gainDb(output, 16_000, 0.5))).toBeLessThan(0.1);
  });

  it.each([...DOWN_RATES, ...UP_RATES])("passes tones up to 0.8 of the lower Nyquist within 0.5 dB (from %i Hz)", async (rate) => {
    const edge = 0.8 * (Math.min(rate, 16_000) / 2);
    for (const frequency of [100, 1000, edge / 2, edge]) {
      const output = await resampleAll(sine(rate, frequency, 0.5, 0.5), rate, 16_000);
      expect(Math.abs(gainDb(output, 16_000, 0.5))).toBeLessThan(0.5);
    }
  });

  it.each([48_000, 44_100, 96_000, 22_050, 22_222, 192_000])(
    "removes tones above the output Nyquist before they alias (from %i Hz)",
    async (rate) => {
      const cases: Array<[number, number]> = [
        [8000, 50],
        [9000, 50],
        [10_000, 40],
        [11_000, 50],
      ];
      if (rate >= 24_000) cases.push([12_000, 50]);
      if (rate >= 96_000) cases.push([30_000, 50], [47_000, 50]);
      for (const [frequency, minimumDb] of cases) {
        const output = await resampleAll(sine(rate, frequency, 0.5, 0.9), rate, 16_000);
        expect(gainDb(output, 16_000, 0.9), `${frequency} Hz`).toBeLessThan(-minimumDb);
      }
    },
  );

  it.each([8000, 11_025])("leaves no image above the input Nyquist when upsampling from %i Hz", async (rate) => {
    // A tone at f would leave an image at rate − f after naive interpolation.
    const frequency = 0.8 * (rate / 2);
    const output = middle(await resampleAll(sine(rate, frequency, 1, 0.9), rate, 16_000), 16_000);
    const image = rate - frequency;
    let re = 0;
    let im = 0;
    for (let n = 0; n < output.length; n += 1) {
      re += output[n]! * Math.cos((2 * Math.PI * image * n) / 16_000);
      im += output[n]! * Math.sin((2 * Math.PI * image * n) / 16_000);
    }
    const imageAmplitude = (2 * Math.hypot(re, im)) / output.length;
    expect(20 * Math.log10(imageAmplitude / 0.9)).toBeLessThan(-50);
  });

  it("keeps a constant signal constant", async () => {
    for (const rate of [48_000, 22_222, 8000]) {
      const output = middle(await resampleAll(new Float32Array(rate).fill(0.25), rate, 16_000), 16_000);
      let worst = 0;
      for (const value of output) worst = Math.max(worst, Math.abs(value - 0.25));
      expect(worst).toBeLessThan(1e-6);
    }
  });

  it("resamples between arbitrary rates, not only to 16 kHz", async () => {
    const output = await resampleAll(sine(16_000, 1000, 0.5, 0.5), 16_000, 44_100);
    expect(output.length).toBe(22_050);
    expect(zeroCrossingFrequency(middle(output, 44_100), 44_100)).toBeCloseTo(1000, 1);
    expect(Math.abs(gainDb(output, 44_100, 0.5))).toBeLessThan(0.1);
  });

  it("gives the same output from reused and fresh instances after many create/dispose cycles", async () => {
    const input = sine(44_100, 440, 0.2);
    const reference = await resampleAll(input, 44_100, 16_000);
    for (let i = 0; i < 300; i += 1) {
      const resampler = createResamplerSync(i % 2 === 0 ? 96_000 : 8000, 16_000);
      resampler.push(sine(resampler.inputRate, 440, 0.05));
      resampler.dispose();
    }
    expect(await resampleAll(input, 44_100, 16_000)).toEqual(reference);
  });

  it("rejects sample rates it cannot handle with a typed error", () => {
    for (const rate of [0, -8000, 44_100.5, Number.NaN, 999, 1_000_000]) {
      expect(() => createResamplerSync(rate, 16_000)).toThrow(ResamplerError);
    }
    expect(() => createResamplerSync(22_050.5, 16_000)).toThrow(
      expect.objectContaining({ code: "UNSUPPORTED_SAMPLE_RATE", message: expect.stringContaining("22050.5 Hz") }),
    );
  });

  it("refuses to be used after flush or dispose", () => {
    const flushed = createResamplerSync(48_000, 16_000);
    flushed.flush();
    expect(() => flushed.push(new Float32Array(10))).toThrow(expect.objectContaining({ code: "RESAMPLER_CLOSED" }));
    const disposed = createResamplerSync(48_000, 16_000);
    disposed.dispose();
    disposed.dispose();
    expect(() => disposed.flush()).toThrow(ResamplerError);
  });
});

describe("resampledLength", () => {
  it("rounds the scaled length to the nearest sample, halves up", () => {
    expect(resampledLength(3, 48_000, 16_000)).toBe(1);
    expect(resampledLength(1, 32_000, 16_000)).toBe(1);
    expect(resampledLength(3600 * 44_100, 44_100, 16_000)).toBe(3600 * 16_000);
    expect(resampledLength(441, 44_100, 16_000)).toBe(160);
    expect(resampledLength(7, 22_222, 16_000)).toBe(Math.round((7 * 16_000) / 22_222));
  });
});
