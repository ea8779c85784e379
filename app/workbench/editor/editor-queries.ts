import { queryOptions } from "@tanstack/react-query";
import { readSpectrogramResponse, type SpectrogramResponse } from "@/lib/domain/spectrogram-format";
import { ApiRequestError, fetchJson } from "../api-fetch";
import type { ApiError, RecordingResponse, RecordingSummary } from "../api-types";
import { takePreloadedResponse } from "../shell/boot-preload";
import { readPeaksResponse, type PeaksWindow } from "./waveform-peaks";

/**
 * What the recording editor loads: the recording's summary and its
 * whole-recording peaks (query-option factories), and the windows it fetches
 * as the view moves (finer peaks, spectrogram images), which the waveform and
 * the spectrogram lane cache themselves.
 */

export const editorKeys = {
  recording: (recordingId: string) => ["editor", recordingId, "recording"] as const,
  peaks: (recordingId: string) => ["editor", recordingId, "peaks"] as const,
};

const recordingPath = (recordingId: string) => `/api/recordings/${encodeURIComponent(recordingId)}`;

// One request answers both: the recording's summary, and what the caller may do with it.
const recordingResponse = (recordingId: string) => ({
  queryKey: editorKeys.recording(recordingId),
  queryFn: () => fetchJson<RecordingResponse>(recordingPath(recordingId)),
  staleTime: 60_000,
});

export function recordingSummaryQuery(recordingId: string) {
  return queryOptions({ ...recordingResponse(recordingId), select: (response): RecordingSummary => response.recording });
}

/** What the caller may do with the recording (final labels, own annotations, nothing, analyses) and whether they are blinded. */
export function recordingPermissionsQuery(recordingId: string) {
  return queryOptions({ ...recordingResponse(recordingId), select: (response) => response.permissions });
}

/**
 * Asked at the finest zoom, the server answers with the finest level whose
 * pairs for the whole recording stay within its 200k limit (a minute at
 * 1000 pairs/s, an hour at 15.6 pairs/s: 225 KB), so no duration is needed first.
 */
const BASE_PEAKS_PIXELS_PER_SECOND = 1000;

export function basePeaksQuery(recordingId: string) {
  return queryOptions({
    queryKey: editorKeys.peaks(recordingId),
    queryFn: ({ signal }) => fetchPeaks(`${recordingPath(recordingId)}/peaks?pps=${BASE_PEAKS_PIXELS_PER_SECOND}&format=bin`, signal),
    // Peaks change only when the file is imported again, under a new recording id.
    staleTime: Infinity,
  });
}

/** Finer peaks for a stretch of the recording (the waveform caches them itself). */
export function fetchPeaksWindow(
  recordingId: string,
  range: { startSeconds: number; endSeconds: number },
  pixelsPerSecond: number,
  signal: AbortSignal,
): Promise<PeaksWindow> {
  const params = new URLSearchParams({
    pps: String(Math.min(16_000, Math.max(0.001, Number(pixelsPerSecond.toFixed(3))))),
    start: range.startSeconds.toFixed(3),
    end: range.endSeconds.toFixed(3),
    format: "bin",
  });
  return fetchPeaks(`${recordingPath(recordingId)}/peaks?${params}`, signal);
}

export interface SpectrogramRequest {
  startSeconds: number;
  endSeconds: number;
  columns: number;
  fftSize?: number;
}

export async function fetchSpectrogram(recordingId: string, request: SpectrogramRequest, signal: AbortSignal): Promise<SpectrogramResponse> {
  const params = new URLSearchParams({
    start: request.startSeconds.toFixed(3),
    end: request.endSeconds.toFixed(3),
    columns: String(request.columns),
    ...(request.fftSize ? { fftSize: String(request.fftSize) } : {}),
  });
  const response = await fetch(`${recordingPath(recordingId)}/spectrogram?${params}`, { signal });
  if (!response.ok) throw await apiError(response);
  return readSpectrogramResponse(response.headers, await response.arrayBuffer());
}

async function fetchPeaks(url: string, signal?: AbortSignal): Promise<PeaksWindow> {
  const response = await (takePreloadedResponse(url) ?? fetch(url, { signal }));
  if (!response.ok) throw await apiError(response);
  return readPeaksResponse(response.headers, await response.arrayBuffer());
}

async function apiError(response: Response): Promise<ApiRequestError> {
  const body = (await response.json().catch(() => null)) as Partial<ApiError> | null;
  return new ApiRequestError(body?.error ?? `The server answered ${response.status} ${response.statusText}.`, response.status, body?.code);
}
