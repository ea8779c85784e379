import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { AUDIO_FIXTURES } from "./decode-test-signal";
import { parseFlacStreamInfo } from "./flac-stream-info";

describe("parseFlacStreamInfo", () => {
  it("reads rate, channels, bit depth and total samples", () => {
    const bytes = new Uint8Array(readFileSync(join(AUDIO_FIXTURES, "tone.flac")));
    expect(parseFlacStreamInfo(bytes)).toMatchObject({ sampleRate: 16000, channels: 1, bitsPerSample: 24, totalSamples: 16000 });
  });

  it("reads the 36-bit total and the 20-bit rate across their byte boundaries", () => {
    const bytes = new Uint8Array(42);
    bytes.set([0x66, 0x4c, 0x61, 0x43, 0x80, 0, 0, 34]);
    // 192000 Hz, 6 channels, 24 bits, 2^32 + 5 samples.
    bytes.set([0x2e, 0xe0, 0x0b, 0x71, 0, 0, 0, 5], 18);
    expect(parseFlacStreamInfo(bytes)).toMatchObject({ sampleRate: 192000, channels: 6, bitsPerSample: 24, totalSamples: 2 ** 32 + 5 });
  });

  it("returns null without a fLaC marker or STREAMINFO", () => {
    expect(parseFlacStreamInfo(new Uint8Array(42))).toBeNull();
    const noStreamInfo = new Uint8Array(42);
    noStreamInfo.set([0x66, 0x4c, 0x61, 0x43, 0x04, 0, 0, 34]);
    expect(parseFlacStreamInfo(noStreamInfo)).toBeNull();
  });
});
