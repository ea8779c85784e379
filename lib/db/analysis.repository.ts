import type { JsonValue } from "../jobs/job-types";
import { Prisma, type PrismaClient } from "./generated/client";

/**
 * Model results: one Analysis row per (analysis audio hash, model identity,
 * range). Rows are written only when a run succeeded, so a failed re-run never
 * replaces what was there.
 */

export interface ModelIdentity {
  modelKey: string;
  version: string;
  fileHash: string;
  name: string;
  labelNames: readonly string[];
  manifestHash: string;
  manifest: JsonValue;
}

export async function ensureModelRecord(prisma: PrismaClient, identity: ModelIdentity): Promise<string> {
  const row = await prisma.model.upsert({
    where: { modelKey_version_fileHash: { modelKey: identity.modelKey, version: identity.version, fileHash: identity.fileHash } },
    create: {
      modelKey: identity.modelKey,
      version: identity.version,
      fileHash: identity.fileHash,
      name: identity.name,
      labelNames: [...identity.labelNames],
      manifestHash: identity.manifestHash,
      manifest: identity.manifest as Prisma.InputJsonValue,
    },
    update: {},
    select: { id: true },
  });
  return row.id;
}

export interface AnalysisTarget {
  recordingId: string;
  analysisHash: string;
  durationSeconds: number;
  originalName: string;
  regions: { id: string; startSeconds: number; endSeconds: number }[];
}

export interface RecordingSelection {
  corpusName?: string;
  cohortName?: string;
  recordingIds?: readonly string[];
}

/** The recordings a selection names, in a stable order, with their live regions. */
export async function listAnalysisTargets(prisma: PrismaClient, selection: RecordingSelection): Promise<AnalysisTarget[]> {
  const rows = await prisma.recording.findMany({
    where: {
      analysisHash: { not: null },
      ...(selection.recordingIds ? { id: { in: [...selection.recordingIds] } } : {}),
      ...(selection.corpusName ? { corpus: { name: selection.corpusName } } : {}),
      ...(selection.cohortName ? { patient: { memberships: { some: { cohort: { name: selection.cohortName } } } } } : {}),
    },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: {
      id: true,
      analysisHash: true,
      durationSeconds: true,
      originalName: true,
      regions: { where: { deletedAt: null }, select: { id: true, startSeconds: true, endSeconds: true }, orderBy: { startSeconds: "asc" } },
    },
  });
  return rows.map((row) => ({
    recordingId: row.id,
    analysisHash: row.analysisHash!,
    durationSeconds: row.durationSeconds,
    originalName: row.originalName,
    regions: row.regions,
  }));
}

export function rangeKeyOf(range: { startSeconds: number; endSeconds: number } | undefined): string {
  return range ? `${range.startSeconds.toFixed(3)}-${range.endSeconds.toFixed(3)}` : "";
}

export async function hasAnalysis(prisma: PrismaClient, audioHash: string, modelId: string, rangeKey: string): Promise<boolean> {
  const row = await prisma.analysis.findUnique({
    where: { audioHash_modelId_rangeKey: { audioHash, modelId, rangeKey } },
    select: { id: true },
  });
  return row !== null;
}

export interface NewAnalysis {
  audioHash: string;
  modelId: string;
  range?: { startSeconds: number; endSeconds: number };
  utteranceScores: JsonValue;
  frameRate: number;
  frameCount: number;
  /** SHA-256 of the frame scores file already committed to the store. */
  frameScoresHash: string;
  embedding: Float32Array | null;
  executionProvider: string;
  windowSettings: JsonValue;
  timings: JsonValue;
}

export async function saveAnalysis(prisma: PrismaClient, analysis: NewAnalysis): Promise<void> {
  const rangeKey = rangeKeyOf(analysis.range);
  const data = {
    startSeconds: analysis.range?.startSeconds ?? null,
    endSeconds: analysis.range?.endSeconds ?? null,
    utteranceScores: analysis.utteranceScores as Prisma.InputJsonValue,
    frameRate: analysis.frameRate,
    frameCount: analysis.frameCount,
    frameScoresHash: analysis.frameScoresHash,
    embeddingDim: analysis.embedding?.length ?? null,
    embedding: analysis.embedding ? float32Bytes(analysis.embedding) : null,
    frameEmbeddings: null,
    executionProvider: analysis.executionProvider,
    windowSettings: analysis.windowSettings as Prisma.InputJsonValue,
    timings: analysis.timings as Prisma.InputJsonValue,
    createdAt: new Date(),
  };
  await prisma.analysis.upsert({
    where: { audioHash_modelId_rangeKey: { audioHash: analysis.audioHash, modelId: analysis.modelId, rangeKey } },
    create: { audioHash: analysis.audioHash, modelId: analysis.modelId, rangeKey, ...data },
    update: data,
  });
}

export interface StoredAnalysis {
  id: string;
  modelId: string;
  modelKey: string;
  modelVersion: string;
  modelName: string;
  rangeKey: string;
  utteranceScores: JsonValue;
  frameRate: number | null;
  frameCount: number | null;
  /** Read the scores with readFrameScores(store, hash) from lib/inference/frame-scores-file. */
  frameScoresHash: string | null;
  embedding: Float32Array | null;
  executionProvider: string;
  windowSettings: JsonValue;
  timings: JsonValue;
  createdAt: Date;
}

/** A recording's analyses (whole recording and regions), newest first; optionally one model's only. */
export async function listAnalysesOfRecording(
  prisma: PrismaClient,
  recordingId: string,
  filter: { modelKey?: string } = {},
): Promise<StoredAnalysis[]> {
  const recording = await prisma.recording.findUnique({ where: { id: recordingId }, select: { analysisHash: true } });
  if (!recording?.analysisHash) return [];
  const rows = await prisma.analysis.findMany({
    where: { audioHash: recording.analysisHash, ...(filter.modelKey ? { model: { modelKey: filter.modelKey } } : {}) },
    orderBy: { createdAt: "desc" },
    select: {
      id: true,
      modelId: true,
      model: { select: { modelKey: true, version: true, name: true } },
      rangeKey: true,
      utteranceScores: true,
      frameRate: true,
      frameCount: true,
      frameScoresHash: true,
      embedding: true,
      executionProvider: true,
      windowSettings: true,
      timings: true,
      createdAt: true,
    },
  });
  return rows.map((row) => ({
    id: row.id,
    modelId: row.modelId,
    modelKey: row.model.modelKey,
    modelVersion: row.model.version,
    modelName: row.model.name,
    rangeKey: row.rangeKey,
    utteranceScores: row.utteranceScores as JsonValue,
    frameRate: row.frameRate,
    frameCount: row.frameCount,
    frameScoresHash: row.frameScoresHash,
    embedding: row.embedding ? toFloat32(row.embedding) : null,
    executionProvider: row.executionProvider,
    windowSettings: row.windowSettings as JsonValue,
    timings: row.timings as JsonValue,
    createdAt: row.createdAt,
  }));
}

function float32Bytes(values: Float32Array): Uint8Array<ArrayBuffer> {
  const copy = new Float32Array(values);
  return new Uint8Array(copy.buffer);
}

function toFloat32(bytes: Uint8Array): Float32Array {
  const copy = new Uint8Array(bytes);
  return new Float32Array(copy.buffer, 0, Math.floor(copy.length / 4));
}
