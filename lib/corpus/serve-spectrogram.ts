import { type FileHandle, open } from "node:fs/promises";
import { z } from "zod";
import { AudioInputError } from "../audio/audio-input-error";
import { arrayWindowReader, planSpectrogram, renderSpectrogram, type Spectrogram, type WindowReader } from "../audio/dsp/spectrogram";
import { locateAnalysisPcm16, readAnalysisAudio } from "../audio/read-analysis-audio";
import { DEFAULT_SPECTROGRAM_FFT_SIZE, SPECTROGRAM_FFT_SIZES, SPECTROGRAM_HEADERS } from "../domain/spectrogram-format";
import { errorResponse } from "../http/error-response";
import type { AudioStore } from "./audio-store";
import type { RecordingMedia } from "./corpus-types";

/**
 * The editor's spectrogram of a visible range, one column per pixel. Only the
 * samples the FFT windows cover are read from the stored analysis WAV, by
 * positioned reads, so an hour-wide view reads a few megabytes, not the hour.
 */

export const MAX_SPECTROGRAM_COLUMNS = 4000;

export const spectrogramQuerySchema = z
  .object({
    start: z.coerce.number({ error: "start must be a number of seconds" }).min(0, { error: "start must be 0 or more" }).optional(),
    end: z.coerce.number({ error: "end must be a number of seconds" }).positive({ error: "end must be more than 0" }).optional(),
    columns: z.coerce
      .number({ error: "columns (pixels across) is required and must be a number" })
      .int({ error: "columns must be a whole number" })
      .min(1, { error: "columns must be at least 1" })
      .max(MAX_SPECTROGRAM_COLUMNS, { error: `columns must be at most ${MAX_SPECTROGRAM_COLUMNS}` }),
    fftSize: z.coerce
      .number({ error: "fftSize must be a number" })
      .refine((value) => (SPECTROGRAM_FFT_SIZES as readonly number[]).includes(value), {
        error: `fftSize must be one of ${SPECTROGRAM_FFT_SIZES.join(", ")}`,
      })
      .default(DEFAULT_SPECTROGRAM_FFT_SIZE),
    bins: z.coerce.number({ error: "bins must be a number" }).int({ error: "bins must be a whole number" }).min(1, { error: "bins must be at least 1" }).optional(),
  })
  .refine((query) => query.start === undefined || query.end === undefined || query.end > query.start, {
    error: "end must be after start",
    path: ["end"],
  })
  .refine((query) => query.bins === undefined || query.bins <= query.fftSize / 2, {
    error: "bins must be at most half of fftSize",
    path: ["bins"],
  });

export type SpectrogramQuery = z.infer<typeof spectrogramQuerySchema>;

export interface SpectrogramRequest {
  startSeconds?: number;
  endSeconds?: number;
  columns: number;
  fftSize: number;
  bins?: number;
}

/** The request's range lies wholly after the end of the recording. */
export interface RangeOutside {
  outside: true;
  durationSeconds: number;
}

/** Reading one window's worth of unused samples costs less than another read call. */
const MERGE_GAP_WINDOWS = 1;
const READS_IN_FLIGHT = 64;

/**
 * The spectrogram of a stored analysis WAV. Throws AudioInputError when the
 * file is missing or damaged.
 */
export async function readSpectrogram(filePath: string, request: SpectrogramRequest, source: string): Promise<Spectrogram | RangeOutside> {
  const located = await locateAnalysisPcm16(filePath);
  if (!located) return readSpectrogramDecoded(filePath, request);
  const { sampleRate, totalSamples, dataOffset } = located;
  const range = sampleRange(request, sampleRate, totalSamples);
  if (!range) return { outside: true, durationSeconds: totalSamples / sampleRate };
  const plan = planSpectrogram(sampleRate, { ...range, columns: request.columns, fftSize: request.fftSize, bins: request.bins });
  const segments = mergeWindows(plan.windowStarts, plan.fftSize, totalSamples);
  const handle = await open(filePath, "r");
  try {
    // A pool of reads in flight: from the page cache, 6,000 reads one at a time take twice as long.
    let next = 0;
    const reader = async () => {
      while (next < segments.length) await readSegment(handle, dataOffset, segments[next++]!, source);
    };
    await Promise.all(Array.from({ length: Math.min(READS_IN_FLIGHT, segments.length) }, reader));
  } finally {
    await handle.close();
  }
  return renderSpectrogram(plan, segmentReader(segments, totalSamples));
}

async function readSegment(handle: FileHandle, dataOffset: number, segment: Segment, source: string): Promise<void> {
  const bytes = new Uint8Array(segment.pcm.buffer);
  let filled = 0;
  while (filled < bytes.length) {
    const { bytesRead } = await handle.read(bytes, filled, bytes.length - filled, dataOffset + segment.first * 2 + filled);
    if (bytesRead === 0) throw new AudioInputError("AUDIO_TRUNCATED", `cannot read the analysis audio ${source}: it ends early`);
    filled += bytesRead;
  }
}

/** Stored audio in another form than 16-bit mono (never written by our import): decoded, the range plus a margin each side. */
async function readSpectrogramDecoded(filePath: string, request: SpectrogramRequest): Promise<Spectrogram | RangeOutside> {
  // At least a whole window at any rate from 8 kHz up (analysis audio is 16 kHz).
  const margin = request.fftSize / 8000;
  const startSeconds = Math.max(0, (request.startSeconds ?? 0) - margin);
  const audio = await readAnalysisAudio(filePath, {
    startSeconds,
    endSeconds: request.endSeconds === undefined ? Number.MAX_SAFE_INTEGER : request.endSeconds + margin,
  });
  const rate = audio.sampleRate;
  const samples = audio.kind === "pcm16" ? audio.pcm : audio.samples;
  const first = Math.floor(startSeconds * rate);
  // The true length when the audio ends before the margin; otherwise past the range, which is all clamping needs.
  const knownSamples = first + samples.length;
  const range = sampleRange(request, rate, knownSamples);
  if (!range) return { outside: true, durationSeconds: knownSamples / rate };
  const plan = planSpectrogram(rate, { ...range, columns: request.columns, fftSize: request.fftSize, bins: request.bins });
  return renderSpectrogram(plan, arrayWindowReader(samples, first));
}

function sampleRange(request: SpectrogramRequest, sampleRate: number, totalSamples: number): { startSample: number; endSample: number } | null {
  const startSample = Math.min(totalSamples, Math.floor((request.startSeconds ?? 0) * sampleRate));
  const endSample = request.endSeconds === undefined ? totalSamples : Math.min(totalSamples, Math.ceil(request.endSeconds * sampleRate));
  return endSample > startSample ? { startSample, endSample } : null;
}

interface Segment {
  first: number;
  pcm: Int16Array<ArrayBuffer>;
}

/** The stretches of the file the windows need, clipped to the audio; overlapping or nearly touching windows share one read. */
function mergeWindows(windowStarts: Float64Array, fftSize: number, totalSamples: number): Segment[] {
  const spans: { first: number; end: number }[] = [];
  for (const windowStart of windowStarts) {
    const first = Math.max(0, windowStart);
    const end = Math.min(totalSamples, windowStart + fftSize);
    if (end <= first) continue;
    const last = spans[spans.length - 1];
    if (last && first <= last.end + MERGE_GAP_WINDOWS * fftSize) last.end = Math.max(last.end, end);
    else spans.push({ first, end });
  }
  return spans.map((span) => ({ first: span.first, pcm: new Int16Array(span.end - span.first) }));
}

function segmentReader(segments: readonly Segment[], totalSamples: number): WindowReader {
  return (windowStart, out) => {
    out.fill(0);
    const from = Math.max(0, windowStart);
    const to = Math.min(totalSamples, windowStart + out.length);
    if (to <= from) return;
    let low = 0;
    let high = segments.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (segments[middle]!.first <= from) low = middle;
      else high = middle - 1;
    }
    const segment = segments[low]!;
    for (let sample = from; sample < to; sample++) out[sample - windowStart] = segment.pcm[sample - segment.first]! * PCM16_SCALE;
  };
}

const PCM16_SCALE = 1 / 32_768;
const CACHE_CONTROL = "private, max-age=86400";

/** The spectrogram route's answer: columns × bins bytes with the numbers in X-Spectrogram-* headers. */
export async function serveSpectrogram(options: { store: AudioStore; media: RecordingMedia; query: SpectrogramQuery }): Promise<Response> {
  const { store, media, query } = options;
  const missing = () =>
    errorResponse(
      404,
      `The analysis audio of recording ${media.originalName} is missing from the audio store; import the file again to restore it.`,
      "ANALYSIS_AUDIO_MISSING",
    );
  if (!media.analysisHash) return missing();
  const filePath = store.analysisPath(media.analysisHash);
  if (!(await store.exists(filePath))) return missing();
  let result: Spectrogram | RangeOutside;
  try {
    result = await readSpectrogram(
      filePath,
      { startSeconds: query.start, endSeconds: query.end, columns: query.columns, fftSize: query.fftSize, bins: query.bins },
      `of recording ${media.originalName}`,
    );
  } catch (error) {
    if (error instanceof AudioInputError) {
      return errorResponse(500, `${error.message}. Import the file again to rebuild its analysis audio.`, error.code);
    }
    throw error;
  }
  if ("outside" in result) {
    return errorResponse(
      400,
      `start ${query.start ?? 0} s is at or past the end of recording ${media.originalName} (${result.durationSeconds.toFixed(1)} s).`,
      "RANGE_OUTSIDE_RECORDING",
    );
  }
  return new Response(result.levels, {
    headers: {
      "Content-Type": "application/octet-stream",
      "Cache-Control": CACHE_CONTROL,
      [SPECTROGRAM_HEADERS.columns]: String(result.columns),
      [SPECTROGRAM_HEADERS.bins]: String(result.bins),
      [SPECTROGRAM_HEADERS.start]: String(result.startSample / result.sampleRate),
      [SPECTROGRAM_HEADERS.end]: String(result.endSample / result.sampleRate),
      [SPECTROGRAM_HEADERS.sampleRate]: String(result.sampleRate),
      [SPECTROGRAM_HEADERS.dbFloor]: String(result.dbFloor),
      [SPECTROGRAM_HEADERS.fftSize]: String(result.fftSize),
    },
  });
}
