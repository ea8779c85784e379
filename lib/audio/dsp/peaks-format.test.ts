import { describe, expect, it } from "vitest";
import { createPeaksBuilder, type WaveformPeaks } from "./peaks";
import {
  decodePeaks,
  decodePeaksLevel,
  decodePeaksLevelData,
  encodePeaks,
  PEAKS_MAX_HEADER_BYTES,
  readPeaksHeader,
} from "./peaks-format";
import { PeaksFormatError } from "./peaks-format-error";

function samplePeaks(length = 70_001): WaveformPeaks {
  const builder = createPeaksBuilder();
  builder.push(Float32Array.from({ length }, (_, i) => Math.sin(i / 37) * Math.cos(i / 5000)));
  return builder.finish();
}

describe("encodePeaks / decodePeaks", () => {
  it("round-trips every level exactly", () => {
    const peaks = samplePeaks();
    expect(decodePeaks(encodePeaks(peaks))).toEqual(peaks);
  });

  it("writes the documented little-endian header", () => {
    const peaks = samplePeaks(100);
    const bytes = encodePeaks(peaks);
    const view = new DataView(bytes.buffer);
    expect(String.fromCharCode(...bytes.subarray(0, 4))).toBe("RSPK");
    expect(view.getUint16(4, true)).toBe(1);
    expect(view.getUint16(6, true)).toBe(5);
    expect(view.getUint32(8, true)).toBe(16_000);
    expect(view.getBigUint64(12, true)).toBe(100n);
    // Level 0: 16 samples per pixel, ceil(100 / 16) = 7 pairs, right after the 100-byte header.
    expect([view.getUint32(20, true), view.getUint32(24, true), view.getBigUint64(28, true)]).toEqual([16, 7, 100n]);
    expect(view.getInt16(100, true)).toBe(peaks.levels[0]!.data[0]);
    expect(bytes.length).toBe(100 + 4 * (7 + 2 + 1 + 1 + 1));
  });

  it("lets a reader fetch the header, then only the byte range of one level", () => {
    const peaks = samplePeaks();
    const file = encodePeaks(peaks);
    const header = readPeaksHeader(file.slice(0, PEAKS_MAX_HEADER_BYTES), { fileByteLength: file.length });
    expect(header.totalSamples).toBe(70_001);
    expect(header.levels.map((level) => level.samplesPerPixel)).toEqual([16, 64, 256, 1024, 4096]);
    for (const [index, location] of header.levels.entries()) {
      // An odd start inside a larger buffer, as a file read may hand back.
      const buffer = new Uint8Array(location.byteLength + 1);
      buffer.set(file.subarray(location.byteOffset, location.byteOffset + location.byteLength), 1);
      expect(decodePeaksLevelData(buffer.subarray(1), location.pairCount)).toEqual(peaks.levels[index]!.data);
      expect(decodePeaksLevel(file, index)).toEqual(peaks.levels[index]);
    }
  });

  it("round-trips an empty recording", () => {
    const builder = createPeaksBuilder();
    const peaks = builder.finish();
    expect(decodePeaks(encodePeaks(peaks))).toEqual(peaks);
  });
});

describe("reading damaged peaks files", () => {
  const file = encodePeaks(samplePeaks(5000));
  const code = (read: () => unknown): string => {
    try {
      read();
    } catch (error) {
      expect(error).toBeInstanceOf(PeaksFormatError);
      return (error as PeaksFormatError).code;
    }
    throw new Error("expected a PeaksFormatError");
  };

  it("rejects a file that is not a peaks file", () => {
    const wav = new TextEncoder().encode("RIFF....WAVEfmt ........................");
    expect(code(() => readPeaksHeader(wav))).toBe("PEAKS_BAD_MAGIC");
    expect(code(() => readPeaksHeader(wav.subarray(0, 8)))).toBe("PEAKS_BAD_MAGIC");
  });

  it("rejects a version it does not know", () => {
    const newer = file.slice();
    new DataView(newer.buffer).setUint16(4, 2, true);
    expect(code(() => readPeaksHeader(newer))).toBe("PEAKS_UNSUPPORTED_VERSION");
  });

  it("rejects truncated files, naming the file", () => {
    expect(code(() => readPeaksHeader(file.subarray(0, 10)))).toBe("PEAKS_TRUNCATED");
    expect(code(() => readPeaksHeader(file.subarray(0, 50)))).toBe("PEAKS_TRUNCATED");
    expect(code(() => decodePeaksLevel(file.subarray(0, file.length - 2), 4))).toBe("PEAKS_TRUNCATED");
    expect(code(() => readPeaksHeader(file.subarray(0, 200), { fileByteLength: 300 }))).toBe("PEAKS_TRUNCATED");
    expect(code(() => decodePeaksLevelData(new Uint8Array(6), 2))).toBe("PEAKS_TRUNCATED");
    expect(() => readPeaksHeader(file.subarray(0, 30), { source: "rec-7.rspk" })).toThrow(/rec-7\.rspk/);
  });

  it("rejects a header whose levels do not cover the recording", () => {
    const corrupt = file.slice();
    new DataView(corrupt.buffer).setUint32(24, 3, true);
    expect(code(() => readPeaksHeader(corrupt))).toBe("PEAKS_CORRUPT");
    const noLevels = file.slice();
    new DataView(noLevels.buffer).setUint16(6, 0, true);
    expect(code(() => readPeaksHeader(noLevels))).toBe("PEAKS_CORRUPT");
  });
});
