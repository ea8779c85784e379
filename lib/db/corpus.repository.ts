import type {
  CorpusSummary,
  NewImportedAnalysis,
  NewRecording,
  RecordingMedia,
  RecordingSubject,
  RecordingSummary,
} from "../corpus/corpus-types";
import type { JsonValue } from "../jobs/job-types";
import { refreshModelPrediction } from "./label.repository";
import { Prisma, type PrismaClient } from "./generated/client";

/**
 * Persistence of corpora, patients, cohorts, sessions and recordings. Every
 * write that makes a recording visible happens in one transaction, so a
 * recording either exists with its subject and analysis or not at all.
 */

type Transaction = Prisma.TransactionClient;

/** The corpus of this name, created in `workspaceId` (the Default workspace when undefined) if there is none. */
export async function ensureCorpus(prisma: PrismaClient, name: string, workspaceId?: string): Promise<{ id: string; name: string }> {
  return prisma.corpus.upsert({ where: { name }, create: { name, ...(workspaceId ? { workspaceId } : {}) }, update: {}, select: { id: true, name: true } });
}

/** Every corpus, or those of `workspaceIds` (the workspaces the asker may read; undefined: all). */
export async function listCorpora(prisma: PrismaClient, filter: { workspaceIds?: readonly string[] } = {}): Promise<CorpusSummary[]> {
  const rows = await prisma.corpus.findMany({
    where: filter.workspaceIds ? { workspaceId: { in: [...filter.workspaceIds] } } : {},
    orderBy: { name: "asc" },
    select: { id: true, name: true, _count: { select: { recordings: true } } },
  });
  return rows.map((row) => ({ id: row.id, name: row.name, recordingCount: row._count.recordings }));
}

/** The recording rows (one per track) already holding this content in the corpus. */
export async function findRecordingIdsByContent(prisma: PrismaClient, corpusId: string, contentHash: string): Promise<string[]> {
  const rows = await prisma.recording.findMany({ where: { corpusId, contentHash }, select: { id: true }, orderBy: { trackIndex: "asc" } });
  return rows.map((row) => row.id);
}

/**
 * Creates a recording (one row per track) with its patient, session and cohort
 * memberships, and optionally an imported analysis, atomically.
 */
export async function createRecording(
  prisma: PrismaClient,
  recording: NewRecording,
  analysis?: NewImportedAnalysis,
): Promise<string[]> {
  return prisma.$transaction(async (tx) => {
    const subject = recording.subject ? await upsertSubject(tx, recording.corpusId, recording.subject) : undefined;
    const ids: string[] = [];
    for (const track of recording.tracks) {
      const row = await tx.recording.create({
        data: {
          corpusId: recording.corpusId,
          patientId: subject?.patientId ?? null,
          sessionId: subject?.sessionId ?? null,
          contentHash: recording.contentHash,
          analysisHash: track.analysisHash,
          originalName: recording.originalName,
          format: recording.format,
          durationSeconds: track.durationSeconds,
          sampleRate: recording.sampleRate,
          channels: recording.channels,
          trackIndex: track.trackIndex,
          sizeBytes: BigInt(recording.sizeBytes),
          quality: track.quality,
          qualityFlags: [...track.qualityFlags],
          metadata: (track.role ? { ...recording.metadata, channelRole: track.role } : recording.metadata) as Prisma.InputJsonValue,
        },
        select: { id: true },
      });
      ids.push(row.id);
      if (analysis) await upsertImportedAnalysis(tx, track.analysisHash, analysis);
      // The same audio may already have been analysed (in another corpus, or by the WebUI result above).
      await refreshModelPrediction(tx, track.analysisHash);
    }
    return ids;
  });
}

/**
 * A re-import of known content: merges new metadata into the existing rows and
 * replaces the subject when the new source names one. Never creates rows.
 */
export async function mergeRecordingMetadata(
  prisma: PrismaClient,
  corpusId: string,
  contentHash: string,
  metadata: { [key: string]: JsonValue },
  subject: RecordingSubject | undefined,
  analysis?: { analysisHashes: readonly string[]; value: NewImportedAnalysis },
): Promise<string[]> {
  return prisma.$transaction(async (tx) => {
    const rows = await tx.recording.findMany({ where: { corpusId, contentHash }, select: { id: true, metadata: true } });
    const resolved = subject ? await upsertSubject(tx, corpusId, subject) : undefined;
    for (const row of rows) {
      await tx.recording.update({
        where: { id: row.id },
        data: {
          metadata: { ...(row.metadata as Record<string, JsonValue>), ...metadata } as Prisma.InputJsonValue,
          ...(resolved ? { patientId: resolved.patientId, sessionId: resolved.sessionId } : {}),
        },
      });
    }
    if (analysis) {
      for (const hash of analysis.analysisHashes) {
        await upsertImportedAnalysis(tx, hash, analysis.value);
        await refreshModelPrediction(tx, hash);
      }
    }
    return rows.map((row) => row.id);
  });
}

/** Which import job created each of these recordings, and from which path (kept in their metadata). */
export async function importOriginsOf(
  prisma: PrismaClient,
  ids: readonly string[],
): Promise<{ jobId: string; relativePath: string }[]> {
  const rows = await prisma.recording.findMany({ where: { id: { in: [...ids] } }, select: { metadata: true } });
  return rows.flatMap((row) => {
    const { importedByJob, importedFrom } = row.metadata as { importedByJob?: unknown; importedFrom?: unknown };
    return typeof importedByJob === "string" && typeof importedFrom === "string" ? [{ jobId: importedByJob, relativePath: importedFrom }] : [];
  });
}

export async function analysisHashesOf(prisma: PrismaClient, corpusId: string, contentHash: string): Promise<string[]> {
  const rows = await prisma.recording.findMany({ where: { corpusId, contentHash }, select: { analysisHash: true } });
  return rows.flatMap((row) => (row.analysisHash ? [row.analysisHash] : []));
}

async function upsertSubject(
  tx: Transaction,
  corpusId: string,
  subject: RecordingSubject,
): Promise<{ patientId: string | null; sessionId: string | null }> {
  if (!subject.patientCode) return { patientId: null, sessionId: null };
  const patient = await tx.patient.upsert({
    where: { corpusId_code: { corpusId, code: subject.patientCode } },
    create: { corpusId, code: subject.patientCode },
    update: {},
    select: { id: true },
  });
  for (const name of subject.cohorts) {
    const cohort = await tx.cohort.upsert({
      where: { corpusId_name: { corpusId, name } },
      create: { corpusId, name },
      update: {},
      select: { id: true },
    });
    await tx.cohortMembership.upsert({
      where: { cohortId_patientId: { cohortId: cohort.id, patientId: patient.id } },
      create: { cohortId: cohort.id, patientId: patient.id },
      update: {},
    });
  }
  if (!subject.sessionCode) return { patientId: patient.id, sessionId: null };
  const date = subject.sessionDate ? new Date(`${subject.sessionDate}T00:00:00Z`) : null;
  const session = await tx.studySession.upsert({
    where: { patientId_code: { patientId: patient.id, code: subject.sessionCode } },
    create: { patientId: patient.id, code: subject.sessionCode, date },
    update: date ? { date } : {},
    select: { id: true },
  });
  return { patientId: patient.id, sessionId: session.id };
}

async function upsertImportedAnalysis(tx: Transaction, audioHash: string, analysis: NewImportedAnalysis): Promise<void> {
  const data = {
    utteranceScores: {
      labels: [...analysis.labelNames],
      scores: [...analysis.utteranceScores],
      top: analysis.topLabel,
      confidence: analysis.confidence,
    },
    embeddingDim: analysis.embedding?.dim ?? null,
    embedding: analysis.embedding ? float32Bytes(analysis.embedding.utterance) : null,
    frameEmbeddings: analysis.embedding?.frames ? float32Bytes(analysis.embedding.frames) : null,
    executionProvider: "imported",
    windowSettings: analysis.details as Prisma.InputJsonValue,
  };
  await tx.analysis.upsert({
    where: { audioHash_modelId_rangeKey: { audioHash, modelId: analysis.modelId, rangeKey: "" } },
    create: { audioHash, modelId: analysis.modelId, ...data },
    update: data,
  });
}

function float32Bytes(values: Float32Array): Uint8Array<ArrayBuffer> {
  const copy = new Float32Array(values);
  return new Uint8Array(copy.buffer);
}

/** The model entry results are attributed to; created on first use. */
export async function ensureModelEntry(
  prisma: PrismaClient,
  entry: { modelKey: string; version: string; name: string; fileHash: string; labelNames: readonly string[]; manifest: JsonValue },
): Promise<string> {
  const row = await prisma.model.upsert({
    where: { modelKey_version_fileHash: { modelKey: entry.modelKey, version: entry.version, fileHash: entry.fileHash } },
    create: {
      modelKey: entry.modelKey,
      version: entry.version,
      name: entry.name,
      fileHash: entry.fileHash,
      manifestHash: entry.fileHash,
      labelNames: [...entry.labelNames],
      manifest: entry.manifest as Prisma.InputJsonValue,
    },
    update: {},
    select: { id: true },
  });
  return row.id;
}

const summarySelect = {
  id: true,
  corpusId: true,
  corpus: { select: { name: true } },
  originalName: true,
  format: true,
  durationSeconds: true,
  sampleRate: true,
  channels: true,
  trackIndex: true,
  contentHash: true,
  analysisHash: true,
  qualityFlags: true,
  metadata: true,
  createdAt: true,
  patient: { select: { code: true, memberships: { select: { cohort: { select: { name: true } } } } } },
  session: { select: { code: true, date: true } },
} satisfies Prisma.RecordingSelect;

type SummaryRow = Prisma.RecordingGetPayload<{ select: typeof summarySelect }>;

function toSummary(row: SummaryRow): RecordingSummary {
  return {
    id: row.id,
    corpusId: row.corpusId,
    corpusName: row.corpus.name,
    originalName: row.originalName,
    format: row.format,
    durationSeconds: row.durationSeconds,
    sampleRate: row.sampleRate,
    channels: row.channels,
    trackIndex: row.trackIndex,
    contentHash: row.contentHash,
    analysisHash: row.analysisHash,
    qualityFlags: row.qualityFlags,
    patientCode: row.patient?.code ?? null,
    sessionCode: row.session?.code ?? null,
    sessionDate: row.session?.date ? row.session.date.toISOString().slice(0, 10) : null,
    cohorts: (row.patient?.memberships ?? []).map((membership) => membership.cohort.name).sort(),
    metadata: row.metadata as { [key: string]: JsonValue },
    createdAt: row.createdAt.toISOString(),
  };
}

export async function listRecordings(
  prisma: PrismaClient,
  filter: { corpusId?: string; ids?: readonly string[]; limit?: number; offset?: number; workspaceIds?: readonly string[] } = {},
): Promise<RecordingSummary[]> {
  const rows = await prisma.recording.findMany({
    where: {
      ...(filter.corpusId ? { corpusId: filter.corpusId } : {}),
      ...(filter.workspaceIds ? { corpus: { workspaceId: { in: [...filter.workspaceIds] } } } : {}),
      ...(filter.ids ? { id: { in: [...filter.ids] } } : {}),
    },
    orderBy: [{ createdAt: "asc" }, { trackIndex: "asc" }],
    take: filter.limit ?? 500,
    skip: filter.offset ?? 0,
    select: summarySelect,
  });
  return rows.map(toSummary);
}

/** One recording's summary (the editor's header and facts), or null when no recording has that id. */
export async function findRecordingSummary(prisma: PrismaClient, id: string): Promise<RecordingSummary | null> {
  const row = await prisma.recording.findUnique({ where: { id }, select: summarySelect });
  return row ? toSummary(row) : null;
}

export async function findRecordingMedia(prisma: PrismaClient, id: string): Promise<RecordingMedia | null> {
  return prisma.recording.findUnique({
    where: { id },
    select: { id: true, contentHash: true, analysisHash: true, format: true, originalName: true, durationSeconds: true },
  });
}

/** Every stored-file hash a row refers to, for the orphan sweep. */
export async function listReferencedAudioHashes(
  prisma: PrismaClient,
): Promise<{ contentHashes: Set<string>; analysisHashes: Set<string>; frameScoreHashes: Set<string> }> {
  const rows = await prisma.recording.findMany({ select: { contentHash: true, analysisHash: true } });
  const analyses = await prisma.analysis.findMany({ where: { frameScoresHash: { not: null } }, select: { frameScoresHash: true } });
  return {
    contentHashes: new Set(rows.map((row) => row.contentHash)),
    analysisHashes: new Set(rows.flatMap((row) => (row.analysisHash ? [row.analysisHash] : []))),
    frameScoreHashes: new Set(analyses.map((row) => row.frameScoresHash!)),
  };
}
