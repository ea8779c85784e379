import { z } from "zod";
import { listAnalysesOfRecording, type StoredAnalysis } from "../db/analysis.repository";
import type { Database } from "../db/database";
import { CANONICAL_LABELS, type CanonicalLabel } from "../domain/emotion-labels";

/**
 * GET /api/recordings/:id/analyses: what each model said about a recording
 * (whole recording and regions), newest first, without frame data (an hour
 * of frame scores is 6 MB; the curves route serves it downsampled).
 */

export interface UtteranceScoresView {
  /** The nine canonical labels, in canonical order. */
  labels: CanonicalLabel[];
  scores: number[];
  top: string;
  confidence: number;
  /** The model's own labels and scores (output order), when stored. */
  model?: { labels: string[]; scores: number[] };
}

export interface AnalysisTimingsView {
  audioSeconds?: number;
  decodeMs?: number;
  sessionMs?: number;
  inferenceMs?: number;
  /** Seconds of audio per second of inference. */
  realTimeFactor?: number;
}

export interface AnalysisView {
  id: string;
  model: { key: string; version: string; name: string };
  /** "" for the whole recording, "<start>-<end>" (seconds) for a region. */
  rangeKey: string;
  range: { startSeconds: number; endSeconds: number } | null;
  /** Null only when the stored scores are not in the shape this version writes. */
  utterance: UtteranceScoresView | null;
  frameRate: number | null;
  frameCount: number | null;
  embeddingDim: number | null;
  /** "cpu", "cuda", or "imported" for results read from WebUI folders. */
  executionProvider: string;
  threads: number | null;
  /** Why CUDA was not used when it was asked for. */
  cudaFallback: string | null;
  timings: AnalysisTimingsView;
  createdAt: string;
}

const finite = z.number().refine(Number.isFinite);

const utteranceScoresSchema = z.object({
  labels: z.array(z.string()),
  scores: z.array(finite),
  top: z.string(),
  confidence: finite,
  model: z.object({ labels: z.array(z.string()), scores: z.array(finite) }).optional(),
});

const windowSettingsSchema = z.object({
  threads: z.number().int().positive().optional().catch(undefined),
  cudaFallback: z.string().optional().catch(undefined),
  frameOffsetSeconds: finite.optional().catch(undefined),
});

const timingsSchema = z.object({
  audioSeconds: finite.optional().catch(undefined),
  decodeMs: finite.optional().catch(undefined),
  sessionMs: finite.optional().catch(undefined),
  inferenceMs: finite.optional().catch(undefined),
  realTimeFactor: finite.optional().catch(undefined),
});

/**
 * The stored utterance scores as the nine canonical scores; null when they are
 * not nine canonical labels in canonical order (a row from an older version).
 */
export function parseUtteranceScores(stored: unknown): UtteranceScoresView | null {
  const parsed = utteranceScoresSchema.safeParse(stored);
  if (!parsed.success) return null;
  const { labels, scores, top, confidence, model } = parsed.data;
  const canonical = labels.length === CANONICAL_LABELS.length && labels.every((label, index) => label === CANONICAL_LABELS[index]);
  if (!canonical || scores.length !== labels.length) return null;
  const own = model && model.labels.length === model.scores.length ? { model } : {};
  return { labels: [...CANONICAL_LABELS], scores, top, confidence, ...own };
}

/** Where frame 0's centre lies, in seconds; the engine stores it with the window settings. */
export function frameOffsetOf(analysis: Pick<StoredAnalysis, "windowSettings" | "frameRate">): number {
  const parsed = windowSettingsSchema.safeParse(analysis.windowSettings);
  const stored = parsed.success ? parsed.data.frameOffsetSeconds : undefined;
  // Without it, frames are taken as centred in their 1/rate slot.
  return stored ?? (analysis.frameRate ? 0.5 / analysis.frameRate : 0);
}

export function toAnalysisView(analysis: StoredAnalysis): AnalysisView {
  const settings = windowSettingsSchema.safeParse(analysis.windowSettings);
  const timings = timingsSchema.safeParse(analysis.timings);
  return {
    id: analysis.id,
    model: { key: analysis.modelKey, version: analysis.modelVersion, name: analysis.modelName },
    rangeKey: analysis.rangeKey,
    range: parseRangeKey(analysis.rangeKey),
    utterance: parseUtteranceScores(analysis.utteranceScores),
    frameRate: analysis.frameRate,
    frameCount: analysis.frameCount,
    embeddingDim: analysis.embedding?.length ?? null,
    executionProvider: analysis.executionProvider,
    threads: (settings.success ? settings.data.threads : undefined) ?? null,
    cudaFallback: (settings.success ? settings.data.cudaFallback : undefined) ?? null,
    timings: timings.success ? withoutUndefined(timings.data) : {},
    createdAt: analysis.createdAt.toISOString(),
  };
}

export async function listAnalysisViews(database: Database, recordingId: string): Promise<AnalysisView[]> {
  return (await listAnalysesOfRecording(database.prisma, recordingId)).map(toAnalysisView);
}

export async function serveAnalyses(database: Database, recordingId: string): Promise<Response> {
  return Response.json({ analyses: await listAnalysisViews(database, recordingId) }, { headers: { "Cache-Control": "no-store" } });
}

function parseRangeKey(rangeKey: string): AnalysisView["range"] {
  const match = /^(\d+(?:\.\d+)?)-(\d+(?:\.\d+)?)$/.exec(rangeKey);
  return match ? { startSeconds: Number(match[1]), endSeconds: Number(match[2]) } : null;
}

function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, entry]) => entry !== undefined)) as T;
}
