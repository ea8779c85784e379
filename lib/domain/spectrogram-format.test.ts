import { describe, expect, it } from "vitest";
import {
  readSpectrogramResponse,
  SPECTROGRAM_HEADERS,
  spectrogramBinFrequency,
  spectrogramDbToLevel,
  spectrogramLevelToDb,
} from "./spectrogram-format";
import { SpectrogramFormatError } from "./spectrogram-format-error";

function headers(values: Record<string, string>, without?: string): Headers {
  const result = new Headers(values);
  if (without) result.delete(without);
  return result;
}

const complete = {
  [SPECTROGRAM_HEADERS.columns]: "3",
  [SPECTROGRAM_HEADERS.bins]: "2",
  [SPECTROGRAM_HEADERS.start]: "1.5",
  [SPECTROGRAM_HEADERS.end]: "4.25",
  [SPECTROGRAM_HEADERS.sampleRate]: "16000",
  [SPECTROGRAM_HEADERS.dbFloor]: "-100",
  [SPECTROGRAM_HEADERS.fftSize]: "512",
};

describe("readSpectrogramResponse", () => {
  it("reads the numbers from the headers and keeps the body as levels", () => {
    const body = Uint8Array.from([0, 1, 2, 3, 4, 5]);
    const response = readSpectrogramResponse(headers(complete), body.buffer);
    expect(response).toEqual({
      columns: 3,
      bins: 2,
      startSeconds: 1.5,
      endSeconds: 4.25,
      sampleRate: 16_000,
      dbFloor: -100,
      fftSize: 512,
      levels: body,
    });
  });

  it("names the header that is missing or malformed", () => {
    expect(() => readSpectrogramResponse(headers(complete, SPECTROGRAM_HEADERS.bins), new Uint8Array(6))).toThrow(/X-Spectrogram-Bins is missing/);
    expect(() => readSpectrogramResponse(headers({ ...complete, [SPECTROGRAM_HEADERS.columns]: "2.5" }), new Uint8Array(6))).toThrow(
      /X-Spectrogram-Columns is "2.5"/,
    );
  });

  it("refuses a body that is not columns × bins bytes", () => {
    const read = () => readSpectrogramResponse(headers(complete), new Uint8Array(5));
    expect(read).toThrow(SpectrogramFormatError);
    expect(read).toThrow(/5 bytes, but 3 columns × 2 bins need 6/);
  });

  it("accepts a response without the FFT size", () => {
    expect(readSpectrogramResponse(headers(complete, SPECTROGRAM_HEADERS.fftSize), new Uint8Array(6)).fftSize).toBeNull();
  });
});

describe("levels and bins", () => {
  it("maps dBFS to levels and back, clamped to the floor and 0 dBFS", () => {
    expect(spectrogramDbToLevel(-Infinity, -100)).toBe(0);
    expect(spectrogramDbToLevel(-120, -100)).toBe(0);
    expect(spectrogramDbToLevel(3, -100)).toBe(255);
    expect(spectrogramDbToLevel(-50, -100)).toBe(128);
    expect(spectrogramLevelToDb(255, -100)).toBe(0);
    expect(spectrogramLevelToDb(0, -100)).toBe(-100);
    expect(spectrogramLevelToDb(spectrogramDbToLevel(-30, -100), -100)).toBeCloseTo(-30, 0);
  });

  it("spreads the bins evenly from 0 Hz to half the sample rate", () => {
    expect(spectrogramBinFrequency(0, 256, 16_000)).toBe(0);
    expect(spectrogramBinFrequency(32, 256, 16_000)).toBe(1000);
    expect(spectrogramBinFrequency(8, 64, 16_000)).toBe(1000);
  });
});
