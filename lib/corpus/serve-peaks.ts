import { open } from "node:fs/promises";
import { z } from "zod";
import { PeaksFormatError } from "../audio/dsp/peaks-format-error";
import { decodePeaksLevelData, PEAKS_MAX_HEADER_BYTES, readPeaksHeader } from "../audio/dsp/peaks-format";
import { choosePeaksLevel } from "../audio/dsp/peaks-level";
import { PEAK_SCALE } from "../audio/dsp/peaks";
import { errorResponse } from "../http/error-response";
import type { AudioStore } from "./audio-store";
import type { RecordingMedia } from "./corpus-types";

/**
 * Waveform peaks for the editor: the level of the stored pyramid that fits
 * the zoom, for the whole recording or a window of it, read from disk by
 * byte range (an hour-long recording's finest level is never read whole).
 */

/** 16 kHz analysis audio: more than one pixel per sample shows nothing new. */
export const MAX_PIXELS_PER_SECOND = 16_000;
/** Beyond this many min/max pairs a coarser level is served; a screen is a few thousand pixels wide. */
export const MAX_PEAK_PAIRS = 200_000;

export const peaksQuerySchema = z
  .object({
    pps: z.coerce
      .number({ error: "pps (pixels per second) is required and must be a number" })
      .positive({ error: "pps must be more than 0" })
      .max(MAX_PIXELS_PER_SECOND, { error: `pps must be at most ${MAX_PIXELS_PER_SECOND}` }),
    start: z.coerce.number({ error: "start must be a number of seconds" }).min(0, { error: "start must be 0 or more" }).optional(),
    end: z.coerce.number({ error: "end must be a number of seconds" }).positive({ error: "end must be more than 0" }).optional(),
    format: z.enum(["json", "bin"], { error: 'format must be "json" or "bin"' }).default("json"),
  })
  .refine((query) => query.start === undefined || query.end === undefined || query.end > query.start, {
    error: "end must be after start",
    path: ["end"],
  });

export type PeaksQuery = z.infer<typeof peaksQuerySchema>;

export interface PeaksWindow {
  sampleRate: number;
  samplesPerPixel: number;
  /** Samples in the whole recording's analysis audio. */
  length: number;
  durationSeconds: number;
  /** The window the pairs cover, aligned to whole pixels (the request's window, widened). */
  startSeconds: number;
  endSeconds: number;
  /** Min/max Int16 pairs, little-endian, exactly as stored. */
  bytes: Uint8Array<ArrayBuffer>;
  pairCount: number;
}

/** JSON body of the peaks route. */
export interface PeaksWindowJson extends Omit<PeaksWindow, "bytes" | "pairCount"> {
  /** [min0, max0, min1, max1, …] scaled to [-1, 1], four decimals (finer than any screen shows). */
  peaks: number[];
}

/** Resolves null when the file does not exist. Throws PeaksFormatError for a damaged file. */
export async function readPeaksWindow(
  filePath: string,
  request: { pixelsPerSecond: number; startSeconds?: number; endSeconds?: number },
  source: string,
): Promise<PeaksWindow | null> {
  const handle = await open(filePath, "r").catch((error: NodeJS.ErrnoException) => {
    if (error.code === "ENOENT" || error.code === "ENOTDIR") return null;
    throw error;
  });
  if (!handle) return null;
  try {
    const { size } = await handle.stat();
    const head = new Uint8Array(Math.min(size, PEAKS_MAX_HEADER_BYTES));
    await handle.read(head, 0, head.length, 0);
    const header = readPeaksHeader(head, { source, fileByteLength: size });
    const { sampleRate, totalSamples, levels } = header;

    const startSample = clamp(Math.floor((request.startSeconds ?? 0) * sampleRate), 0, totalSamples);
    const endSample =
      request.endSeconds === undefined ? totalSamples : clamp(Math.ceil(request.endSeconds * sampleRate), startSample, totalSamples);
    const pairsOf = (index: number) => {
      const level = levels[index]!;
      const first = Math.floor(startSample / level.samplesPerPixel);
      const end = Math.max(first, Math.min(level.pairCount, Math.ceil(endSample / level.samplesPerPixel)));
      return { level, first, end };
    };

    const perPixel = levels.map((level) => level.samplesPerPixel);
    let chosen = pairsOf(choosePeaksLevel(perPixel, sampleRate, request.pixelsPerSecond));
    const coarser = levels
      .map((level, index) => ({ index, samplesPerPixel: level.samplesPerPixel }))
      .sort((a, b) => a.samplesPerPixel - b.samplesPerPixel);
    for (const candidate of coarser) {
      if (chosen.end - chosen.first <= MAX_PEAK_PAIRS) break;
      if (candidate.samplesPerPixel > chosen.level.samplesPerPixel) chosen = pairsOf(candidate.index);
    }

    const { level, first, end } = chosen;
    const pairCount = end - first;
    const bytes = new Uint8Array(pairCount * 4);
    if (pairCount > 0) {
      const { bytesRead } = await handle.read(bytes, 0, bytes.length, level.byteOffset + first * 4);
      if (bytesRead < bytes.length) {
        throw new PeaksFormatError("PEAKS_TRUNCATED", `cannot read peaks file ${source}: it ends inside level ${level.samplesPerPixel}`);
      }
    }
    return {
      sampleRate,
      samplesPerPixel: level.samplesPerPixel,
      length: totalSamples,
      durationSeconds: totalSamples / sampleRate,
      startSeconds: (first * level.samplesPerPixel) / sampleRate,
      endSeconds: Math.min(end * level.samplesPerPixel, totalSamples) / sampleRate,
      bytes,
      pairCount,
    };
  } finally {
    await handle.close();
  }
}

export function peaksWindowJson(window: PeaksWindow): PeaksWindowJson {
  const { bytes, pairCount, ...rest } = window;
  const data = decodePeaksLevelData(bytes, pairCount);
  const peaks = Array.from(data, (value) => Math.round((value / PEAK_SCALE) * 10_000) / 10_000);
  return { ...rest, peaks };
}

const CACHE_CONTROL = "private, max-age=86400";

/**
 * The peaks route's answer: JSON, or with `format=bin` the stored Int16 pairs
 * with the numbers in X-Peaks-* headers (a fifth of the size, for long windows).
 */
export async function servePeaks(options: { store: AudioStore; media: RecordingMedia; query: PeaksQuery }): Promise<Response> {
  const { store, media, query } = options;
  const missing = () =>
    errorResponse(
      404,
      `The waveform peaks of recording ${media.originalName} are missing from the audio store; import the file again to rebuild them.`,
      "PEAKS_FILE_MISSING",
    );
  if (!media.analysisHash) return missing();
  let window: PeaksWindow | null;
  try {
    window = await readPeaksWindow(
      store.peaksPath(media.analysisHash),
      { pixelsPerSecond: query.pps, startSeconds: query.start, endSeconds: query.end },
      `of recording ${media.originalName}`,
    );
  } catch (error) {
    if (error instanceof PeaksFormatError) {
      return errorResponse(500, `${error.message}. Import the file again to rebuild its peaks.`, error.code);
    }
    throw error;
  }
  if (!window) return missing();
  if (query.format === "json") return Response.json(peaksWindowJson(window), { headers: { "Cache-Control": CACHE_CONTROL } });
  return new Response(window.bytes, {
    headers: {
      "Content-Type": "application/octet-stream",
      "Cache-Control": CACHE_CONTROL,
      "X-Peaks-Sample-Rate": String(window.sampleRate),
      "X-Peaks-Samples-Per-Pixel": String(window.samplesPerPixel),
      "X-Peaks-Length": String(window.length),
      "X-Peaks-Start-Seconds": String(window.startSeconds),
      "X-Peaks-End-Seconds": String(window.endSeconds),
    },
  });
}

function clamp(value: number, low: number, high: number): number {
  return Math.min(high, Math.max(low, value));
}
