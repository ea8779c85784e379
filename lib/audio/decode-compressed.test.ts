import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { AudioContainer } from "./audio-format";
import { openAudioDecoding } from "./decode-audio-file";
import { DecodeCancelledError } from "./decode-cancelled-error";
import { AUDIO_FIXTURES, collectDecoding, rmsDbfs, toneFrequency } from "./decode-test-signal";

const TONE_RMS_DBFS = -9.03;
const fixture = (name: string) => join(AUDIO_FIXTURES, name);
const scratch = mkdtempSync(join(tmpdir(), "decode-compressed-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function scratchFile(name: string, bytes: Uint8Array): string {
  const path = join(scratch, name);
  writeFileSync(path, bytes);
  return path;
}

/** Writes the first `fraction` of a fixture's bytes to a scratch file, as an interrupted copy would. */
function cutFixture(name: string, fraction: number): string {
  const bytes = readFileSync(fixture(name));
  return scratchFile(`cut-${fraction}-${name}`, bytes.subarray(0, Math.floor(bytes.length * fraction)));
}

/** Largest difference from the source sine between 0.1 s and 0.9 s (the codec's edges left out). */
function alignmentError(samples: Float32Array, sampleRate: number): number {
  let worst = 0;
  for (let n = Math.round(0.1 * sampleRate); n < 0.9 * sampleRate; n++) {
    worst = Math.max(worst, Math.abs(samples[n]! - 0.501187 * Math.sin((2 * Math.PI * 440 * n) / sampleRate)));
  }
  return worst;
}

describe("openAudioDecoding on compressed formats", () => {
  it.each<[string, AudioContainer, string, number, number | undefined, number, number]>([
    // name, container, codec, rate, expected duration from header, decoded length tolerance (one packet), RMS tolerance (dB)
    ["tone-cbr.mp3", "mp3", "mp3", 44100, 1, 1152, 1],
    ["tone-vbr.mp3", "mp3", "mp3", 48000, 1, 1152, 1],
    ["tone.m4a", "m4a", "aac", 44100, 1, 1024, 1],
    ["tone.aac", "aac", "aac", 44100, undefined, 1024, 1],
    ["tone.flac", "flac", "flac", 16000, 1, 0, 0.5],
    ["tone-vorbis.ogg", "ogg-vorbis", "vorbis", 44100, 1, 1024, 1],
    ["tone-opus.ogg", "ogg-opus", "opus", 48000, 1, 960, 1],
    ["tone-opus.webm", "webm", "opus", 48000, 1.008, 960, 1],
  ])("decodes %s (%s/%s at %i Hz) to the 440 Hz tone", async (name, container, codec, sampleRate, expected, tolerance, rmsTolerance) => {
    const decoding = await openAudioDecoding(fixture(name));
    expect(decoding.info).toMatchObject({ container, codec, sampleRate, channels: 1 });
    expect(decoding.info.expectedDurationSeconds).toBe(expected);
    const { channels, outcome } = await collectDecoding(decoding);
    expect(outcome.truncation).toBeUndefined();
    expect(channels).toHaveLength(1);
    expect(Math.abs(outcome.decodedFrames - sampleRate)).toBeLessThanOrEqual(tolerance);
    expect(Math.abs(toneFrequency(channels[0]!, sampleRate) - 440)).toBeLessThan(1);
    expect(Math.abs(rmsDbfs(channels[0]!) - TONE_RMS_DBFS)).toBeLessThan(rmsTolerance);
    for (const v of channels[0]!) expect(Math.abs(v)).toBeLessThanOrEqual(1);
  });

  it.each(["tone-cbr.mp3", "tone.m4a", "tone-vorbis.ogg", "tone-opus.ogg", "tone-opus.webm", "tone.flac"])(
    "trims encoder delay and priming so %s lines up with its source",
    async (name) => {
      const decoding = await openAudioDecoding(fixture(name));
      const { channels } = await collectDecoding(decoding);
      expect(alignmentError(channels[0]!, decoding.info.sampleRate)).toBeLessThan(0.05);
    },
  );

  it("gives the same samples whatever the read block size", async () => {
    for (const name of ["tone-cbr.mp3", "tone.flac", "tone-opus.ogg"]) {
      const big = await collectDecoding(await openAudioDecoding(fixture(name)));
      const small = await collectDecoding(await openAudioDecoding(fixture(name), { readBlockBytes: 700 }));
      expect(small.channels).toEqual(big.channels);
    }
  });

  it("reports an MP3 cut at half its bytes as truncated at about 0.5 s of 1.0 s", async () => {
    const decoding = await openAudioDecoding(fixture("truncated.mp3"));
    expect(decoding.info.expectedDurationSeconds).toBe(1);
    const { channels, outcome } = await collectDecoding(decoding);
    expect(outcome.truncation?.expectedSeconds).toBe(1);
    expect(outcome.truncation?.endsAtSeconds).toBeGreaterThan(0.4);
    expect(outcome.truncation?.endsAtSeconds).toBeLessThan(0.55);
    expect(outcome.truncation?.detail).toMatch(/^stream ends at 0\.5 s of 1\.0 s/);
    expect(outcome.decodedFrames).toBe(channels[0]!.length);
    expect(toneFrequency(channels[0]!, 44100)).toBeCloseTo(440, 0);
  });

  it("estimates a CBR MP3 without Xing/Info header from its size, and calls it truncated only when its last frame is cut", async () => {
    const bytes = readFileSync(fixture("tone-cbr.mp3"));
    const tag = 10 + ((bytes[6]! << 21) | (bytes[7]! << 14) | (bytes[8]! << 7) | bytes[9]!);
    const infoFrameLength = 417; // 128 kbit/s at 44.1 kHz, no padding
    const headerless = Buffer.concat([bytes.subarray(0, tag), bytes.subarray(tag + infoFrameLength)]);
    const whole = await openAudioDecoding(scratchFile("headerless.mp3", headerless));
    expect(whole.info.expectedDurationSeconds).toBeCloseTo((headerless.length - tag) / 16000, 6);
    expect((await collectDecoding(whole)).outcome.truncation).toBeUndefined();

    const cut = await collectDecoding(await openAudioDecoding(scratchFile("headerless-cut.mp3", headerless.subarray(0, headerless.length - 100))));
    expect(cut.outcome.truncation).toMatchObject({ expectedSeconds: null });
    expect(cut.outcome.truncation?.detail).toMatch(/^stream ends abruptly at 1\.0 s \(its last frame is cut short\)$/);
  });

  it("reports a cut FLAC against its STREAMINFO length", async () => {
    const { outcome } = await collectDecoding(await openAudioDecoding(cutFixture("tone.flac", 0.5)));
    expect(outcome.truncation?.expectedSeconds).toBe(1);
    expect(outcome.truncation?.endsAtSeconds).toBeLessThan(0.6);
  });

  it("reports a cut M4A whose index comes first against its track duration", async () => {
    const { outcome } = await collectDecoding(await openAudioDecoding(cutFixture("tone-faststart.m4a", 0.6)));
    expect(outcome.truncation?.expectedSeconds).toBe(1);
    expect(outcome.truncation?.endsAtSeconds).toBeLessThan(0.8);
  });

  it("reports a cut Ogg Opus stream as ending abruptly (no end-of-stream page)", async () => {
    const decoding = await openAudioDecoding(cutFixture("tone-opus.ogg", 0.6));
    expect(decoding.info.expectedDurationSeconds).toBeUndefined();
    const { outcome } = await collectDecoding(decoding);
    expect(outcome.truncation?.expectedSeconds).toBeNull();
    expect(outcome.truncation?.detail).toMatch(/^stream ends abruptly at 0\.\d s/);
  });

  it("reports a cut WebM against its Duration", async () => {
    const { outcome } = await collectDecoding(await openAudioDecoding(cutFixture("tone-opus.webm", 0.5)));
    expect(outcome.truncation?.expectedSeconds).toBe(1.008);
    expect(outcome.truncation?.endsAtSeconds).toBeLessThan(0.7);
  });

  it("decodes again from the start on a second chunks() call", async () => {
    const decoding = await openAudioDecoding(fixture("tone-vbr.mp3"), { readBlockBytes: 1000 });
    const first = await collectDecoding(decoding);
    const second = await collectDecoding(decoding);
    expect(second.channels).toEqual(first.channels);
    expect(first.outcome).toEqual(second.outcome);
  });

  it("stops between chunks when the signal is aborted", async () => {
    const decoding = await openAudioDecoding(fixture("tone-cbr.mp3"), { readBlockBytes: 2000 });
    const controller = new AbortController();
    let chunks = 0;
    const run = async () => {
      for await (const chunk of decoding.chunks(controller.signal)) {
        chunks += chunk.channels.length > 0 ? 1 : 0;
        controller.abort();
      }
    };
    await expect(run()).rejects.toBeInstanceOf(DecodeCancelledError);
    expect(chunks).toBe(1);
  });
});
