import { authorize } from "../auth/authorize";
import { auditActorOf, auditWorkspaceOf, refuseSelectionOutside, workspaceFilter } from "../auth/workspace-checks";
import type { Database } from "../db/database";
import { attachExportJob, createExportRecord, listExportViews } from "../db/export.repository";
import { findProjectionModel, ProjectionModelError } from "../db/projection.repository";
import { workspacesOfSelection } from "../db/selection-workspaces.repository";
import { definitionUsesModel, type ExportSelection, exportDefinitionSchema } from "../domain/export/export-definition";
import { errorResponse } from "../http/error-response";
import type { JobQueue } from "../jobs/job-queue";
import type { JsonValue } from "../jobs/job-types";
import { toJobView } from "../jobs/job-view";
import { EXPORT_JOB_KIND } from "./export-job-kind";

/**
 * The workbench's own export routes (same-origin, like the rest of the
 * workbench): every export with its state, and starting one from a
 * definition. Pulling finished snapshots from elsewhere goes through the
 * token-protected /api/exports.
 *
 * An export belongs to every workspace its selection names: the list shows
 * those whose workspaces the asker may all read, and starting one needs
 * "export" in each.
 */

const NO_STORE = { "Cache-Control": "no-store" };

export async function serveWorkbenchExports(database: Database, request: Pick<Request, "headers">): Promise<Response> {
  const auth = await authorize(database, request, "read");
  if (!auth.ok) return auth.response;
  const workspaceIds = workspaceFilter(auth.actor);
  return Response.json({ exports: await listExportViews(database.prisma, workspaceIds ? { workspaceIds } : {}) }, { headers: NO_STORE });
}

/** What a selection names, its projection points as the recordings they are. */
function namedBy(selection: ExportSelection): { corpusIds?: string[]; cohortIds?: string[]; recordingIds: string[] } {
  const fromPoints = (selection.projection?.pointKeys ?? []).map((key) => key.split("|")[0]!);
  return {
    ...(selection.corpusIds ? { corpusIds: selection.corpusIds } : {}),
    ...(selection.cohortIds ? { cohortIds: selection.cohortIds } : {}),
    recordingIds: [...(selection.recordingIds ?? []), ...fromPoints],
  };
}

const selectionNotFound = () =>
  errorResponse(404, "The export's selection names corpora, cohorts or recordings that do not exist (or that you cannot see).", "EXPORT_SELECTION_NOT_FOUND");

/** Validates a definition, stores it and queues its job; 202 with the export id and the job. */
export async function serveStartExport(dependencies: { database: Database; queue: JobQueue }, request: Pick<Request, "headers">, body: unknown): Promise<Response> {
  const auth = await authorize(dependencies.database, request, "export");
  if (!auth.ok) return auth.response;
  const parsed = exportDefinitionSchema.safeParse(body);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join(".") || "definition"}: ${issue.message}`);
    return errorResponse(400, `The export definition is invalid. ${problems.join("; ")}`, "EXPORT_DEFINITION_INVALID");
  }
  const definition = parsed.data;
  const named = namedBy(definition.selection);
  const refused = await refuseSelectionOutside(dependencies.database, auth.actor, "export", named, selectionNotFound);
  if (refused) return refused;
  try {
    if (definition.modelId && definitionUsesModel(definition)) await findProjectionModel(dependencies.database.prisma, definition.modelId);
  } catch (error) {
    if (error instanceof ProjectionModelError) return errorResponse(400, error.message, error.code);
    throw error;
  }
  const { workspaceIds } = await workspacesOfSelection(dependencies.database.prisma, named);
  const exportId = await createExportRecord(dependencies.database.prisma, definition.name, definition as unknown as JsonValue, auth.actor.userId, (id) => ({
    ...auditActorOf(auth.actor),
    action: "export.create",
    targetType: "export",
    targetId: id,
    workspaceId: auditWorkspaceOf(workspaceIds),
    address: auth.address,
    details: { exportId: id, workspaceIds, formats: definition.formats },
  }));
  const job = await dependencies.queue.enqueue(EXPORT_JOB_KIND, { exportId }, { maxAttempts: 2, createdById: auth.actor.userId });
  await attachExportJob(dependencies.database.prisma, exportId, job.id);
  return Response.json({ exportId, job: toJobView(job) }, { status: 202, headers: NO_STORE });
}
