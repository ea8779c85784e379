import { AppError } from "../domain/app-error";
import type { AuditEventInput } from "../domain/audit-event";
import type { JsonValue } from "../jobs/job-types";
import type { ExportSelection } from "../domain/export/export-definition";
import { rangeKeyOf } from "./analysis.repository";
import { recordAuditEvent } from "./audit.repository";
import { Prisma, type PrismaClient } from "./generated/client";
import { resolveProjectionSelection } from "./projection.repository";
import { selectionWithinWorkspaces } from "./selection-workspaces.repository";

/**
 * What an export reads from the database: the recordings of its selection
 * with patient, cohorts and session, their current human labels (of the
 * recording and of each live region, with who set them), and the chosen
 * model's results. Batched, so 100,000 recordings take a bounded number of
 * queries of bounded size.
 */

const BATCH = 1000;

export class ExportNotFoundError extends AppError {
  override readonly name = "ExportNotFoundError";
  readonly code = "EXPORT_NOT_FOUND";
}

export interface ExportSourceRegion {
  id: string;
  startSeconds: number;
  endSeconds: number;
  humanLabel: string | null;
  labelSource: "human" | "model" | null;
  authorId: string | null;
}

export interface ExportModelResult {
  utteranceScores: JsonValue;
  frameScoresHash: string | null;
  frameRate: number | null;
  windowSettings: JsonValue;
  embedding: Float32Array | null;
}

export interface ExportSourceRecording {
  recordingId: string;
  name: string;
  corpusName: string;
  analysisHash: string | null;
  durationSeconds: number;
  patientId: string | null;
  patientCode: string | null;
  cohorts: string | null;
  sessionCode: string | null;
  humanLabel: string | null;
  humanLabelSource: "human" | "model" | null;
  humanAuthorId: string | null;
  regions: ExportSourceRegion[];
  /** The model's whole-recording result, and its results for regions by range key. */
  model: ExportModelResult | null;
  regionModels: Map<string, ExportModelResult>;
}

/** The selection's recordings in a stable order, one batch at a time. */
export async function* readExportSources(
  prisma: PrismaClient,
  selection: ExportSelection,
  modelId: string | null,
): AsyncGenerator<ExportSourceRecording[]> {
  // A projection selection names recordings (and, per region, which regions): the rest of the selection narrows it.
  const pointKeys = selection.projection?.pointKeys;
  const fromPoints = pointKeys ? [...new Set(pointKeys.map((key) => key.split("|")[0]!))] : undefined;
  const regionsFromPoints = pointKeys ? new Set(pointKeys.map((key) => key.split("|")[1]).filter((id): id is string => Boolean(id))) : undefined;
  const resolved = await resolveProjectionSelection(prisma, {
    ...(selection.corpusIds ? { corpusIds: selection.corpusIds } : {}),
    ...(selection.cohortIds ? { cohortIds: selection.cohortIds } : {}),
    filter: selection.filter,
    lowConfidence: selection.lowConfidence,
    ...(fromPoints || selection.recordingIds ? { recordingIds: [...(selection.recordingIds ?? []), ...(fromPoints ?? [])] } : {}),
  });
  for (let start = 0; start < resolved.length; start += BATCH) {
    const ids = resolved.slice(start, start + BATCH).map((row) => row.id);
    yield await readBatch(prisma, ids, modelId, regionsFromPoints && regionsFromPoints.size > 0 ? regionsFromPoints : undefined);
  }
}

async function readBatch(prisma: PrismaClient, ids: string[], modelId: string | null, onlyRegions: ReadonlySet<string> | undefined): Promise<ExportSourceRecording[]> {
  const rows = await prisma.recording.findMany({
    where: { id: { in: ids } },
    select: {
      id: true,
      originalName: true,
      analysisHash: true,
      durationSeconds: true,
      humanEmotion: true,
      corpus: { select: { name: true } },
      patient: { select: { id: true, code: true, memberships: { select: { cohort: { select: { name: true } } } } } },
      session: { select: { code: true } },
      labels: {
        where: { supersededById: null, regionId: null },
        select: { emotion: true, source: true, authorId: true },
        orderBy: { createdAt: "desc" },
        take: 1,
      },
      regions: {
        where: { deletedAt: null },
        orderBy: [{ startSeconds: "asc" }, { id: "asc" }],
        select: {
          id: true,
          startSeconds: true,
          endSeconds: true,
          labels: { where: { supersededById: null }, select: { emotion: true, source: true, authorId: true }, orderBy: { createdAt: "desc" }, take: 1 },
        },
      },
    },
  });
  const hashes = [...new Set(rows.flatMap((row) => (row.analysisHash ? [row.analysisHash] : [])))];
  const analyses = modelId && hashes.length
    ? await prisma.analysis.findMany({
        where: { modelId, audioHash: { in: hashes } },
        select: { audioHash: true, rangeKey: true, utteranceScores: true, frameScoresHash: true, frameRate: true, windowSettings: true, embedding: true },
      })
    : [];
  const byHash = new Map<string, Map<string, ExportModelResult>>();
  for (const analysis of analyses) {
    const results = byHash.get(analysis.audioHash) ?? new Map<string, ExportModelResult>();
    results.set(analysis.rangeKey, {
      utteranceScores: analysis.utteranceScores as JsonValue,
      frameScoresHash: analysis.frameScoresHash,
      frameRate: analysis.frameRate,
      windowSettings: analysis.windowSettings as JsonValue,
      embedding: float32Of(analysis.embedding),
    });
    byHash.set(analysis.audioHash, results);
  }
  const order = new Map(ids.map((id, index) => [id, index]));
  return rows
    .sort((a, b) => order.get(a.id)! - order.get(b.id)!)
    .map((row) => {
      const results = row.analysisHash ? byHash.get(row.analysisHash) : undefined;
      const whole = row.labels[0];
      return {
        recordingId: row.id,
        name: row.originalName,
        corpusName: row.corpus.name,
        analysisHash: row.analysisHash,
        durationSeconds: row.durationSeconds,
        patientId: row.patient?.id ?? null,
        patientCode: row.patient?.code ?? null,
        cohorts: cohortNames(row.patient?.memberships ?? []),
        sessionCode: row.session?.code ?? null,
        humanLabel: whole?.emotion ?? row.humanEmotion,
        humanLabelSource: whole ? whole.source : null,
        humanAuthorId: whole?.authorId ?? null,
        regions: row.regions
          .filter((region) => !onlyRegions || onlyRegions.has(region.id))
          .map((region) => ({
            id: region.id,
            startSeconds: region.startSeconds,
            endSeconds: region.endSeconds,
            humanLabel: region.labels[0]?.emotion ?? null,
            labelSource: region.labels[0]?.source ?? null,
            authorId: region.labels[0]?.authorId ?? null,
          })),
        model: results?.get("") ?? null,
        regionModels: new Map([...(results?.entries() ?? [])].filter(([key]) => key !== "")),
      };
    });
}

export function regionRangeKey(region: Pick<ExportSourceRegion, "startSeconds" | "endSeconds">): string {
  return rangeKeyOf(region);
}

function cohortNames(memberships: readonly { cohort: { name: string } }[]): string | null {
  if (memberships.length === 0) return null;
  return memberships
    .map((membership) => membership.cohort.name)
    .sort((a, b) => a.localeCompare(b))
    .join(" + ");
}

function float32Of(bytes: Uint8Array | null): Float32Array | null {
  if (!bytes || bytes.byteLength === 0 || bytes.byteLength % 4 !== 0) return null;
  const vector = new Float32Array(bytes.byteLength / 4);
  new Uint8Array(vector.buffer).set(bytes);
  return vector;
}

// ── Export rows ────────────────────────────────────────────────────────────

/** Stores a pending export; `audit(id)` is recorded in the same transaction. */
export async function createExportRecord(
  prisma: PrismaClient,
  name: string,
  definition: JsonValue,
  createdById: string | null,
  audit?: (exportId: string) => AuditEventInput,
): Promise<string> {
  return prisma.$transaction(async (tx) => {
    const row = await tx.export.create({
      data: { name, definition: definition as Prisma.InputJsonValue, status: "pending", ...(createdById ? { createdById } : {}) },
      select: { id: true },
    });
    if (audit) await recordAuditEvent(tx, audit(row.id));
    return row.id;
  });
}

export async function attachExportJob(prisma: PrismaClient, exportId: string, jobId: string): Promise<void> {
  await prisma.export.update({ where: { id: exportId }, data: { jobId }, select: { id: true } });
}

export async function markExportRunning(prisma: PrismaClient, exportId: string): Promise<void> {
  await prisma.export.update({ where: { id: exportId }, data: { status: "running" }, select: { id: true } });
}

/** A finished snapshot: written once, never changed afterwards (the update is conditional on it not being finished). */
export async function finishExport(
  prisma: PrismaClient,
  exportId: string,
  result: { counts: JsonValue; files: JsonValue; manifestHash: string },
): Promise<void> {
  const { count } = await prisma.export.updateMany({
    where: { id: exportId, status: { not: "succeeded" } },
    data: { status: "succeeded", counts: result.counts as Prisma.InputJsonValue, files: result.files as Prisma.InputJsonValue, manifestHash: result.manifestHash, finishedAt: new Date() },
  });
  if (count === 0) throw new ExportNotFoundError(`The export ${exportId} was deleted or already finished while it ran.`);
}

export async function failExport(prisma: PrismaClient, exportId: string, message: string): Promise<void> {
  await prisma.export.updateMany({
    where: { id: exportId, status: { not: "succeeded" } },
    data: { status: "failed", counts: { error: message } as Prisma.InputJsonValue, finishedAt: new Date() },
  });
}

export async function readExportRecord(prisma: PrismaClient, exportId: string) {
  const row = await prisma.export.findUnique({ where: { id: exportId } });
  if (!row) throw new ExportNotFoundError(`There is no export ${exportId}.`);
  return row;
}

// ── The pull API: succeeded exports only ────────────────────────────────
/**
 * What the export pull API reads: succeeded exports only. A pending, running
 * or failed export is, to the API, not there. The JSON columns (counts,
 * definition, files) are written by the export job and handed on as they are.
 */

export interface SucceededExportSummary {
  id: string;
  name: string;
  createdAt: Date;
  finishedAt: Date | null;
  /** Per split, per label. */
  counts: unknown;
  manifestHash: string | null;
}

export interface SucceededExport extends SucceededExportSummary {
  definition: unknown;
  /** `{ path, bytes, sha256 }[]`, paths relative to the export's folder. */
  files: unknown;
}

const SUMMARY_SELECT = { id: true, name: true, createdAt: true, finishedAt: true, counts: true, manifestHash: true } as const;

/** Ids of exports whose whole selection lies in `workspaceIds`, for narrowing a list in one statement. */
async function exportIdsWithin(prisma: PrismaClient, workspaceIds: readonly string[], status: Prisma.Sql, limit: number): Promise<string[]> {
  const rows = await prisma.$queryRaw<{ id: string }[]>`
    SELECT e.id::text AS id FROM "Export" e
    WHERE ${status} AND ${selectionWithinWorkspaces(Prisma.sql`(e.definition -> 'selection')`, workspaceIds)}
    ORDER BY e."createdAt" DESC, e.id LIMIT ${limit}`;
  return rows.map((row) => row.id);
}

/** Newest first; with `workspaceIds`, only exports whose whole selection lies in those workspaces. */
export async function listSucceededExports(prisma: PrismaClient, filter: { workspaceIds?: readonly string[] } = {}): Promise<SucceededExportSummary[]> {
  const within = filter.workspaceIds ? { id: { in: await exportIdsWithin(prisma, filter.workspaceIds, Prisma.sql`e.status = 'succeeded'`, 100_000) } } : {};
  return prisma.export.findMany({
    where: { status: "succeeded", ...within },
    select: SUMMARY_SELECT,
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
  });
}

/** Null for an unknown id and for an export that has not succeeded. `id` must be a UUID. */
export async function findSucceededExport(prisma: PrismaClient, id: string): Promise<SucceededExport | null> {
  return prisma.export.findFirst({
    where: { id, status: "succeeded" },
    select: { ...SUMMARY_SELECT, definition: true, files: true },
  });
}

// ── The workbench's list: every export with its state ─────────────────────

export interface ExportView {
  id: string;
  name: string;
  status: "pending" | "running" | "succeeded" | "failed";
  jobId: string | null;
  definition: JsonValue;
  counts: JsonValue;
  files: JsonValue;
  manifestHash: string | null;
  createdAt: string;
  finishedAt: string | null;
}

/** Newest first, at most 500; with `workspaceIds`, only exports whose whole selection lies in those workspaces. */
export async function listExportViews(prisma: PrismaClient, filter: { workspaceIds?: readonly string[] } = {}): Promise<ExportView[]> {
  const within = filter.workspaceIds ? { id: { in: await exportIdsWithin(prisma, filter.workspaceIds, Prisma.sql`TRUE`, 500) } } : {};
  const rows = await prisma.export.findMany({ where: within, orderBy: [{ createdAt: "desc" }, { id: "asc" }], take: 500 });
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    status: row.status,
    jobId: row.jobId,
    definition: row.definition as JsonValue,
    counts: (row.counts ?? null) as JsonValue,
    files: (row.files ?? null) as JsonValue,
    manifestHash: row.manifestHash,
    createdAt: row.createdAt.toISOString(),
    finishedAt: row.finishedAt?.toISOString() ?? null,
  }));
}
