import { z } from "zod";
import type { Database } from "../db/database";
import { LabelEditError } from "../labels/label-edit-error";
import { applyBulkLabel } from "../db/label.repository";
import {
  attachClusteringJob,
  attachProjectionJob,
  createClusteringRecord,
  listClusterings,
  createProjectionRecord,
  deleteProjection,
  findProjectionModel,
  ProjectionModelError,
  ProjectionNotFoundError,
  readProjectionInputs,
  readProjectionPoints,
  readProjectionSummary,
  listProjectableModels,
  listProjections,
} from "../db/projection.repository";
import { ensureLocalResearcher } from "../db/user.repository";
import { CANONICAL_LABELS } from "../domain/emotion-labels";
import { errorResponse } from "../http/error-response";
import { isUuid } from "../http/search-params";
import { ModelNotFoundError } from "../inference/analysis-job";
import { AnalysisRequestError, enqueueAnalysis } from "../inference/start-analysis";
import type { JobQueue } from "../jobs/job-queue";
import { toJobView } from "../jobs/job-view";
import { projectionPointsPayload } from "./projection-points-payload";
import { createClusteringSchema, createProjectionSchema, describeProjection, projectionSelectionSchema, PROJECTION_LEVELS } from "./projection-definition";
import { CLUSTER_JOB_KIND, PLACE_JOB_KIND, PROJECT_JOB_KIND } from "./projection-job-kinds";

/**
 * The projections' HTTP API: list, create (queues the UMAP job), read,
 * delete, the points with what the scatter colours by, placing new points,
 * analysing the set's missing embeddings, and labelling a selection.
 */

const NO_STORE = { "Cache-Control": "no-store" };

export interface ProjectionApiDependencies {
  database: Database;
  queue: JobQueue;
  modelsDir: string;
}

function invalid(error: z.ZodError, what: string): Response {
  const problems = error.issues.map((issue) => `${issue.path.join(".") || what}: ${issue.message}`);
  return errorResponse(400, `The ${what} is invalid. ${problems.join("; ")}`, "PROJECTION_REQUEST_INVALID");
}

function knownError(error: unknown): Response {
  if (error instanceof ProjectionNotFoundError) return errorResponse(404, error.message, error.code);
  if (error instanceof ProjectionModelError) return errorResponse(400, error.message, error.code);
  if (error instanceof ModelNotFoundError || error instanceof AnalysisRequestError) return errorResponse(409, error.message, error.code);
  if (error instanceof LabelEditError) return errorResponse(error.code === "RECORDING_NOT_FOUND" || error.code === "REGION_NOT_FOUND" ? 404 : 409, error.message, error.code);
  throw error;
}

function checkId(id: string): Response | null {
  return isUuid(id) ? null : errorResponse(400, `The projection id ${JSON.stringify(id.slice(0, 60))} is not a UUID.`, "PROJECTION_ID_INVALID");
}

export async function serveProjectionList(database: Database): Promise<Response> {
  return Response.json({ projections: await listProjections(database.prisma) }, { headers: NO_STORE });
}

/** The models a projection can be made of (those with stored embeddings). */
export async function serveProjectableModels(database: Database): Promise<Response> {
  return Response.json({ models: await listProjectableModels(database.prisma) }, { headers: NO_STORE });
}

/** Stores the definition and queues its job; 202 with the projection and the job. */
export async function serveCreateProjection(dependencies: ProjectionApiDependencies, body: unknown): Promise<Response> {
  const parsed = createProjectionSchema.safeParse(body);
  if (!parsed.success) return invalid(parsed.error, "projection request");
  const definition = parsed.data;
  try {
    await findProjectionModel(dependencies.database.prisma, definition.modelId);
    const id = await createProjectionRecord(dependencies.database.prisma, definition, definition.name || describeProjection(definition));
    const job = await dependencies.queue.enqueue(PROJECT_JOB_KIND, { projectionId: id }, { maxAttempts: 2 });
    await attachProjectionJob(dependencies.database.prisma, id, job.id);
    return Response.json({ projection: await readProjectionSummary(dependencies.database.prisma, id), job: toJobView(job) }, { status: 202, headers: NO_STORE });
  } catch (error) {
    return knownError(error);
  }
}

export async function serveProjection(database: Database, id: string): Promise<Response> {
  const bad = checkId(id);
  if (bad) return bad;
  try {
    return Response.json({ projection: await readProjectionSummary(database.prisma, id) }, { headers: NO_STORE });
  } catch (error) {
    return knownError(error);
  }
}

export async function serveDeleteProjection(database: Database, id: string): Promise<Response> {
  const bad = checkId(id);
  if (bad) return bad;
  try {
    await deleteProjection(database.prisma, id);
    return new Response(null, { status: 204 });
  } catch (error) {
    return knownError(error);
  }
}

export async function serveProjectionPoints(database: Database, id: string): Promise<Response> {
  const bad = checkId(id);
  if (bad) return bad;
  try {
    const summary = await readProjectionSummary(database.prisma, id);
    const rows = await readProjectionPoints(database.prisma, id);
    return Response.json({ projection: summary, ...projectionPointsPayload(rows) }, { headers: NO_STORE });
  } catch (error) {
    return knownError(error);
  }
}

/** Queues placing the set's new members into the finished projection. */
export async function servePlaceNewPoints(dependencies: ProjectionApiDependencies, id: string): Promise<Response> {
  const bad = checkId(id);
  if (bad) return bad;
  try {
    const summary = await readProjectionSummary(dependencies.database.prisma, id);
    if (summary.status !== "succeeded") {
      return errorResponse(409, "The projection has no layout yet: new points can be placed once it has finished.", "PROJECTION_NOT_FINISHED");
    }
    const job = await dependencies.queue.enqueue(PLACE_JOB_KIND, { projectionId: id }, { maxAttempts: 2 });
    return Response.json({ job: toJobView(job) }, { status: 202, headers: NO_STORE });
  } catch (error) {
    return knownError(error);
  }
}

/**
 * Queues the projection's model over the members of its set that have no
 * embedding yet, so they are not silently left out: afterwards they can be
 * placed into the projection or a new one made.
 */
export async function serveAnalyseMissing(dependencies: ProjectionApiDependencies, id: string): Promise<Response> {
  const bad = checkId(id);
  if (bad) return bad;
  try {
    const row = await dependencies.database.prisma.projection.findUnique({ where: { id }, select: { modelId: true, level: true, selection: true } });
    if (!row) throw new ProjectionNotFoundError(`There is no projection ${id}; it may have been deleted.`);
    const model = await findProjectionModel(dependencies.database.prisma, row.modelId);
    const level = z.enum(PROJECTION_LEVELS).parse(row.level);
    const inputs = await readProjectionInputs(dependencies.database.prisma, { modelId: model.id, level, selection: projectionSelectionSchema.parse(row.selection) });
    const recordingIds = [...new Set(inputs.missing.map((point) => point.recordingId))];
    if (recordingIds.length === 0) return Response.json({ missing: 0, job: null }, { headers: NO_STORE });
    const job = await enqueueAnalysis(
      dependencies.queue,
      { modelId: model.modelKey, modelVersion: model.version, selection: { recordingIds }, includeRegions: level === "region" },
      dependencies.modelsDir,
    );
    return Response.json({ missing: inputs.missing.length, recordings: recordingIds.length, job: toJobView(job) }, { status: 202, headers: NO_STORE });
  } catch (error) {
    return knownError(error);
  }
}

const bulkLabelSchema = z
  .object({
    targets: z
      .array(z.object({ recordingId: z.uuid({ error: "recordingId must be a UUID" }), regionId: z.uuid({ error: "regionId must be a UUID" }).nullable() }).strict())
      .min(1, { error: "select at least one point to label" })
      .max(50_000, { error: "at most 50,000 points can be labelled at once" }),
    emotion: z.enum(CANONICAL_LABELS, { error: `emotion must be one of ${CANONICAL_LABELS.join(", ")}` }).nullable(),
  })
  .strict();

/** Labels a selection's recordings or regions in one transaction, each with its own history entry. */
export async function serveBulkLabel(database: Database, body: unknown): Promise<Response> {
  const parsed = bulkLabelSchema.safeParse(body);
  if (!parsed.success) return invalid(parsed.error, "bulk label request");
  try {
    const author = await ensureLocalResearcher(database.prisma);
    const result = await applyBulkLabel(database.prisma, { targets: parsed.data.targets, emotion: parsed.data.emotion, authorId: author.id });
    return Response.json(result, { headers: NO_STORE });
  } catch (error) {
    return knownError(error);
  }
}

export async function serveClusterings(database: Database, id: string): Promise<Response> {
  const bad = checkId(id);
  if (bad) return bad;
  return Response.json({ clusterings: await listClusterings(database.prisma, id) }, { headers: NO_STORE });
}

/** Queues clustering the projection's full embeddings. Body: { algorithm: "hdbscan", minClusterSize, minSamples? } or { algorithm: "kmeans", k, seed }. */
export async function serveCreateClustering(dependencies: ProjectionApiDependencies, id: string, body: unknown): Promise<Response> {
  const bad = checkId(id);
  if (bad) return bad;
  const parsed = createClusteringSchema.safeParse(body);
  if (!parsed.success) return invalid(parsed.error, "clustering request");
  try {
    const { algorithm, ...parameters } = parsed.data;
    const clusteringId = await createClusteringRecord(dependencies.database.prisma, id, algorithm, parameters);
    const job = await dependencies.queue.enqueue(CLUSTER_JOB_KIND, { clusteringId }, { maxAttempts: 2 });
    await attachClusteringJob(dependencies.database.prisma, clusteringId, job.id);
    return Response.json({ clusteringId, job: toJobView(job) }, { status: 202, headers: NO_STORE });
  } catch (error) {
    return knownError(error);
  }
}
