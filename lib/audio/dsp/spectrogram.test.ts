import { describe, expect, it } from "vitest";
import { spectrogramLevelToDb } from "../../domain/spectrogram-format";
import { planSpectrogram, realFft, renderSpectrogram, spectrogramColumns, type Spectrogram } from "./spectrogram";

const RATE = 16_000;

function tone(frequency: number, seconds: number, amplitude = 0.5): Float32Array {
  return Float32Array.from({ length: Math.round(seconds * RATE) }, (_, i) => amplitude * Math.sin((2 * Math.PI * frequency * i) / RATE));
}

function column(spectrogram: Spectrogram, index: number): Uint8Array {
  return spectrogram.levels.subarray(index * spectrogram.bins, (index + 1) * spectrogram.bins);
}

function loudestBin(levels: Uint8Array): number {
  let best = 0;
  for (let bin = 1; bin < levels.length; bin++) if (levels[bin]! > levels[best]!) best = bin;
  return best;
}

describe("realFft", () => {
  it("gives the power spectrum of a direct DFT of the Hann-windowed frame", () => {
    for (const n of [16, 512]) {
      let state = 7;
      const frame = Float32Array.from({ length: n }, () => {
        state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
        return state / 2_147_483_648 - 0.5;
      });
      const power = new Float64Array(n / 2);
      realFft(n).power(frame, power);
      for (let k = 0; k < n / 2; k++) {
        let re = 0;
        let im = 0;
        for (let t = 0; t < n; t++) {
          const windowed = frame[t]! * (0.5 - 0.5 * Math.cos((2 * Math.PI * t) / n));
          re += windowed * Math.cos((2 * Math.PI * k * t) / n);
          im -= windowed * Math.sin((2 * Math.PI * k * t) / n);
        }
        expect(power[k]).toBeCloseTo(re * re + im * im, 9);
      }
    }
  });
});

describe("spectrogramColumns", () => {
  it("puts a 1 kHz tone in the bin of 1 kHz at its level in dBFS", () => {
    const spectrogram = spectrogramColumns(tone(1000, 1), RATE, { startSample: 0, endSample: RATE, columns: 20 });
    expect(spectrogram.bins).toBe(256);
    // 16000 / 512 = 31.25 Hz per bin: 1 kHz is bin 32.
    for (let c = 0; c < 20; c++) {
      const levels = column(spectrogram, c);
      expect(loudestBin(levels)).toBe(32);
      // Amplitude 0.5 is −6 dBFS.
      expect(spectrogramLevelToDb(levels[32]!, spectrogram.dbFloor)).toBeCloseTo(-6.02, 0);
      expect(levels[100]).toBeLessThan(levels[32]! - 100);
    }
  });

  it("reads Int16 samples as value / 32768", () => {
    const floats = tone(2000, 0.5);
    const ints = Int16Array.from(floats, (value) => Math.round(value * 32_768));
    const options = { startSample: 0, endSample: floats.length, columns: 8 };
    const a = spectrogramColumns(floats, RATE, options);
    const b = spectrogramColumns(ints, RATE, options);
    for (let i = 0; i < a.levels.length; i++) expect(Math.abs(a.levels[i]! - b.levels[i]!)).toBeLessThanOrEqual(1);
    expect(loudestBin(column(b, 3))).toBe(64);
  });

  it("leaves silence at the floor", () => {
    const spectrogram = spectrogramColumns(new Int16Array(RATE), RATE, { startSample: 0, endSample: RATE, columns: 50, fftSize: 256 });
    expect(spectrogram.levels.length).toBe(50 * 128);
    expect(spectrogram.levels.every((level) => level === 0)).toBe(true);
  });

  it("follows a chirp's rising pitch from column to column", () => {
    const seconds = 2;
    const samples = Float32Array.from({ length: seconds * RATE }, (_, i) => {
      const t = i / RATE;
      // 300 Hz rising linearly to 6300 Hz.
      return 0.5 * Math.sin(2 * Math.PI * (300 * t + (3000 / seconds) * t * t));
    });
    const spectrogram = spectrogramColumns(samples, RATE, { startSample: 0, endSample: samples.length, columns: 40 });
    const peaks = Array.from({ length: 40 }, (_, c) => loudestBin(column(spectrogram, c)));
    for (let c = 1; c < 40; c++) expect(peaks[c]!).toBeGreaterThanOrEqual(peaks[c - 1]!);
    const expectedBin = (seconds_: number) => Math.round((300 + (6000 / seconds) * seconds_) / (RATE / 512));
    expect(Math.abs(peaks[0]! - expectedBin(0.025))).toBeLessThanOrEqual(2);
    expect(Math.abs(peaks[39]! - expectedBin(1.975))).toBeLessThanOrEqual(2);
  });

  it("averages windows across a wide column, so sound in part of its span still shows", () => {
    // 10 columns of 6 s: a tone fills only the first quarter of each column.
    const samples = new Float32Array(60 * RATE);
    const burst = tone(1000, 1.5);
    for (let c = 0; c < 10; c++) samples.set(burst, c * 6 * RATE);
    const spectrogram = spectrogramColumns(samples, RATE, { startSample: 0, endSample: samples.length, columns: 10 });
    expect(spectrogram.fftCount).toBe(40);
    for (let c = 0; c < 10; c++) {
      const levels = column(spectrogram, c);
      expect(loudestBin(levels)).toBe(32);
      // One of four windows hears the −6 dBFS tone: a quarter of its power is 6 dB less.
      expect(spectrogramLevelToDb(levels[32]!, spectrogram.dbFloor)).toBeCloseTo(-12.04, 0);
    }
  });

  it("keeps the loudest FFT bin when asked for fewer bins", () => {
    const spectrogram = spectrogramColumns(tone(1000, 1), RATE, { startSample: 0, endSample: RATE, columns: 4, bins: 64 });
    expect(spectrogram.levels.length).toBe(4 * 64);
    // FFT bin 32 of 256 falls in output bin 8 of 64.
    expect(loudestBin(column(spectrogram, 2))).toBe(8);
    expect(spectrogramLevelToDb(column(spectrogram, 2)[8]!, spectrogram.dbFloor)).toBeCloseTo(-6.02, 0);
  });

  it("reads silence beyond the signal at the range's edges", () => {
    const samples = tone(1000, 1);
    const spectrogram = spectrogramColumns(samples, RATE, { startSample: samples.length - 100, endSample: samples.length, columns: 2 });
    expect(loudestBin(column(spectrogram, 1))).toBe(32);
  });
});

describe("planSpectrogram", () => {
  it("computes at most columns × 4 FFTs, however long the range", () => {
    const countFfts = (seconds: number) => {
      const plan = planSpectrogram(RATE, { startSample: 0, endSample: seconds * RATE, columns: 1500 });
      let reads = 0;
      const spectrogram = renderSpectrogram(plan, (first, out) => {
        reads++;
        out.fill(0);
      });
      expect(spectrogram.fftCount).toBe(reads);
      return reads;
    };
    expect(countFfts(3600)).toBe(6000);
    expect(countFfts(600)).toBe(6000);
    expect(countFfts(60)).toBe(3000);
    expect(countFfts(10)).toBe(1500);
  });

  it("centres one window in each narrow column and spreads several over a wide one", () => {
    const narrow = planSpectrogram(RATE, { startSample: 1000, endSample: 2000, columns: 10, fftSize: 256 });
    expect(Array.from(narrow.windowStarts.subarray(0, 2))).toEqual([1050 - 128, 1150 - 128]);
    const wide = planSpectrogram(RATE, { startSample: 0, endSample: 8192, columns: 2, fftSize: 512 });
    // 4096 samples per column, 4 windows centred at 512, 1536, 2560, 3584 of each.
    expect(Array.from(wide.windowStarts)).toEqual([256, 1280, 2304, 3328, 4352, 5376, 6400, 7424]);
    expect(Array.from(wide.columnOffsets)).toEqual([0, 4, 8]);
  });

  it("refuses settings it cannot honour", () => {
    expect(() => planSpectrogram(RATE, { startSample: 10, endSample: 10, columns: 1 })).toThrow(/start < end/);
    expect(() => planSpectrogram(RATE, { startSample: 0, endSample: 10, columns: 0 })).toThrow(/columns/);
    expect(() => planSpectrogram(RATE, { startSample: 0, endSample: 10, columns: 1, fftSize: 500 })).toThrow(/power of two/);
    expect(() => planSpectrogram(RATE, { startSample: 0, endSample: 10, columns: 1, bins: 257 })).toThrow(/bins/);
    expect(() => planSpectrogram(0, { startSample: 0, endSample: 10, columns: 1 })).toThrow(/sampleRate/);
  });
});
