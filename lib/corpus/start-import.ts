import type { JobQueue } from "../jobs/job-queue";
import type { JobRecord } from "../jobs/job-types";
import { AppError } from "../domain/app-error";
import { IMPORT_JOB_KIND, importJobPayloadSchema, type ImportJobRequest } from "./import-job-payload";
import { resolveImportPath } from "./import-path";

/** Thrown when an import request is malformed (a missing corpus name, an unknown channel mode). */
export class ImportRequestError extends AppError {
  override readonly name = "ImportRequestError";
  readonly code = "IMPORT_REQUEST_INVALID";
}

/**
 * Validates an import request and queues it. Paths are checked against the
 * import roots now, so a refused path is an immediate answer rather than a
 * failed job; the job checks again when it runs.
 */
export async function enqueueImport(
  queue: JobQueue,
  request: ImportJobRequest,
  importRoots: readonly string[],
): Promise<JobRecord> {
  const parsed = importJobPayloadSchema.safeParse(request);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join(".") || "request"}: ${issue.message}`);
    throw new ImportRequestError(`The import request is invalid. ${problems.join("; ")}`);
  }
  const payload = parsed.data;
  if (payload.source.kind === "path") {
    payload.source.path = await resolveImportPath(payload.source.path, importRoots);
    if (payload.manifestPath) payload.manifestPath = await resolveImportPath(payload.manifestPath, importRoots);
  }
  return queue.enqueue(IMPORT_JOB_KIND, payload, { maxAttempts: 5 });
}

