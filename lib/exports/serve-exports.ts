import type { Database } from "../db/database";
import { attachExportJob, createExportRecord, listExportViews } from "../db/export.repository";
import { findProjectionModel, ProjectionModelError } from "../db/projection.repository";
import { ensureLocalResearcher } from "../db/user.repository";
import { definitionUsesModel, exportDefinitionSchema } from "../domain/export/export-definition";
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
 */

const NO_STORE = { "Cache-Control": "no-store" };

export async function serveWorkbenchExports(database: Database): Promise<Response> {
  return Response.json({ exports: await listExportViews(database.prisma) }, { headers: NO_STORE });
}

/** Validates a definition, stores it and queues its job; 202 with the export id and the job. */
export async function serveStartExport(dependencies: { database: Database; queue: JobQueue }, body: unknown): Promise<Response> {
  const parsed = exportDefinitionSchema.safeParse(body);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join(".") || "definition"}: ${issue.message}`);
    return errorResponse(400, `The export definition is invalid. ${problems.join("; ")}`, "EXPORT_DEFINITION_INVALID");
  }
  const definition = parsed.data;
  try {
    if (definition.modelId && definitionUsesModel(definition)) await findProjectionModel(dependencies.database.prisma, definition.modelId);
  } catch (error) {
    if (error instanceof ProjectionModelError) return errorResponse(400, error.message, error.code);
    throw error;
  }
  const author = await ensureLocalResearcher(dependencies.database.prisma);
  const exportId = await createExportRecord(dependencies.database.prisma, definition.name, definition as unknown as JsonValue, author.id);
  const job = await dependencies.queue.enqueue(EXPORT_JOB_KIND, { exportId }, { maxAttempts: 2 });
  await attachExportJob(dependencies.database.prisma, exportId, job.id);
  return Response.json({ exportId, job: toJobView(job) }, { status: 202, headers: NO_STORE });
}
