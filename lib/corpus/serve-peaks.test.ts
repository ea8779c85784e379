import { createHash } from "node:crypto";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPeaksBuilder } from "../audio/dsp/peaks";
import { encodePeaks } from "../audio/dsp/peaks-format";
import { parseSearchParams } from "../http/search-params";
import { openAudioStore, type AudioStore } from "./audio-store";
import type { RecordingMedia } from "./corpus-types";
import { MAX_PEAK_PAIRS, peaksQuerySchema, readPeaksWindow, servePeaks, type PeaksQuery, type PeaksWindowJson } from "./serve-peaks";

const RATE = 16_000;
const SECONDS = 10;

let folder: string;
let store: AudioStore;
let media: RecordingMedia;
let peaksFile: string;

/** A ramp: the signal at second s has amplitude s / 10, so every window's peaks are predictable. */
function ramp(): Float32Array {
  const samples = new Float32Array(RATE * SECONDS);
  for (let i = 0; i < samples.length; i++) samples[i] = (Math.floor(i / RATE) / 10) * (i % 2 === 0 ? 1 : -1);
  return samples;
}

function query(text: string): PeaksQuery {
  const parsed = parseSearchParams(peaksQuerySchema, new URLSearchParams(text));
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.value;
}

beforeAll(async () => {
  folder = await mkdtemp(path.join(tmpdir(), "serve-peaks-"));
  store = openAudioStore(folder);
  const builder = createPeaksBuilder({ sampleRate: RATE, levels: [16, 64, 256, 1024, 4096] });
  builder.push(ramp());
  const analysisHash = createHash("sha256").update("ramp").digest("hex");
  peaksFile = store.peaksPath(analysisHash);
  await mkdir(path.dirname(peaksFile), { recursive: true });
  await writeFile(peaksFile, encodePeaks(builder.finish()));
  media = {
    id: "0b5f7c1e-2a3d-4e5f-8a9b-0c1d2e3f4a5b",
    contentHash: "a".repeat(64),
    analysisHash,
    format: "wav/pcm_s16le",
    originalName: "ramp.wav",
    durationSeconds: SECONDS,
  };
});

afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

describe("readPeaksWindow", () => {
  it("picks the coarsest level with at least one pair per pixel", async () => {
    // 16000 / 100 = 160 samples per pixel: level 64 fits, 256 is too coarse.
    const window = (await readPeaksWindow(peaksFile, { pixelsPerSecond: 100 }, "ramp"))!;
    expect(window.samplesPerPixel).toBe(64);
    expect(window.pairCount).toBe((RATE * SECONDS) / 64);
    expect(window).toMatchObject({ sampleRate: RATE, length: RATE * SECONDS, durationSeconds: SECONDS, startSeconds: 0, endSeconds: SECONDS });
  });

  it("reads only a window, widened to whole pixels", async () => {
    const window = (await readPeaksWindow(peaksFile, { pixelsPerSecond: 3, startSeconds: 2.01, endSeconds: 3.5 }, "ramp"))!;
    expect(window.samplesPerPixel).toBe(4096);
    expect(window.startSeconds).toBe((Math.floor((2.01 * RATE) / 4096) * 4096) / RATE);
    expect(window.endSeconds).toBe((Math.ceil((3.5 * RATE) / 4096) * 4096) / RATE);
    expect(window.pairCount).toBe(Math.ceil((3.5 * RATE) / 4096) - Math.floor((2.01 * RATE) / 4096));
  });

  it("returns no pairs for a window after the end", async () => {
    const window = (await readPeaksWindow(peaksFile, { pixelsPerSecond: 100, startSeconds: 50, endSeconds: 60 }, "ramp"))!;
    expect(window.pairCount).toBe(0);
    expect(window.startSeconds).toBeCloseTo(SECONDS, 2);
  });

  it("falls back to a coarser level rather than send more than MAX_PEAK_PAIRS", async () => {
    // 220 s at 16 samples per pixel would be 220 000 pairs.
    const builder = createPeaksBuilder({ sampleRate: RATE, levels: [16, 64, 256] });
    builder.push(new Float32Array(RATE * 220).fill(0.25));
    const longFile = path.join(folder, "long.peaks");
    await writeFile(longFile, encodePeaks(builder.finish()));
    const whole = (await readPeaksWindow(longFile, { pixelsPerSecond: 16_000 }, "long"))!;
    expect(whole.samplesPerPixel).toBe(64);
    expect(whole.pairCount).toBe((RATE * 220) / 64);
    expect(whole.pairCount).toBeLessThanOrEqual(MAX_PEAK_PAIRS);
    // A window small enough keeps the finest level.
    const zoomed = (await readPeaksWindow(longFile, { pixelsPerSecond: 16_000, startSeconds: 100, endSeconds: 110 }, "long"))!;
    expect(zoomed.samplesPerPixel).toBe(16);
    expect(zoomed.pairCount).toBe((RATE * 10) / 16);
  });

  it("resolves null for a missing file", async () => {
    expect(await readPeaksWindow(path.join(folder, "nope.peaks"), { pixelsPerSecond: 1 }, "nope")).toBeNull();
  });
});

describe("servePeaks", () => {
  it("answers JSON with min/max pairs scaled to [-1, 1]", async () => {
    const response = await servePeaks({ store, media, query: query("pps=3&start=3&end=4") });
    expect(response.status).toBe(200);
    const body = (await response.json()) as PeaksWindowJson;
    expect(body.samplesPerPixel).toBe(4096);
    expect(body.peaks.length % 2).toBe(0);
    // Pixels of 4096 samples from 45056 to 65536: the first four reach no further than second 3
    // (amplitude 0.3), the last one reaches into second 4.
    expect(body.peaks).toEqual([-0.3, 0.3, -0.3, 0.3, -0.3, 0.3, -0.3, 0.3, -0.4, 0.4]);
    expect(body.startSeconds).toBe(45_056 / RATE);
    expect(body.endSeconds).toBe(65_536 / RATE);
    for (const value of body.peaks) expect(Math.abs(value)).toBeLessThanOrEqual(1);
  });

  it("answers the stored Int16 pairs with format=bin", async () => {
    const response = await servePeaks({ store, media, query: query("pps=1&format=bin") });
    expect(response.headers.get("content-type")).toBe("application/octet-stream");
    expect(response.headers.get("x-peaks-samples-per-pixel")).toBe("4096");
    expect(response.headers.get("x-peaks-length")).toBe(String(RATE * SECONDS));
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect(bytes.length).toBe(Math.ceil((RATE * SECONDS) / 4096) * 4);
    const last = new DataView(bytes.buffer).getInt16(bytes.length - 2, true);
    expect(last).toBe(Math.round(0.9 * 32_767));
  });

  it("answers 404 naming the recording when the peaks file is missing", async () => {
    const response = await servePeaks({ store, media: { ...media, analysisHash: "b".repeat(64) }, query: query("pps=1") });
    expect(response.status).toBe(404);
    const body = (await response.json()) as { error: string };
    expect(body.error).toContain("ramp.wav");
    expect(body.error).not.toContain(folder);
  });

  it("answers 500 with a re-import hint for a damaged file", async () => {
    const damagedHash = "c".repeat(64);
    const damaged = store.peaksPath(damagedHash);
    await mkdir(path.dirname(damaged), { recursive: true });
    await writeFile(damaged, "not peaks at all, just text");
    const response = await servePeaks({ store, media: { ...media, analysisHash: damagedHash }, query: query("pps=1") });
    expect(response.status).toBe(500);
    const body = (await response.json()) as { error: string; code: string };
    expect(body.code).toBe("PEAKS_BAD_MAGIC");
    expect(body.error).toContain("Import the file again");
  });
});

describe("peaksQuerySchema", () => {
  const problems = (text: string) => {
    const parsed = parseSearchParams(peaksQuerySchema, new URLSearchParams(text));
    return parsed.ok ? "" : parsed.message;
  };

  it("accepts pixels per second with an optional window and format", () => {
    expect(query("pps=50")).toEqual({ pps: 50, format: "json" });
    expect(query("pps=0.5&start=10&end=20.5&format=bin")).toEqual({ pps: 0.5, start: 10, end: 20.5, format: "bin" });
  });

  it("names what is wrong", () => {
    expect(problems("")).toContain("pps");
    expect(problems("pps=abc")).toContain("pps");
    expect(problems("pps=0")).toContain("pps must be more than 0");
    expect(problems("pps=100000")).toContain("at most");
    expect(problems("pps=10&start=-1")).toContain("start");
    expect(problems("pps=10&start=5&end=5")).toContain("end must be after start");
    expect(problems("pps=10&format=xml")).toContain("format");
  });
});
