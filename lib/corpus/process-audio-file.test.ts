import { createHash } from "node:crypto";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openAudioDecoding } from "../audio/decode-audio-file";
import { AUDIO_FIXTURES, collectDecoding, toneFrequency } from "../audio/decode-test-signal";
import { decodePeaks } from "../audio/dsp/peaks-format";
import { ensureStoreFolders, openAudioStore, type AudioStore } from "./audio-store";
import { processAudioFile } from "./process-audio-file";

/**
 * The whole per-file pipeline on real files of every format: what is stored
 * for analysis is 16 kHz mono, the 440 Hz tone is still 440 Hz, and its level
 * is preserved (the fixtures are a 440 Hz sine at -6 dBFS: RMS -9.03 dBFS).
 */
let dataDir: string;
let store: AudioStore;

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(tmpdir(), "resonance-process-"));
  store = openAudioStore(dataDir);
  await ensureStoreFolders(store);
});

afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

const rmsDbfs = (samples: Float32Array) => {
  let sum = 0;
  for (const value of samples) sum += value * value;
  return 10 * Math.log10(sum / samples.length);
};

/** Lossy codecs shift the level a little; lossless ones must hold it to 0.5 dB (the bound). */
const CASES = [
  { file: "tone-s16-44k1.wav", seconds: 1, toleranceDb: 0.5 },
  { file: "tone-s24-48k.wav", seconds: 1, toleranceDb: 0.5 },
  { file: "tone-f32-96k.wav", seconds: 0.25, toleranceDb: 0.5 },
  { file: "tone-mulaw-8k.wav", seconds: 1, toleranceDb: 0.5 },
  { file: "tone-f64-8k.wav", seconds: 1, toleranceDb: 0.5 },
  { file: "tone.flac", seconds: 1, toleranceDb: 0.5 },
  { file: "tone-cbr.mp3", seconds: 1, toleranceDb: 1 },
  { file: "tone-vbr.mp3", seconds: 1, toleranceDb: 1 },
  { file: "tone.m4a", seconds: 1, toleranceDb: 1 },
  { file: "tone-vorbis.ogg", seconds: 1, toleranceDb: 1 },
  { file: "tone-opus.ogg", seconds: 1, toleranceDb: 1 },
  { file: "tone-opus.webm", seconds: 1, toleranceDb: 1 },
] as const;

describe("processAudioFile", () => {
  for (const { file, seconds, toleranceDb } of CASES) {
    it(`stores ${file} as 16 kHz mono with the tone and its level intact`, async () => {
      const source = path.join(AUDIO_FIXTURES, file);
      const processed = await processAudioFile(store, { filePath: source, displayName: file, channelMode: "mix" });
      expect(processed.contentHash).toBe(createHash("sha256").update(readFileSync(source)).digest("hex"));
      expect(readFileSync(store.originalPath(processed.contentHash))).toEqual(readFileSync(source));
      const [track] = processed.tracks;
      expect(track?.durationSeconds).toBeCloseTo(seconds, 1);

      const stored = await collectDecoding(await openAudioDecoding(store.analysisPath(track!.analysisHash)));
      expect(stored.channels).toHaveLength(1);
      const samples = stored.channels[0]!;
      expect(samples.length).toBe(Math.round(track!.durationSeconds * 16_000));
      // Skip the edges, where the filters ramp in and out.
      const middle = samples.subarray(1600, samples.length - 1600);
      expect(Math.abs(toneFrequency(middle, 16_000) - 440)).toBeLessThan(1);
      expect(Math.abs(rmsDbfs(middle) - -9.03)).toBeLessThan(toleranceDb);

      const peaks = decodePeaks(readFileSync(store.peaksPath(track!.analysisHash)));
      expect(peaks.sampleRate).toBe(16_000);
      expect(peaks.totalSamples).toBe(samples.length);
    });
  }

  it("keeps each channel of a 6-channel file as its own track when asked", async () => {
    const processed = await processAudioFile(store, {
      filePath: path.join(AUDIO_FIXTURES, "six-channel-8k.wav"),
      displayName: "six-channel-8k.wav",
      channelMode: "split",
    });
    expect(processed.channels).toBe(6);
    expect(processed.tracks.map((track) => track.trackIndex)).toEqual([0, 1, 2, 3, 4, 5]);
    for (const track of processed.tracks) {
      const stored = await collectDecoding(await openAudioDecoding(store.analysisPath(track.analysisHash)));
      // Channel n of the fixture is a (n + 2) × 100 Hz sine.
      expect(Math.abs(toneFrequency(stored.channels[0]!.subarray(800, 7200), 16_000) - (track.trackIndex + 2) * 100)).toBeLessThan(2);
    }
  });

  it("keeps the audio of a truncated file and says where it ends", async () => {
    const processed = await processAudioFile(store, {
      filePath: path.join(AUDIO_FIXTURES, "truncated.mp3"),
      displayName: "truncated.mp3",
      channelMode: "mix",
    });
    expect(processed.truncation?.detail).toMatch(/ends at 0\.\d s of 1\.0 s/);
    expect(processed.tracks[0]!.durationSeconds).toBeGreaterThan(0.3);
    expect(processed.tracks[0]!.durationSeconds).toBeLessThan(0.7);
  });

  it("names the file in a decoding error and leaves nothing in the store", async () => {
    await expect(
      processAudioFile(store, { filePath: path.join(AUDIO_FIXTURES, "text.wav"), displayName: "session/text.wav", channelMode: "mix" }),
    ).rejects.toMatchObject({ code: "AUDIO_NOT_AUDIO", message: expect.stringContaining("session/text.wav") });
    expect(readdirSync(path.join(dataDir, "audio", "tmp"))).toEqual([]);
  });
});
