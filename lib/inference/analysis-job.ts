import { createHash } from "node:crypto";
import { z } from "zod";
import type { AudioStore } from "../corpus/audio-store";
import {
  type AnalysisTarget,
  ensureModelRecord,
  hasAnalysis,
  listAnalysisTargets,
  rangeKeyOf,
  saveAnalysis,
} from "../db/analysis.repository";
import type { Database } from "../db/database";
import { refreshModelPrediction } from "../db/label.repository";
import { AppError } from "../domain/app-error";
import { CANONICAL_LABELS } from "../domain/emotion-labels";
import { type JobContext, type JobHandler, TransientJobError } from "../jobs/job-worker";
import type { JsonValue } from "../jobs/job-types";
import { analyseJobPayloadSchema, type AnalyseJobPayload } from "./analysis-job-payload";
import type { InferenceEngine } from "./inference-engine";
import type { AnalyseResult } from "./inference-protocol";
import { writeFrameScores } from "./frame-scores-file";
import { type RegisteredModel, scanModels } from "./model-registry";

/**
 * The `analyse` job: runs one model over a selection of recordings (and their
 * regions) through the inference worker, storing results per analysis audio
 * hash and model identity. Cached results are skipped unless forced; a
 * recording that fails is reported and the job goes on; a checkpoint after
 * every recording lets a restarted server resume.
 */

export interface AnalysisJobDependencies {
  database: Database;
  store: AudioStore;
  engine: InferenceEngine;
  modelsDir: string;
  /**
   * A worker on another host may lack a model the server has: it hands such a
   * job back (a transient failure, retried after a backoff, by whichever
   * process claims it then) instead of failing it for good.
   */
  missingModel?: "fail" | "hand back";
}

export type AnalysisOutcome = "analysed" | "cached" | "failed";

export interface AnalysisReportEntry {
  recordingId: string;
  name: string;
  outcome: AnalysisOutcome;
  code?: string;
  reason?: string;
  audioSeconds?: number;
  regions?: number;
}

export interface AnalysisReport {
  model: { id: string; version: string; fileHash: string; executionProvider?: string };
  counts: Record<AnalysisOutcome, number>;
  entries: AnalysisReportEntry[];
}

const checkpointSchema = z.object({
  nextTarget: z.number().int().min(0),
  audioSecondsDone: z.number().min(0),
  entries: z.array(z.custom<AnalysisReportEntry>()),
  executionProvider: z.string().optional(),
});

/** Thrown when the job names a model that is not (or not validly) in MODELS_DIR. */
export class ModelNotFoundError extends AppError {
  override readonly name = "ModelNotFoundError";
  readonly code = "MODEL_NOT_FOUND";
}

export function createAnalysisJobHandler(dependencies: AnalysisJobDependencies): JobHandler {
  return async (context) => runAnalysis(dependencies, analyseJobPayloadSchema.parse(context.job.payload), context);
}

/** The model a request names: by id, and by version when given (else the highest version found). */
export async function findModel(modelsDir: string, modelId: string, version?: string): Promise<RegisteredModel> {
  const { models, invalid } = await scanModels(modelsDir);
  const matching = models.filter((model) => model.manifest.id === modelId && (!version || model.manifest.version === version));
  if (matching.length === 0) {
    const broken = invalid.find((entry) => entry.reason.includes(modelId) || entry.folderName === modelId);
    throw new ModelNotFoundError(
      broken
        ? `Model ${modelId} cannot be used: ${broken.reason}`
        : `No model ${modelId}${version ? ` version ${version}` : ""} in ${modelsDir}. Available: ${models.map((m) => `${m.manifest.id} ${m.manifest.version}`).join(", ") || "none"}.`,
    );
  }
  return matching.sort((a, b) => b.manifest.version.localeCompare(a.manifest.version, undefined, { numeric: true }))[0]!;
}

export async function registerModel(database: Database, model: RegisteredModel): Promise<string> {
  const manifestJson = JSON.stringify(model.manifest);
  return ensureModelRecord(database.prisma, {
    modelKey: model.manifest.id,
    version: model.manifest.version,
    fileHash: model.fileHash,
    name: model.manifest.name,
    labelNames: model.manifest.labels,
    manifestHash: createHash("sha256").update(manifestJson).digest("hex"),
    manifest: JSON.parse(manifestJson) as JsonValue,
  });
}

async function runAnalysis(dependencies: AnalysisJobDependencies, payload: AnalyseJobPayload, context: JobContext): Promise<JsonValue> {
  const { database } = dependencies;
  const model = await findModel(dependencies.modelsDir, payload.modelId, payload.modelVersion).catch((error: unknown) => {
    if (error instanceof ModelNotFoundError && dependencies.missingModel === "hand back") {
      throw new TransientJobError(`${error.message} Handed back for a worker that has the model.`);
    }
    throw error;
  });
  const modelId = await registerModel(database, model);
  const targets = uniqueByAudio(await listAnalysisTargets(database.prisma, payload.selection));
  const saved = checkpointSchema.safeParse(context.job.checkpoint);
  const checkpoint = saved.success ? saved.data : { nextTarget: 0, audioSecondsDone: 0, entries: [] as AnalysisReportEntry[] };
  const audioSecondsTotal = targets.reduce((sum, target) => sum + target.durationSeconds, 0);
  const started = performance.now();
  const secondsAtStart = checkpoint.audioSecondsDone;

  for (let index = checkpoint.nextTarget; index < targets.length; ) {
    const target = targets[index]!;
    if (context.signal.aborted) throw new AnalysisCancelledError("The analysis was cancelled.");
    const elapsed = (performance.now() - started) / 1000;
    const pace = (checkpoint.audioSecondsDone - secondsAtStart) / Math.max(elapsed, 1e-3);
    context.reportProgress({
      done: index,
      total: targets.length,
      unit: "recordings",
      message: target.originalName,
      audioSecondsDone: checkpoint.audioSecondsDone,
      audioSecondsTotal,
      ...(pace > 0 ? { etaSeconds: Math.round((audioSecondsTotal - checkpoint.audioSecondsDone) / pace) } : {}),
    });
    const group = batchableRun(targets, index, model, payload);
    const outcomes =
      group.length > 1
        ? await analyseGroup(dependencies, model, modelId, group, payload, context.signal)
        : [await analyseTarget(dependencies, model, modelId, target, payload, context.signal)];
    if (context.signal.aborted) throw new AnalysisCancelledError("The analysis was cancelled.");
    for (const outcome of outcomes) {
      if (outcome.provider) checkpoint.executionProvider = outcome.provider;
      checkpoint.entries.push(outcome.report);
    }
    index += group.length;
    checkpoint.nextTarget = index;
    checkpoint.audioSecondsDone += group.reduce((sum, done) => sum + done.durationSeconds, 0);
    await context.saveCheckpoint(checkpoint as unknown as JsonValue);
  }
  context.reportProgress({ done: targets.length, total: targets.length, unit: "recordings", audioSecondsDone: audioSecondsTotal, audioSecondsTotal });
  const counts = { analysed: 0, cached: 0, failed: 0 };
  for (const entry of checkpoint.entries) counts[entry.outcome]++;
  const report: AnalysisReport = {
    model: {
      id: model.manifest.id,
      version: model.manifest.version,
      fileHash: model.fileHash,
      ...(checkpoint.executionProvider ? { executionProvider: checkpoint.executionProvider } : {}),
    },
    counts,
    entries: checkpoint.entries,
  };
  return report as unknown as JsonValue;
}

/** Thrown between recordings when the job is cancelled; the worker records the cancellation. */
export class AnalysisCancelledError extends AppError {
  override readonly name = "AnalysisCancelledError";
  readonly code = "CANCELLED";
}

/** Most recordings analysed in one engine call when they can share batches. */
const MAX_GROUP = 16;

/**
 * The run of recordings starting at `index` that can share batches: short
 * enough for one window, of exactly the same length, without regions to
 * analyse, on a graph whose batch axis is dynamic. At least the first one.
 */
function batchableRun(targets: readonly AnalysisTarget[], index: number, model: RegisteredModel, payload: AnalyseJobPayload): AnalysisTarget[] {
  const first = targets[index]!;
  const fits = (target: AnalysisTarget) =>
    target.durationSeconds <= model.manifest.maxWindowSeconds && (!payload.includeRegions || target.regions.length === 0);
  if (!model.manifest.batch.dynamic || !fits(first)) return [first];
  const group = [first];
  for (let next = index + 1; next < targets.length && group.length < MAX_GROUP; next++) {
    const target = targets[next]!;
    if (!fits(target) || target.durationSeconds !== first.durationSeconds) break;
    group.push(target);
  }
  return group;
}

type TargetOutcome = { report: AnalysisReportEntry; provider?: string };

async function analyseGroup(
  dependencies: AnalysisJobDependencies,
  model: RegisteredModel,
  modelId: string,
  group: readonly AnalysisTarget[],
  payload: AnalyseJobPayload,
  signal: AbortSignal,
): Promise<TargetOutcome[]> {
  const { database, engine, store } = dependencies;
  const cached = await Promise.all(group.map((target) => !payload.force && hasAnalysis(database.prisma, target.analysisHash, modelId, "")));
  const pending = group.filter((_, index) => !cached[index]);
  const outcomes = new Map<string, TargetOutcome>();
  try {
    const results = pending.length > 0 ? await engine.analyseMany(pending.map((target) => ({ modelFolder: model.folder, audioPath: store.analysisPath(target.analysisHash) })), signal) : [];
    for (const [index, outcome] of results.entries()) {
      const target = pending[index]!;
      const base = { recordingId: target.recordingId, name: target.originalName };
      if (!outcome.ok) {
        outcomes.set(target.recordingId, { report: { ...base, outcome: "failed", code: outcome.error.code, reason: outcome.error.message } });
        continue;
      }
      await saveAnalysis(
        database.prisma,
        toNewAnalysis(target.analysisHash, modelId, undefined, outcome.result, await writeFrameScores(store, outcome.result.frameScores), pending.length),
      );
      await refreshModelPrediction(database.prisma, target.analysisHash);
      outcomes.set(target.recordingId, { report: { ...base, outcome: "analysed", audioSeconds: target.durationSeconds }, provider: outcome.result.provider.active });
    }
  } catch (error) {
    if (signal.aborted) throw new AnalysisCancelledError("The analysis was cancelled.");
    if (!(error instanceof AppError)) throw new TransientJobError(`Analysing a batch failed: ${error instanceof Error ? error.message : String(error)}`);
    for (const target of pending) {
      outcomes.set(target.recordingId, {
        report: { recordingId: target.recordingId, name: target.originalName, outcome: "failed", code: error.code, reason: error.message },
      });
    }
  }
  return group.map(
    (target) =>
      outcomes.get(target.recordingId) ?? {
        report: { recordingId: target.recordingId, name: target.originalName, outcome: "cached", audioSeconds: target.durationSeconds },
      },
  );
}

/** Recordings sharing analysis audio (duplicates across corpora) are analysed once. */
function uniqueByAudio(targets: AnalysisTarget[]): AnalysisTarget[] {
  const seen = new Set<string>();
  return targets.filter((target) => !seen.has(target.analysisHash) && (seen.add(target.analysisHash), true));
}

async function analyseTarget(
  dependencies: AnalysisJobDependencies,
  model: RegisteredModel,
  modelId: string,
  target: AnalysisTarget,
  payload: AnalyseJobPayload,
  signal: AbortSignal,
): Promise<TargetOutcome> {
  const { database, engine, store } = dependencies;
  const base = { recordingId: target.recordingId, name: target.originalName };
  const ranges = [undefined, ...(payload.includeRegions ? target.regions : [])];
  let analysed = 0;
  let provider: string | undefined;
  try {
    for (const range of ranges) {
      const rangeKey = rangeKeyOf(range);
      if (!payload.force && (await hasAnalysis(database.prisma, target.analysisHash, modelId, rangeKey))) continue;
      const result = await engine.analyse(
        { modelFolder: model.folder, audioPath: store.analysisPath(target.analysisHash), ...(range ? { range } : {}) },
        signal,
      );
      if (result.model.fileHash !== model.fileHash) {
        throw new ModelChangedError(`${model.manifest.id}'s model file changed while the job ran; run the analysis again.`);
      }
      const frameScoresHash = await writeFrameScores(store, result.frameScores);
      await saveAnalysis(database.prisma, toNewAnalysis(target.analysisHash, modelId, range, result, frameScoresHash));
      // The explorer and "next recording that needs attention" read the whole recording's top class from Recording.
      if (!range) await refreshModelPrediction(database.prisma, target.analysisHash);
      provider = result.provider.active;
      analysed++;
    }
  } catch (error) {
    if (signal.aborted) throw new AnalysisCancelledError("The analysis was cancelled.");
    // Typed failures belong to this recording (or model); anything else, such as
    // a lost database connection, fails the attempt so the queue retries it with
    // backoff and the checkpoint resumes after the last stored recording.
    if (!(error instanceof AppError)) {
      throw new TransientJobError(`Analysing ${target.originalName} failed: ${error instanceof Error ? error.message : String(error)}`);
    }
    return {
      report: {
        ...base,
        outcome: "failed",
        code: error instanceof AppError ? error.code : "ANALYSIS_FAILED",
        reason: error instanceof Error ? error.message : String(error),
      },
    };
  }
  const regions = payload.includeRegions ? target.regions.length : 0;
  return {
    report: { ...base, outcome: analysed === 0 ? "cached" : "analysed", audioSeconds: target.durationSeconds, ...(regions ? { regions } : {}) },
    ...(provider ? { provider } : {}),
  };
}

/** Thrown when the ONNX file changes under a running job (its identity would be wrong). */
class ModelChangedError extends AppError {
  override readonly name = "ModelChangedError";
  readonly code = "MODEL_CHANGED";
}

function toNewAnalysis(
  audioHash: string,
  modelId: string,
  range: { startSeconds: number; endSeconds: number } | undefined,
  result: AnalyseResult,
  frameScoresHash: string,
  batchedRecordings = 1,
) {
  return {
    audioHash,
    modelId,
    ...(range ? { range: { startSeconds: range.startSeconds, endSeconds: range.endSeconds } } : {}),
    utteranceScores: {
      labels: [...CANONICAL_LABELS],
      scores: result.canonicalScores,
      top: result.topLabel,
      confidence: result.confidence,
      model: { labels: result.ownLabels, scores: result.ownScores },
    },
    frameRate: result.frameRate,
    frameCount: result.frameCount,
    frameScoresHash,
    embedding: result.embedding,
    executionProvider: result.provider.active,
    windowSettings: {
      windows: result.windows,
      overlapSeconds: result.overlapSeconds,
      frameOffsetSeconds: result.frameOffsetSeconds,
      threads: result.provider.threads,
      batchedRecordings,
      ...(result.provider.fallbackReason ? { cudaFallback: result.provider.fallbackReason } : {}),
    },
    timings: {
      audioSeconds: result.audioSeconds,
      decodeMs: Math.round(result.decodeMs),
      sessionMs: Math.round(result.sessionMs),
      inferenceMs: Math.round(result.inferenceMs),
      realTimeFactor: result.inferenceMs > 0 ? Number((result.audioSeconds / (result.inferenceMs / 1000)).toFixed(1)) : null,
    },
  };
}
