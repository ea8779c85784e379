import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { AUDIO_FIXTURES } from "./decode-test-signal";
import { parseWebmAudioInfo } from "./decode-webm-info";

const webm = new Uint8Array(readFileSync(join(AUDIO_FIXTURES, "tone-opus.webm")));

describe("parseWebmAudioInfo", () => {
  it("reads the codec, rate, channels and duration of the audio track", () => {
    const info = parseWebmAudioInfo(webm)!;
    expect(info).toMatchObject({ codecId: "A_OPUS", sampleRate: 48000, channels: 1 });
    // ffmpeg's Duration runs to the end of the last Opus packet, 8 ms past the audio.
    expect(info.durationSeconds).toBeCloseTo(1.008, 3);
  });

  it("returns null when the header is cut before the tracks", () => {
    expect(parseWebmAudioInfo(webm.subarray(0, 60))).toBeNull();
    expect(parseWebmAudioInfo(new Uint8Array([0x1a, 0x45, 0xdf, 0xa3]))).toBeNull();
  });
});
