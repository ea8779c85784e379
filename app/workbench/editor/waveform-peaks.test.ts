import { describe, expect, it } from "vitest";
import { EditorDataError } from "./editor-data-error";
import { pairsPerSecond, peaksDurationSeconds, readPeaksResponse, scaleAmplitude, wavesurferChannels, waveformColumns, type PeaksWindow } from "./waveform-peaks";

function binaryPairs(pairs: [number, number][]): ArrayBuffer {
  const view = new DataView(new ArrayBuffer(pairs.length * 4));
  pairs.forEach(([min, max], index) => {
    view.setInt16(index * 4, min, true);
    view.setInt16(index * 4 + 2, max, true);
  });
  return view.buffer;
}

const HEADERS = {
  "X-Peaks-Sample-Rate": "16000",
  "X-Peaks-Samples-Per-Pixel": "1024",
  "X-Peaks-Length": "57600000",
  "X-Peaks-Start-Seconds": "0",
  "X-Peaks-End-Seconds": "3600",
};
const headers = (values: Record<string, string>) => new Headers(values);

describe("readPeaksResponse", () => {
  it("reads the headers and scales Int16 min/max pairs to [-1, 1]", () => {
    const window = readPeaksResponse(headers(HEADERS), binaryPairs([[-32767, 32767], [-16384, 8192], [0, 0]]));
    expect(window).toMatchObject({ sampleRate: 16_000, samplesPerPixel: 1024, lengthSamples: 57_600_000, startSeconds: 0, endSeconds: 3600, pairCount: 3 });
    expect(Array.from(window.pairs).map((value) => Number(value.toFixed(3)))).toEqual([-1, 1, -0.5, 0.25, 0, 0]);
    expect(pairsPerSecond(window)).toBe(15.625);
    expect(peaksDurationSeconds(window)).toBe(3600);
  });

  it("refuses a missing header or a body that is not whole pairs", () => {
    const rest = Object.fromEntries(Object.entries(HEADERS).filter(([name]) => name !== "X-Peaks-Length"));
    expect(() => readPeaksResponse(headers(rest), binaryPairs([]))).toThrow(/X-Peaks-Length is missing/);
    expect(() => readPeaksResponse(headers(HEADERS), new ArrayBuffer(6))).toThrow(EditorDataError);
    expect(() => readPeaksResponse(headers({ ...HEADERS, "X-Peaks-End-Seconds": "-1" }), binaryPairs([]))).toThrow(/"-1"/);
  });
});

function windowOf(pairs: [number, number][], options: Partial<PeaksWindow> = {}): PeaksWindow {
  return {
    sampleRate: 100,
    samplesPerPixel: 10,
    lengthSamples: pairs.length * 10,
    startSeconds: 0,
    endSeconds: pairs.length / 10,
    pairCount: pairs.length,
    pairs: Float32Array.from(pairs.flat()),
    ...options,
  };
}

describe("wavesurferChannels", () => {
  it("splits pairs into a maxima channel and a minima channel", () => {
    const [max, min] = wavesurferChannels(windowOf([[-0.5, 0.25], [-0.125, 1]]));
    expect(Array.from(max)).toEqual([0.25, 1]);
    expect(Array.from(min)).toEqual([-0.5, -0.125]);
  });
});

describe("waveformColumns", () => {
  // 10 pairs per second, one per 0.1 s.
  const window = windowOf([[-0.1, 0.1], [-0.2, 0.2], [-0.3, 0.9], [-0.4, 0.4], [-0.5, 0.5], [-0.6, 0.6], [-0.7, 0.7], [-0.8, 0.8]]);

  it("folds several pairs into a column as the min of minima and the max of maxima", () => {
    const { min, max } = waveformColumns(window, 0, 0.8, 2);
    expect(Array.from(min).map((value) => Number(value.toFixed(2)))).toEqual([-0.4, -0.8]);
    expect(Array.from(max).map((value) => Number(value.toFixed(2)))).toEqual([0.9, 0.8]);
  });

  it("repeats the pair a column falls in when zoomed past the data", () => {
    const { max } = waveformColumns(window, 0.2, 0.3, 4);
    expect(Array.from(max).map((value) => Number(value.toFixed(2)))).toEqual([0.9, 0.9, 0.9, 0.9]);
  });

  it("leaves columns outside the window as NaN and honours a window that starts later", () => {
    const later = windowOf([[-0.5, 0.5]], { startSeconds: 1 });
    const { max } = waveformColumns(later, 0.9, 1.2, 3);
    expect(Number.isNaN(max[0]!)).toBe(true);
    expect(max[1]).toBe(0.5);
    expect(Number.isNaN(max[2]!)).toBe(true);
  });
});

describe("scaleAmplitude", () => {
  it("leaves linear values alone", () => {
    expect(scaleAmplitude(-0.25, "linear")).toBe(-0.25);
  });

  it("maps the dB floor to silence and full scale to 1, keeping the sign", () => {
    expect(scaleAmplitude(1, "db")).toBe(1);
    expect(scaleAmplitude(-1, "db")).toBe(-1);
    expect(scaleAmplitude(0.001, "db")).toBe(0);
    expect(scaleAmplitude(0, "db")).toBe(0);
    // -20 dBFS is two thirds up a 60 dB scale: quiet speech stays visible.
    expect(scaleAmplitude(0.1, "db")).toBeCloseTo(2 / 3);
    expect(scaleAmplitude(-0.1, "db")).toBeCloseTo(-2 / 3);
  });
});
