import type { AudioStore } from "../corpus/audio-store";
import { readCachedFrameScores } from "./frame-scores-cache";
import { z } from "zod";
import type { RecordingMedia } from "../corpus/corpus-types";
import { listAnalysesOfRecording, type StoredAnalysis } from "../db/analysis.repository";
import type { Database } from "../db/database";
import { downsampleCurves } from "../domain/curve-downsample";
import { CANONICAL_LABELS, type CanonicalLabel } from "../domain/emotion-labels";
import { errorResponse } from "../http/error-response";
import { frameOffsetOf } from "./serve-analyses";

/**
 * GET /api/recordings/:id/curves: the frame scores of a model's latest
 * whole-recording analysis, reduced to one column per pixel between `from`
 * and `to`, as min / max / mean per class, for drawing curves at any zoom.
 */

/** A screen is a few thousand pixels wide; more columns than this only cost bytes. */
export const MAX_CURVE_PIXELS = 10_000;

export const curvesQuerySchema = z
  .object({
    model: z.string({ error: "model (a model id, e.g. emotion2vec-plus-base) is required" }).min(1, { error: "model must not be empty" }).max(200),
    from: z.coerce.number({ error: "from must be a number of seconds" }).min(0, { error: "from must be 0 or more" }).default(0),
    to: z.coerce.number({ error: "to must be a number of seconds" }).positive({ error: "to must be more than 0" }).optional(),
    pixels: z.coerce
      .number({ error: "pixels must be a whole number" })
      .int({ error: "pixels must be a whole number" })
      .min(1, { error: "pixels must be at least 1" })
      .max(MAX_CURVE_PIXELS, { error: `pixels must be at most ${MAX_CURVE_PIXELS}` })
      .default(1000),
  })
  .refine((query) => query.to === undefined || query.to > query.from, { error: "to must be after from", path: ["to"] });

export type CurvesQuery = z.infer<typeof curvesQuerySchema>;

/**
 * The curves route's body. `min`, `max` and `mean` are buckets × 9 values,
 * row-major (bucket b, class k at b · 9 + k, classes in `labels` order),
 * rounded to 4 decimals; null in a bucket that holds no frame (past either
 * end of the recording). Row-major keeps one bucket's nine values together,
 * the order the drawing code walks them.
 */
export interface CurvesJson {
  model: { key: string; version: string; name: string };
  analysisId: string;
  labels: CanonicalLabel[];
  frameRate: number;
  /** Frames in the whole analysis. */
  frameCount: number;
  /** Bucket b covers [from + b · bucketSeconds, from + (b + 1) · bucketSeconds). */
  from: number;
  to: number;
  bucketSeconds: number;
  buckets: number;
  /** One bucket per frame: the range held no more frames than pixels (from and to moved to frame edges). */
  perFrame: boolean;
  /** Frames within from..to. */
  framesInRange: number;
  min: (number | null)[];
  max: (number | null)[];
  mean: (number | null)[];
}

/** The newest analysis of the whole recording by a model (any version), or null. */
export async function latestWholeAnalysis(
  database: Database,
  recordingId: string,
  modelKey: string,
): Promise<StoredAnalysis | null> {
  const analyses = await listAnalysesOfRecording(database.prisma, recordingId, { modelKey });
  return analyses.find((analysis) => analysis.rangeKey === "") ?? null;
}

/** The newest whole-recording analysis by a model, or the 404 to send when there is none. */
export async function latestWholeAnalysisOr404(database: Database, media: RecordingMedia, modelKey: string): Promise<StoredAnalysis | Response> {
  const analysis = await latestWholeAnalysis(database, media.id, modelKey);
  return (
    analysis ??
    errorResponse(404, `${media.originalName} has no analysis by model ${modelKey}; analyse it with that model first.`, "ANALYSIS_NOT_FOUND")
  );
}

export type CurvesOutcome =
  | { ok: true; curves: CurvesJson }
  | { ok: false; status: 400 | 404; code: "QUERY_INVALID" | "CURVES_NOT_AVAILABLE"; problem: string };

/** The curves of one stored analysis and its frame scores (read from the store), or why there are none. */
export function curvesOf(
  analysis: StoredAnalysis,
  frameScores: Float32Array | null,
  query: CurvesQuery,
  durationSeconds: number,
): CurvesOutcome {
  const classes = CANONICAL_LABELS.length;
  const { frameRate } = analysis;
  const unavailable = (problem: string): CurvesOutcome => ({ ok: false, status: 404, code: "CURVES_NOT_AVAILABLE", problem });
  // Results imported from WebUI folders have utterance scores only.
  if (!frameScores || !frameRate || frameScores.length === 0) return unavailable("it has no frame scores");
  if (frameScores.length % classes !== 0) return unavailable(`its frame scores are not rows of ${classes} classes`);
  const to = query.to ?? durationSeconds;
  if (!(to > query.from)) {
    return {
      ok: false,
      status: 400,
      code: "QUERY_INVALID",
      problem: `from (${query.from} s) is at or after the end of the recording (${durationSeconds.toFixed(3)} s)`,
    };
  }
  const reduced = downsampleCurves(frameScores, classes, { rate: frameRate, offsetSeconds: frameOffsetOf(analysis) }, {
    fromSeconds: query.from,
    toSeconds: to,
    buckets: query.pixels,
  });
  const curves: CurvesJson = {
    model: { key: analysis.modelKey, version: analysis.modelVersion, name: analysis.modelName },
    analysisId: analysis.id,
    labels: [...CANONICAL_LABELS],
    frameRate,
    frameCount: frameScores.length / classes,
    from: round(reduced.from, 6),
    to: round(reduced.to, 6),
    bucketSeconds: reduced.bucketSeconds,
    buckets: reduced.buckets,
    perFrame: reduced.perFrame,
    framesInRange: reduced.frameCount,
    min: rounded(reduced.min),
    max: rounded(reduced.max),
    mean: rounded(reduced.mean),
  };
  return { ok: true, curves };
}

export async function serveCurves(options: {
  database: Database;
  store: AudioStore;
  media: RecordingMedia;
  query: CurvesQuery;
}): Promise<Response> {
  const { database, store, media, query } = options;
  const analysis = await latestWholeAnalysisOr404(database, media, query.model);
  if (analysis instanceof Response) return analysis;
  const frameScores = analysis.frameScoresHash ? await readCachedFrameScores(store, analysis.frameScoresHash) : null;
  const outcome = curvesOf(analysis, frameScores, query, media.durationSeconds);
  if (!outcome.ok) return errorResponse(outcome.status, `No curves for ${media.originalName} by ${query.model}: ${outcome.problem}.`, outcome.code);
  // A forced re-analysis replaces the curves behind the same URL.
  return Response.json(outcome.curves, { headers: { "Cache-Control": "no-store" } });
}

function rounded(values: Float32Array): (number | null)[] {
  return Array.from(values, (value) => (Number.isNaN(value) ? null : Math.round(value * 10_000) / 10_000));
}

function round(value: number, decimals: number): number {
  const scale = 10 ** decimals;
  return Math.round(value * scale) / scale;
}
