import { AppError } from "../domain/app-error";
import type { JsonValue } from "../jobs/job-types";
import { utteranceModelLabel } from "../labels/model-label";
import type { ProjectionDefinition, ProjectionLevel, ProjectionSelection } from "../projection/projection-definition";
import type { AuditEventInput } from "../domain/audit-event";
import { rangeKeyOf } from "./analysis.repository";
import { recordAuditEvent } from "./audit.repository";
import { explorerFilterCondition, type ExplorerFilter } from "./explorer.repository";
import { Prisma, type PrismaClient } from "./generated/client";
import { selectionWithinWorkspaces } from "./selection-workspaces.repository";

/**
 * Projections and their points. The set a projection covers is resolved in
 * SQL (one query for the recordings, then batches of analyses), and points
 * are written in one transaction with the projection's summary, so a
 * projection is either complete or has no points.
 */

const BATCH = 2000;

export class ProjectionNotFoundError extends AppError {
  override readonly name = "ProjectionNotFoundError";
  readonly code = "PROJECTION_NOT_FOUND";
}

export class ProjectionModelError extends AppError {
  override readonly name = "ProjectionModelError";
  readonly code = "PROJECTION_MODEL_INVALID";
}

export interface ProjectionPointKey {
  recordingId: string;
  regionId: string | null;
  startSeconds: number | null;
  endSeconds: number | null;
}

export interface ProjectionInputPoint extends ProjectionPointKey {
  /** The current human label of the recording (recording level) or of the region. */
  humanEmotion: string | null;
  modelEmotion: string | null;
  modelConfidence: number | null;
}

export interface ProjectionInputs {
  points: ProjectionInputPoint[];
  /** points.length x dims, in point order. */
  vectors: Float32Array;
  dims: number;
  /** Members of the set without an embedding for the model (or without analysable audio). */
  missing: ProjectionPointKey[];
}

export interface ModelIdentityRow {
  id: string;
  modelKey: string;
  version: string;
  fileHash: string;
  name: string;
}

export async function findProjectionModel(prisma: PrismaClient, modelId: string): Promise<ModelIdentityRow> {
  const model = await prisma.model.findUnique({ where: { id: modelId }, select: { id: true, modelKey: true, version: true, fileHash: true, name: true } });
  if (!model) throw new ProjectionModelError(`No model with id ${modelId} has stored results: analyse recordings with it first.`);
  return model;
}

interface SelectedRecording {
  id: string;
  analysisHash: string | null;
  humanEmotion: string | null;
}

/** The recordings a selection names, oldest first: union within each kind (corpora, cohorts, recordings), intersection across kinds, then the filter. */
export async function resolveProjectionSelection(prisma: PrismaClient, selection: ProjectionSelection): Promise<SelectedRecording[]> {
  const parts: Prisma.Sql[] = [];
  if (selection.corpusIds?.length) parts.push(Prisma.sql`r."corpusId" = ANY(${selection.corpusIds}::uuid[])`);
  if (selection.cohortIds?.length) {
    parts.push(
      Prisma.sql`EXISTS (SELECT 1 FROM "CohortMembership" m WHERE m."patientId" = r."patientId" AND m."cohortId" = ANY(${selection.cohortIds}::uuid[]))`,
    );
  }
  if (selection.recordingIds?.length) parts.push(Prisma.sql`r.id = ANY(${selection.recordingIds}::uuid[])`);
  const filter: ExplorerFilter =
    selection.filter === "low-confidence" ? { kind: "low-confidence", below: selection.lowConfidence } : { kind: selection.filter };
  parts.push(explorerFilterCondition(filter));
  return prisma.$queryRaw<SelectedRecording[]>`
    SELECT r.id, r."analysisHash", r."humanEmotion" FROM "Recording" r
    WHERE ${Prisma.join(parts, " AND ")}
    ORDER BY r."createdAt", r.id`;
}

/**
 * The points of a projection's set and the model's embeddings for them, in a
 * stable order (recordings oldest first, regions by start). `exclude` leaves
 * out points already in a projection (for placing new ones).
 */
export async function readProjectionInputs(
  prisma: PrismaClient,
  definition: { modelId: string; level: ProjectionLevel; selection: ProjectionSelection },
  exclude?: ReadonlySet<string>,
): Promise<ProjectionInputs> {
  const recordings = await resolveProjectionSelection(prisma, definition.selection);
  const candidates: (ProjectionInputPoint & { audioHash: string | null; rangeKey: string })[] = [];
  if (definition.level === "recording") {
    for (const recording of recordings) {
      candidates.push({
        recordingId: recording.id,
        regionId: null,
        startSeconds: null,
        endSeconds: null,
        humanEmotion: recording.humanEmotion,
        modelEmotion: null,
        modelConfidence: null,
        audioHash: recording.analysisHash,
        rangeKey: "",
      });
    }
  } else {
    const hashOf = new Map(recordings.map((recording) => [recording.id, recording.analysisHash]));
    for (let start = 0; start < recordings.length; start += BATCH) {
      const ids = recordings.slice(start, start + BATCH).map((recording) => recording.id);
      const regions = await prisma.region.findMany({
        where: { recordingId: { in: ids }, deletedAt: null },
        select: {
          id: true,
          recordingId: true,
          startSeconds: true,
          endSeconds: true,
          labels: { where: { supersededById: null }, select: { emotion: true }, orderBy: { createdAt: "desc" }, take: 1 },
        },
      });
      const order = new Map(ids.map((id, index) => [id, index]));
      regions.sort((a, b) => order.get(a.recordingId)! - order.get(b.recordingId)! || a.startSeconds - b.startSeconds || a.id.localeCompare(b.id));
      for (const region of regions) {
        candidates.push({
          recordingId: region.recordingId,
          regionId: region.id,
          startSeconds: region.startSeconds,
          endSeconds: region.endSeconds,
          humanEmotion: region.labels[0]?.emotion ?? null,
          modelEmotion: null,
          modelConfidence: null,
          audioHash: hashOf.get(region.recordingId) ?? null,
          rangeKey: rangeKeyOf(region),
        });
      }
    }
  }

  const wanted = candidates.filter((candidate) => !exclude?.has(pointKey(candidate)));
  const embeddings = await readEmbeddings(prisma, definition.modelId, wanted);
  const points: ProjectionInputPoint[] = [];
  const missing: ProjectionPointKey[] = [];
  const found: Float32Array[] = [];
  let dims = 0;
  for (const candidate of wanted) {
    const stored = candidate.audioHash ? embeddings.get(`${candidate.audioHash}|${candidate.rangeKey}`) : undefined;
    const point: ProjectionInputPoint = {
      recordingId: candidate.recordingId,
      regionId: candidate.regionId,
      startSeconds: candidate.startSeconds,
      endSeconds: candidate.endSeconds,
      humanEmotion: candidate.humanEmotion,
      modelEmotion: null,
      modelConfidence: null,
    };
    if (!stored) {
      missing.push({ recordingId: point.recordingId, regionId: point.regionId, startSeconds: point.startSeconds, endSeconds: point.endSeconds });
      continue;
    }
    if (dims === 0) dims = stored.vector.length;
    if (stored.vector.length !== dims) {
      throw new ProjectionModelError(
        `The model's embeddings have different sizes (${dims} and ${stored.vector.length} values): its stored results come from different exports. Re-analyse the set with one model version.`,
      );
    }
    points.push({ ...point, modelEmotion: stored.label?.emotion ?? null, modelConfidence: stored.label?.confidence ?? null });
    found.push(stored.vector);
  }
  const vectors = new Float32Array(points.length * dims);
  found.forEach((vector, index) => vectors.set(vector, index * dims));
  return { points, vectors, dims, missing };
}

export function pointKey(point: Pick<ProjectionPointKey, "recordingId" | "regionId">): string {
  return `${point.recordingId}|${point.regionId ?? ""}`;
}

async function readEmbeddings(
  prisma: PrismaClient,
  modelId: string,
  candidates: readonly { audioHash: string | null; rangeKey: string }[],
): Promise<Map<string, { vector: Float32Array; label: ReturnType<typeof utteranceModelLabel> }>> {
  const result = new Map<string, { vector: Float32Array; label: ReturnType<typeof utteranceModelLabel> }>();
  const hashes = [...new Set(candidates.flatMap((candidate) => (candidate.audioHash ? [candidate.audioHash] : [])))];
  const rangeKeys = [...new Set(candidates.map((candidate) => candidate.rangeKey))];
  for (let start = 0; start < hashes.length; start += BATCH) {
    const rows = await prisma.analysis.findMany({
      where: { modelId, audioHash: { in: hashes.slice(start, start + BATCH) }, rangeKey: { in: rangeKeys }, embedding: { not: null } },
      select: { audioHash: true, rangeKey: true, embedding: true, utteranceScores: true },
    });
    for (const row of rows) {
      if (!row.embedding || row.embedding.byteLength % 4 !== 0 || row.embedding.byteLength === 0) continue;
      // Copied into an aligned buffer: the driver's bytes may start at any offset.
      const vector = new Float32Array(row.embedding.byteLength / 4);
      new Uint8Array(vector.buffer).set(row.embedding);
      result.set(`${row.audioHash}|${row.rangeKey}`, { vector, label: utteranceModelLabel(row.utteranceScores) });
    }
  }
  return result;
}

// ── Writing ────────────────────────────────────────────────────────────────

export async function createProjectionRecord(prisma: PrismaClient, definition: ProjectionDefinition, name: string): Promise<string> {
  const row = await prisma.projection.create({
    data: {
      name,
      level: definition.level,
      modelId: definition.modelId,
      selection: definition.selection as unknown as Prisma.InputJsonValue,
      parameters: definition.parameters as unknown as Prisma.InputJsonValue,
    },
    select: { id: true },
  });
  return row.id;
}

export async function attachProjectionJob(prisma: PrismaClient, projectionId: string, jobId: string): Promise<void> {
  await prisma.projection.update({ where: { id: projectionId }, data: { jobId }, select: { id: true } });
}

export interface ProjectionLayout {
  points: readonly ProjectionInputPoint[];
  /** n x 2 */
  coordinates: Float32Array;
  inputHash: string;
  dims: number;
  missingCount: number;
  timings: Record<string, number>;
}

const POINT_WRITE_BATCH = 5000;

/** Replaces the projection's points (a retried job may have written some before it died) and its summary, in one transaction. */
export async function saveProjectionLayout(prisma: PrismaClient, projectionId: string, layout: ProjectionLayout): Promise<void> {
  await prisma.$transaction(
    async (tx) => {
      await tx.projectionPoint.deleteMany({ where: { projectionId } });
      for (let start = 0; start < layout.points.length; start += POINT_WRITE_BATCH) {
        await tx.projectionPoint.createMany({
          data: layout.points.slice(start, start + POINT_WRITE_BATCH).map((point, offset) => pointRow(projectionId, start + offset, point, layout.coordinates, start + offset, false)),
        });
      }
      await tx.projection.update({
        where: { id: projectionId },
        data: {
          inputHash: layout.inputHash,
          dims: layout.dims,
          pointCount: layout.points.length,
          missingCount: layout.missingCount,
          timings: layout.timings,
          finishedAt: new Date(),
        },
        select: { id: true },
      });
    },
    { timeout: 120_000 },
  );
}

/** Appends points placed into a finished projection after the fact (indices continue after the last point). */
export async function appendPlacedPoints(
  prisma: PrismaClient,
  projectionId: string,
  points: readonly ProjectionInputPoint[],
  coordinates: Float32Array,
  missingCount: number,
): Promise<number> {
  return prisma.$transaction(
    async (tx) => {
      const last = await tx.projectionPoint.aggregate({ where: { projectionId }, _max: { index: true }, _count: true });
      const first = (last._max.index ?? -1) + 1;
      for (let start = 0; start < points.length; start += POINT_WRITE_BATCH) {
        await tx.projectionPoint.createMany({
          data: points.slice(start, start + POINT_WRITE_BATCH).map((point, offset) => pointRow(projectionId, first + start + offset, point, coordinates, start + offset, true)),
        });
      }
      await tx.projection.update({
        where: { id: projectionId },
        data: { pointCount: last._count + points.length, missingCount },
        select: { id: true },
      });
      return points.length;
    },
    { timeout: 120_000 },
  );
}

function pointRow(projectionId: string, index: number, point: ProjectionInputPoint, coordinates: Float32Array, row: number, placed: boolean) {
  return {
    projectionId,
    index,
    recordingId: point.recordingId,
    regionId: point.regionId,
    startSeconds: point.startSeconds,
    endSeconds: point.endSeconds,
    x: coordinates[row * 2]!,
    y: coordinates[row * 2 + 1]!,
    modelEmotion: point.modelEmotion,
    modelConfidence: point.modelConfidence,
    placed,
  };
}

// ── Reading ────────────────────────────────────────────────────────────────

export interface ProjectionSummary {
  id: string;
  name: string;
  level: ProjectionLevel;
  model: ModelIdentityRow;
  selection: JsonValue;
  parameters: JsonValue;
  inputHash: string | null;
  dims: number | null;
  pointCount: number;
  missingCount: number;
  timings: JsonValue;
  jobId: string | null;
  /** From the job while it has not finished; "succeeded" once points are written. */
  status: "queued" | "running" | "succeeded" | "failed" | "cancelled";
  error: string | null;
  createdAt: string;
  finishedAt: string | null;
}

const summarySelect = {
  id: true,
  name: true,
  level: true,
  selection: true,
  parameters: true,
  inputHash: true,
  dims: true,
  pointCount: true,
  missingCount: true,
  timings: true,
  jobId: true,
  createdAt: true,
  finishedAt: true,
  model: { select: { id: true, modelKey: true, version: true, fileHash: true, name: true } },
} as const;

type SummaryRow = Prisma.ProjectionGetPayload<{ select: typeof summarySelect }>;

async function withStatus(prisma: PrismaClient, rows: SummaryRow[]): Promise<ProjectionSummary[]> {
  const jobIds = rows.flatMap((row) => (row.jobId && !row.finishedAt ? [row.jobId] : []));
  const jobs = jobIds.length ? await prisma.job.findMany({ where: { id: { in: jobIds } }, select: { id: true, status: true, error: true } }) : [];
  const jobById = new Map(jobs.map((job) => [job.id, job]));
  return rows.map((row) => {
    const { status, error } = outcomeOf(row.finishedAt, row.jobId ? jobById.get(row.jobId) : undefined, "The projection job ended without a result.");
    return {
      id: row.id,
      name: row.name,
      level: row.level as ProjectionLevel,
      model: row.model,
      selection: row.selection as JsonValue,
      parameters: row.parameters as JsonValue,
      inputHash: row.inputHash,
      dims: row.dims,
      pointCount: row.pointCount,
      missingCount: row.missingCount,
      timings: row.timings as JsonValue,
      jobId: row.jobId,
      status,
      error,
      createdAt: row.createdAt.toISOString(),
      finishedAt: row.finishedAt?.toISOString() ?? null,
    };
  });
}

/**
 * A stored result's state: finished once its rows are written; until then
 * its job's. A job that succeeded without writing them (it cannot, but a
 * crash between the two would look so) and a missing job count as failed.
 */
function outcomeOf(
  finishedAt: Date | null,
  job: { status: ProjectionSummary["status"]; error: unknown } | undefined,
  noResult: string,
): { status: ProjectionSummary["status"]; error: string | null } {
  if (finishedAt) return { status: "succeeded", error: null };
  if (!job || job.status === "succeeded") return { status: "failed", error: noResult };
  if (job.status === "failed") return { status: "failed", error: (job.error as { message?: string } | null)?.message ?? noResult };
  return { status: job.status, error: job.status === "cancelled" ? "Cancelled." : null };
}

/** Newest first; with `workspaceIds`, only projections whose whole set lies in those workspaces. */
export async function listProjections(prisma: PrismaClient, filter: { workspaceIds?: readonly string[] } = {}): Promise<ProjectionSummary[]> {
  const order = [{ createdAt: "desc" }, { id: "asc" }] as const;
  if (!filter.workspaceIds) return withStatus(prisma, await prisma.projection.findMany({ select: summarySelect, orderBy: [...order], take: 500 }));
  const visible = await prisma.$queryRaw<{ id: string }[]>`
    SELECT p.id::text AS id FROM "Projection" p WHERE ${selectionWithinWorkspaces(Prisma.sql`p.selection`, filter.workspaceIds)}
    ORDER BY p."createdAt" DESC, p.id LIMIT 500`;
  const rows = await prisma.projection.findMany({ where: { id: { in: visible.map((row) => row.id) } }, select: summarySelect, orderBy: [...order] });
  return withStatus(prisma, rows);
}

export async function readProjectionSummary(prisma: PrismaClient, projectionId: string): Promise<ProjectionSummary> {
  const row = await prisma.projection.findUnique({ where: { id: projectionId }, select: summarySelect });
  if (!row) throw new ProjectionNotFoundError(`There is no projection ${projectionId}; it may have been deleted.`);
  const [summary] = await withStatus(prisma, [row]);
  return summary!;
}

/** Deletes the projection with its points and clusterings; `audit` is recorded in the same transaction. */
export async function deleteProjection(prisma: PrismaClient, projectionId: string, audit?: AuditEventInput): Promise<void> {
  await prisma.$transaction(async (tx) => {
    const { count } = await tx.projection.deleteMany({ where: { id: projectionId } });
    if (count === 0) throw new ProjectionNotFoundError(`There is no projection ${projectionId}; it may have been deleted.`);
    if (audit) await recordAuditEvent(tx, audit);
  });
}

export interface ProjectionPointRow {
  index: number;
  recordingId: string;
  regionId: string | null;
  startSeconds: number | null;
  endSeconds: number | null;
  x: number;
  y: number;
  placed: boolean;
  name: string;
  corpusId: string;
  patient: string | null;
  patientId: string | null;
  session: string | null;
  sessionDate: Date | null;
  cohorts: string | null;
  humanEmotion: string | null;
  modelEmotion: string | null;
  modelConfidence: number | null;
  metadata: JsonValue;
}

/** Every point with what the scatter colours and tooltips by; the human label is read now, so corrections show without recomputing. */
export async function readProjectionPoints(prisma: PrismaClient, projectionId: string): Promise<ProjectionPointRow[]> {
  return prisma.$queryRaw<ProjectionPointRow[]>`
    SELECT p.index, p."recordingId", p."regionId", p."startSeconds", p."endSeconds", p.x, p.y, p.placed,
           r."originalName" AS name, r."corpusId", pa.code AS patient, r."patientId", s.code AS session, s.date AS "sessionDate",
           (SELECT string_agg(c.name, ' + ' ORDER BY c.name) FROM "CohortMembership" m JOIN "Cohort" c ON c.id = m."cohortId"
             WHERE m."patientId" = r."patientId") AS cohorts,
           CASE WHEN p."regionId" IS NULL THEN r."humanEmotion"
                ELSE (SELECT l.emotion FROM "Label" l WHERE l."regionId" = p."regionId" AND l."supersededById" IS NULL
                      ORDER BY l."createdAt" DESC LIMIT 1) END AS "humanEmotion",
           p."modelEmotion", p."modelConfidence", r.metadata
    FROM "ProjectionPoint" p
    JOIN "Recording" r ON r.id = p."recordingId"
    LEFT JOIN "Patient" pa ON pa.id = r."patientId"
    LEFT JOIN "StudySession" s ON s.id = r."sessionId"
    WHERE p."projectionId" = ${projectionId}::uuid
    ORDER BY p.index`;
}

/** The model's embeddings for the projection's points, in point order (for clustering and for placing new points beside them). */
export async function readProjectionPointEmbeddings(
  prisma: PrismaClient,
  projectionId: string,
): Promise<{ vectors: Float32Array; dims: number; coordinates: Float32Array; keys: ProjectionPointKey[] }> {
  const projection = await prisma.projection.findUnique({ where: { id: projectionId }, select: { modelId: true } });
  if (!projection) throw new ProjectionNotFoundError(`There is no projection ${projectionId}; it may have been deleted.`);
  const rows = await prisma.$queryRaw<{ recordingId: string; regionId: string | null; startSeconds: number | null; endSeconds: number | null; x: number; y: number; analysisHash: string | null }[]>`
    SELECT p."recordingId", p."regionId", p."startSeconds", p."endSeconds", p.x, p.y, r."analysisHash"
    FROM "ProjectionPoint" p JOIN "Recording" r ON r.id = p."recordingId"
    WHERE p."projectionId" = ${projectionId}::uuid ORDER BY p.index`;
  const candidates = rows.map((row) => ({
    audioHash: row.analysisHash,
    rangeKey: row.startSeconds === null || row.endSeconds === null ? "" : rangeKeyOf({ startSeconds: row.startSeconds, endSeconds: row.endSeconds }),
  }));
  const embeddings = await readEmbeddings(prisma, projection.modelId, candidates);
  let dims = 0;
  const vectors: Float32Array[] = [];
  for (const [index, candidate] of candidates.entries()) {
    const stored = candidate.audioHash ? embeddings.get(`${candidate.audioHash}|${candidate.rangeKey}`) : undefined;
    if (!stored) {
      throw new ProjectionModelError(
        `The embedding of point ${index} (recording ${rows[index]!.recordingId}) is no longer stored for the projection's model; make a new projection.`,
      );
    }
    dims ||= stored.vector.length;
    vectors.push(stored.vector);
  }
  const flat = new Float32Array(vectors.length * dims);
  vectors.forEach((vector, index) => flat.set(vector, index * dims));
  const coordinates = new Float32Array(rows.length * 2);
  rows.forEach((row, index) => {
    coordinates[index * 2] = row.x;
    coordinates[index * 2 + 1] = row.y;
  });
  return {
    vectors: flat,
    dims,
    coordinates,
    keys: rows.map((row) => ({ recordingId: row.recordingId, regionId: row.regionId, startSeconds: row.startSeconds, endSeconds: row.endSeconds })),
  };
}

export interface ProjectableModel extends ModelIdentityRow {
  /** Stored whole-recording embeddings. */
  recordingEmbeddings: number;
  /** Stored region embeddings. */
  regionEmbeddings: number;
}

/**
 * Models with stored embeddings, most embeddings first: what a projection can
 * be made of. With `workspaceIds`, only embeddings of audio that recordings of
 * those workspaces hold are counted (and models with none are left out).
 */
export async function listProjectableModels(prisma: PrismaClient, filter: { workspaceIds?: readonly string[] } = {}): Promise<ProjectableModel[]> {
  const within = filter.workspaceIds
    ? Prisma.sql`AND EXISTS (SELECT 1 FROM "Recording" r JOIN "Corpus" c ON c.id = r."corpusId"
        WHERE r."analysisHash" = a."audioHash" AND c."workspaceId" = ANY(${[...filter.workspaceIds]}::uuid[]))`
    : Prisma.empty;
  const rows = await prisma.$queryRaw<(ModelIdentityRow & { recordingEmbeddings: bigint; regionEmbeddings: bigint })[]>`
    SELECT m.id, m."modelKey", m.version, m."fileHash", m.name,
           COUNT(*) FILTER (WHERE a."rangeKey" = '') AS "recordingEmbeddings",
           COUNT(*) FILTER (WHERE a."rangeKey" <> '') AS "regionEmbeddings"
    FROM "Model" m JOIN "Analysis" a ON a."modelId" = m.id AND a.embedding IS NOT NULL ${within}
    GROUP BY m.id ORDER BY COUNT(*) DESC, m.name`;
  return rows.map((row) => ({ ...row, recordingEmbeddings: Number(row.recordingEmbeddings), regionEmbeddings: Number(row.regionEmbeddings) }));
}

// ── Clusterings ────────────────────────────────────────────────────────────

export async function createClusteringRecord(prisma: PrismaClient, projectionId: string, algorithm: string, parameters: JsonValue): Promise<string> {
  const exists = await prisma.projection.findUnique({ where: { id: projectionId }, select: { finishedAt: true } });
  if (!exists) throw new ProjectionNotFoundError(`There is no projection ${projectionId}; it may have been deleted.`);
  if (!exists.finishedAt) throw new ProjectionModelError("The projection has no points yet: cluster it once it has finished.");
  const row = await prisma.projectionClustering.create({
    data: { projectionId, algorithm, parameters: parameters as Prisma.InputJsonValue },
    select: { id: true },
  });
  return row.id;
}

export async function attachClusteringJob(prisma: PrismaClient, clusteringId: string, jobId: string): Promise<void> {
  await prisma.projectionClustering.update({ where: { id: clusteringId }, data: { jobId }, select: { id: true } });
}

export async function saveClustering(prisma: PrismaClient, clusteringId: string, labels: Int32Array, summary: JsonValue): Promise<void> {
  await prisma.projectionClustering.update({
    where: { id: clusteringId },
    data: { labels: new Uint8Array(Int32Array.from(labels).buffer), summary: summary as Prisma.InputJsonValue, finishedAt: new Date() },
    select: { id: true },
  });
}

export interface ClusteringView {
  id: string;
  algorithm: string;
  parameters: JsonValue;
  status: ProjectionSummary["status"];
  error: string | null;
  jobId: string | null;
  /** Cluster per point in point order (-1 noise); null until finished. */
  labels: number[] | null;
  summary: JsonValue;
  createdAt: string;
}

export async function listClusterings(prisma: PrismaClient, projectionId: string): Promise<ClusteringView[]> {
  const rows = await prisma.projectionClustering.findMany({ where: { projectionId }, orderBy: [{ createdAt: "desc" }, { id: "asc" }] });
  const jobIds = rows.flatMap((row) => (row.jobId && !row.finishedAt ? [row.jobId] : []));
  const jobs = jobIds.length ? await prisma.job.findMany({ where: { id: { in: jobIds } }, select: { id: true, status: true, error: true } }) : [];
  const jobById = new Map(jobs.map((job) => [job.id, job]));
  return rows.map((row) => {
    const { status, error } = outcomeOf(row.finishedAt, row.jobId ? jobById.get(row.jobId) : undefined, "The clustering job ended without a result.");
    const labels = row.labels ? Array.from(new Int32Array(new Uint8Array(row.labels).buffer)) : null;
    return {
      id: row.id,
      algorithm: row.algorithm,
      parameters: row.parameters as JsonValue,
      status,
      error,
      jobId: row.jobId,
      labels,
      summary: (row.summary ?? null) as JsonValue,
      createdAt: row.createdAt.toISOString(),
    };
  });
}

export async function readClusteringRecord(prisma: PrismaClient, clusteringId: string) {
  const row = await prisma.projectionClustering.findUnique({
    where: { id: clusteringId },
    select: { id: true, projectionId: true, algorithm: true, parameters: true, projection: { select: { parameters: true } } },
  });
  if (!row) throw new ProjectionNotFoundError(`The clustering ${clusteringId} was deleted before its job ran.`);
  return row;
}

/** A projection's stored row, or null when it was deleted. */
export async function readProjectionRow(prisma: PrismaClient, id: string) {
  return prisma.projection.findUnique({ where: { id } });
}
