import { createHash } from "node:crypto";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { spectrogramColumns } from "../audio/dsp/spectrogram";
import { encodeWav } from "../audio/wav-encode";
import { readSpectrogramResponse, type SpectrogramResponse } from "../domain/spectrogram-format";
import { parseSearchParams } from "../http/search-params";
import { openAudioStore, type AudioStore } from "./audio-store";
import type { RecordingMedia } from "./corpus-types";
import { readSpectrogram, serveSpectrogram, spectrogramQuerySchema, type SpectrogramQuery } from "./serve-spectrogram";

const RATE = 16_000;
const SECONDS = 120;

let folder: string;
let store: AudioStore;
let media: RecordingMedia;
let floatMedia: RecordingMedia;
let signal: Float32Array;

/** 1 kHz for the first minute, 3 kHz for the second, over a little noise: both halves predictable, no window silent. */
function twoTones(): Float32Array {
  let state = 99;
  return Float32Array.from({ length: RATE * SECONDS }, (_, i) => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    const frequency = i < 60 * RATE ? 1000 : 3000;
    return 0.5 * Math.sin((2 * Math.PI * frequency * i) / RATE) + 0.001 * (state / 2_147_483_648 - 0.5);
  });
}

async function stored(bytes: Uint8Array, name: string): Promise<RecordingMedia> {
  const analysisHash = createHash("sha256").update(bytes).digest("hex");
  const file = store.analysisPath(analysisHash);
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, bytes);
  return { id: "0b5f7c1e-2a3d-4e5f-8a9b-0c1d2e3f4a5b", contentHash: "a".repeat(64), analysisHash, format: "wav/pcm_s16le", originalName: name, durationSeconds: SECONDS };
}

function query(text: string): SpectrogramQuery {
  const parsed = parseSearchParams(spectrogramQuerySchema, new URLSearchParams(text));
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.value;
}

async function serve(text: string, target = media): Promise<SpectrogramResponse> {
  const response = await serveSpectrogram({ store, media: target, query: query(text) });
  expect(response.status).toBe(200);
  expect(response.headers.get("Content-Type")).toBe("application/octet-stream");
  return readSpectrogramResponse(response.headers, await response.arrayBuffer());
}

function loudestBin(response: SpectrogramResponse, column: number): number {
  const levels = response.levels.subarray(column * response.bins, (column + 1) * response.bins);
  let best = 0;
  for (let bin = 1; bin < levels.length; bin++) if (levels[bin]! > levels[best]!) best = bin;
  return best;
}

beforeAll(async () => {
  folder = await mkdtemp(path.join(tmpdir(), "serve-spectrogram-"));
  store = openAudioStore(folder);
  signal = twoTones();
  media = await stored(encodeWav(signal, RATE, "pcm16"), "two-tones.wav");
  floatMedia = await stored(encodeWav(signal, RATE, "float32"), "two-tones-float.wav");
});

afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

describe("serveSpectrogram", () => {
  it("answers the whole recording column-major with the numbers in headers", async () => {
    const response = await serve("columns=40");
    expect(response).toMatchObject({ columns: 40, bins: 256, startSeconds: 0, endSeconds: SECONDS, sampleRate: RATE, dbFloor: -100, fftSize: 512 });
    // 1 kHz is bin 32 and 3 kHz bin 96 at 31.25 Hz per bin.
    for (let column = 0; column < 20; column++) expect(loudestBin(response, column)).toBe(32);
    for (let column = 20; column < 40; column++) expect(loudestBin(response, column)).toBe(96);
  });

  it("reads the same levels by positioned reads as from the whole signal in memory", async () => {
    const pcm = Int16Array.from(signal, (value) => Math.max(-32_768, Math.min(32_767, Math.round(value * 32_768))));
    for (const [text, startSample, endSample, columns, fftSize] of [
      ["start=10&end=110&columns=25&fftSize=1024", 10 * RATE, 110 * RATE, 25, 1024],
      ["start=59.5&end=60.5&columns=300&fftSize=256", 59.5 * RATE, 60.5 * RATE, 300, 256],
    ] as const) {
      const response = await serve(text);
      const expected = spectrogramColumns(pcm, RATE, { startSample, endSample, columns, fftSize });
      expect(response.levels).toEqual(expected.levels);
    }
  });

  it("covers the requested window, clamped to the recording", async () => {
    const response = await serve("start=100&end=500&columns=10&fftSize=256&bins=16");
    expect(response).toMatchObject({ startSeconds: 100, endSeconds: SECONDS, columns: 10, bins: 16, fftSize: 256 });
    // 3 kHz of 8 kHz across 16 bins: bin 6.
    expect(loudestBin(response, 5)).toBe(6);
  });

  it("decodes stored audio in another form than 16-bit mono", async () => {
    const response = await serve("start=50&end=70&columns=20", floatMedia);
    const expected = spectrogramColumns(signal, RATE, { startSample: 50 * RATE, endSample: 70 * RATE, columns: 20 });
    expect(response.levels).toEqual(expected.levels);
    expect(loudestBin(response, 19)).toBe(96);
  });

  it("answers 404 when the analysis audio is missing and 400 for a range after the end", async () => {
    const missing = await serveSpectrogram({ store, media: { ...media, analysisHash: "b".repeat(64) }, query: query("columns=10") });
    expect(missing.status).toBe(404);
    expect(await missing.json()).toMatchObject({ code: "ANALYSIS_AUDIO_MISSING" });
    const late = await serveSpectrogram({ store, media, query: query("start=130&columns=10") });
    expect(late.status).toBe(400);
    expect(await late.json()).toEqual({
      code: "RANGE_OUTSIDE_RECORDING",
      error: "start 130 s is at or past the end of recording two-tones.wav (120.0 s).",
    });
  });
});

describe("readSpectrogram", () => {
  it("reads only the windows of a long range, never more columns × 4 FFTs", async () => {
    const file = store.analysisPath(media.analysisHash!);
    const result = await readSpectrogram(file, { columns: 100, fftSize: 512 }, "test");
    expect("outside" in result).toBe(false);
    if (!("outside" in result)) expect(result.fftCount).toBe(400);
  });
});

describe("spectrogramQuerySchema", () => {
  it("names each bad parameter", () => {
    const parse = (text: string) => parseSearchParams(spectrogramQuerySchema, new URLSearchParams(text));
    expect(parse("")).toMatchObject({ ok: false, message: expect.stringContaining("columns: columns (pixels across) is required") });
    expect(parse("columns=4001")).toMatchObject({ ok: false, message: expect.stringContaining("columns must be at most 4000") });
    expect(parse("columns=10&fftSize=300")).toMatchObject({ ok: false, message: expect.stringContaining("fftSize must be one of 256, 512, 1024") });
    expect(parse("columns=10&start=5&end=4")).toMatchObject({ ok: false, message: expect.stringContaining("end: end must be after start") });
    expect(parse("columns=10&fftSize=256&bins=200")).toMatchObject({ ok: false, message: expect.stringContaining("bins must be at most half of fftSize") });
    expect(parse("columns=10")).toEqual({ ok: true, value: { columns: 10, fftSize: 512 } });
  });
});
