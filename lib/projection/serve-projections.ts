import { z } from "zod";
import { authorize } from "../auth/authorize";
import { refuseIfBlinded } from "../auth/blinding";
import { auditActorOf, auditWorkspaceOf, refuseOutsideWorkspaces, refuseSelectionOutside, seesEverything, workspaceFilter } from "../auth/workspace-checks";
import type { Database } from "../db/database";
import { LabelEditError } from "../labels/label-edit-error";
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
  readProjectionRow,
} from "../db/projection.repository";
import { workspacesOfProjection } from "../db/selection-workspaces.repository";
import type { Actor, Permission } from "../domain/access/workspace-access";
import { errorResponse } from "../http/error-response";
import { isUuid } from "../http/search-params";
import { ModelNotFoundError } from "../inference/analysis-job";
import { AnalysisRequestError, enqueueAnalysis } from "../inference/start-analysis";
import type { JobQueue } from "../jobs/job-queue";
import { toJobView } from "../jobs/job-view";
import { queueActingFor } from "../jobs/queue-acting-for";
import { projectionPointsPayload } from "./projection-points-payload";
import { createClusteringSchema, createProjectionSchema, describeProjection, projectionSelectionSchema, PROJECTION_LEVELS } from "./projection-definition";
import { CLUSTER_JOB_KIND, PLACE_JOB_KIND, PROJECT_JOB_KIND } from "./projection-job-kinds";

/**
 * The projections' HTTP API: list, create (queues the UMAP job), read,
 * delete, the points with what the scatter colours by, placing new points,
 * analysing the set's missing embeddings, and labelling a selection.
 *
 * A projection belongs to every workspace its set names (see
 * selection-workspaces.repository.ts): reading it needs "read" in each of
 * them, changing it or making one "analyse" in each.
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

const projectionNotFound = (id: string) => () =>
  errorResponse(404, `There is no projection ${isUuid(id) ? id : "(malformed)"}; it may have been deleted.`, "PROJECTION_NOT_FOUND");

type Checked = { ok: true; actor: Actor; address: string } | { ok: false; response: Response };

/** Who asks, and whether they may do `permission` in every workspace of the projection's set. */
async function authorizeProjection(database: Database, request: Pick<Request, "headers">, permission: Permission, id: string): Promise<Checked> {
  const auth = await authorize(database, request, permission);
  if (!auth.ok) return auth;
  const workspaces = async () => (isUuid(id) ? workspacesOfProjection(database.prisma, id.toLowerCase()) : []);
  const refused = await refuseOutsideWorkspaces(auth.actor, permission, workspaces, projectionNotFound(id));
  if (refused) return { ok: false, response: refused };
  // Points carry the model's predicted emotions: withheld from blinded annotators.
  const blinded = seesEverything(auth.actor) ? null : await refuseIfBlinded(database, auth.actor, await workspaces());
  return blinded ? { ok: false, response: blinded } : auth;
}

export async function serveProjectionList(database: Database, request: Pick<Request, "headers">): Promise<Response> {
  const auth = await authorize(database, request, "read");
  if (!auth.ok) return auth.response;
  const workspaceIds = workspaceFilter(auth.actor);
  return Response.json({ projections: await listProjections(database.prisma, workspaceIds ? { workspaceIds } : {}) }, { headers: NO_STORE });
}

/** The models a projection can be made of (those with stored embeddings), counting only what the asker may read. */
export async function serveProjectableModels(database: Database, request: Pick<Request, "headers">): Promise<Response> {
  const auth = await authorize(database, request, "read");
  if (!auth.ok) return auth.response;
  const workspaceIds = workspaceFilter(auth.actor);
  return Response.json({ models: await listProjectableModels(database.prisma, workspaceIds ? { workspaceIds } : {}) }, { headers: NO_STORE });
}

const selectionNotFound = () =>
  errorResponse(404, "The set names corpora, cohorts or recordings that do not exist (or that you cannot see).", "PROJECTION_SELECTION_NOT_FOUND");

/** Stores the definition and queues its job; 202 with the projection and the job. */
export async function serveCreateProjection(dependencies: ProjectionApiDependencies, request: Pick<Request, "headers">, body: unknown): Promise<Response> {
  const auth = await authorize(dependencies.database, request, "analyse");
  if (!auth.ok) return auth.response;
  const parsed = createProjectionSchema.safeParse(body);
  if (!parsed.success) return invalid(parsed.error, "projection request");
  const definition = parsed.data;
  const refused = await refuseSelectionOutside(dependencies.database, auth.actor, "analyse", definition.selection, selectionNotFound);
  if (refused) return refused;
  try {
    await findProjectionModel(dependencies.database.prisma, definition.modelId);
    const id = await createProjectionRecord(dependencies.database.prisma, definition, definition.name || describeProjection(definition));
    const job = await dependencies.queue.enqueue(PROJECT_JOB_KIND, { projectionId: id }, { maxAttempts: 2, createdById: auth.actor.userId });
    await attachProjectionJob(dependencies.database.prisma, id, job.id);
    return Response.json({ projection: await readProjectionSummary(dependencies.database.prisma, id), job: toJobView(job) }, { status: 202, headers: NO_STORE });
  } catch (error) {
    return knownError(error);
  }
}

export async function serveProjection(database: Database, request: Pick<Request, "headers">, id: string): Promise<Response> {
  const auth = await authorizeProjection(database, request, "read", id);
  if (!auth.ok) return auth.response;
  const bad = checkId(id);
  if (bad) return bad;
  try {
    return Response.json({ projection: await readProjectionSummary(database.prisma, id) }, { headers: NO_STORE });
  } catch (error) {
    return knownError(error);
  }
}

export async function serveDeleteProjection(database: Database, request: Pick<Request, "headers">, id: string): Promise<Response> {
  const auth = await authorizeProjection(database, request, "analyse", id);
  if (!auth.ok) return auth.response;
  const bad = checkId(id);
  if (bad) return bad;
  try {
    const workspaceIds = await workspacesOfProjection(database.prisma, id);
    await deleteProjection(database.prisma, id, {
      ...auditActorOf(auth.actor),
      action: "projection.delete",
      targetType: "projection",
      targetId: id.toLowerCase(),
      workspaceId: auditWorkspaceOf(workspaceIds),
      address: auth.address,
      details: { workspaceIds },
    });
    return new Response(null, { status: 204 });
  } catch (error) {
    return knownError(error);
  }
}

export async function serveProjectionPoints(database: Database, request: Pick<Request, "headers">, id: string): Promise<Response> {
  const auth = await authorizeProjection(database, request, "read", id);
  if (!auth.ok) return auth.response;
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
export async function servePlaceNewPoints(dependencies: ProjectionApiDependencies, request: Pick<Request, "headers">, id: string): Promise<Response> {
  const auth = await authorizeProjection(dependencies.database, request, "analyse", id);
  if (!auth.ok) return auth.response;
  const bad = checkId(id);
  if (bad) return bad;
  try {
    const summary = await readProjectionSummary(dependencies.database.prisma, id);
    if (summary.status !== "succeeded") {
      return errorResponse(409, "The projection has no layout yet: new points can be placed once it has finished.", "PROJECTION_NOT_FINISHED");
    }
    const job = await dependencies.queue.enqueue(PLACE_JOB_KIND, { projectionId: id }, { maxAttempts: 2, createdById: auth.actor.userId });
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
export async function serveAnalyseMissing(dependencies: ProjectionApiDependencies, request: Pick<Request, "headers">, id: string): Promise<Response> {
  const auth = await authorizeProjection(dependencies.database, request, "analyse", id);
  if (!auth.ok) return auth.response;
  const bad = checkId(id);
  if (bad) return bad;
  try {
    const row = await readProjectionRow(dependencies.database.prisma, id);
    if (!row) throw new ProjectionNotFoundError(`There is no projection ${id}; it may have been deleted.`);
    const model = await findProjectionModel(dependencies.database.prisma, row.modelId);
    const level = z.enum(PROJECTION_LEVELS).parse(row.level);
    const inputs = await readProjectionInputs(dependencies.database.prisma, { modelId: model.id, level, selection: projectionSelectionSchema.parse(row.selection) });
    const recordingIds = [...new Set(inputs.missing.map((point) => point.recordingId))];
    if (recordingIds.length === 0) return Response.json({ missing: 0, job: null }, { headers: NO_STORE });
    const job = await enqueueAnalysis(
      queueActingFor(dependencies.queue, auth.actor.userId),
      { modelId: model.modelKey, modelVersion: model.version, selection: { recordingIds }, includeRegions: level === "region" },
      dependencies.modelsDir,
    );
    return Response.json({ missing: inputs.missing.length, recordings: recordingIds.length, job: toJobView(job) }, { status: 202, headers: NO_STORE });
  } catch (error) {
    return knownError(error);
  }
}

export async function serveClusterings(database: Database, request: Pick<Request, "headers">, id: string): Promise<Response> {
  const auth = await authorizeProjection(database, request, "read", id);
  if (!auth.ok) return auth.response;
  const bad = checkId(id);
  if (bad) return bad;
  return Response.json({ clusterings: await listClusterings(database.prisma, id) }, { headers: NO_STORE });
}

/** Queues clustering the projection's full embeddings. Body: { algorithm: "hdbscan", minClusterSize, minSamples? } or { algorithm: "kmeans", k, seed }. */
export async function serveCreateClustering(
  dependencies: ProjectionApiDependencies,
  request: Pick<Request, "headers">,
  id: string,
  body: unknown,
): Promise<Response> {
  const auth = await authorizeProjection(dependencies.database, request, "analyse", id);
  if (!auth.ok) return auth.response;
  const bad = checkId(id);
  if (bad) return bad;
  const parsed = createClusteringSchema.safeParse(body);
  if (!parsed.success) return invalid(parsed.error, "clustering request");
  try {
    const { algorithm, ...parameters } = parsed.data;
    const clusteringId = await createClusteringRecord(dependencies.database.prisma, id, algorithm, parameters);
    const job = await dependencies.queue.enqueue(CLUSTER_JOB_KIND, { clusteringId }, { maxAttempts: 2, createdById: auth.actor.userId });
    await attachClusteringJob(dependencies.database.prisma, clusteringId, job.id);
    return Response.json({ clusteringId, job: toJobView(job) }, { status: 202, headers: NO_STORE });
  } catch (error) {
    return knownError(error);
  }
}
