import { IMPORT_JOB_KIND } from "../corpus/import-job-payload";
import { EXPORT_JOB_KIND } from "../exports/export-job-kind";
import { ANALYSE_JOB_KIND } from "../inference/analysis-job-payload";
import { CLUSTER_JOB_KIND, PLACE_JOB_KIND, PROJECT_JOB_KIND } from "../projection/projection-job-kinds";
import { WorkerConfigurationError } from "./worker-errors";

/**
 * The job kinds a worker on another host can run: those that need only the
 * shared database and the shared store under DATA_DIR (and, for analyses, the
 * same model folders). Imports are not among them: a path import reads a
 * folder on the server's machine, checked against the server's IMPORT_ROOTS.
 */
export const WORKER_CAPABLE_KINDS: readonly string[] = [ANALYSE_JOB_KIND, PROJECT_JOB_KIND, PLACE_JOB_KIND, CLUSTER_JOB_KIND, EXPORT_JOB_KIND];

/** WORKER_KINDS checked against what a worker can do; duplicates dropped, order kept. */
export function resolveWorkerKinds(requested: readonly string[]): string[] {
  const kinds = [...new Set(requested)];
  if (kinds.includes(IMPORT_JOB_KIND)) {
    throw new WorkerConfigurationError(
      `WORKER_KINDS: a worker cannot run ${IMPORT_JOB_KIND} jobs: they read folders and uploads on the server's machine, ` +
        "within the server's IMPORT_ROOTS. Leave imports to the server and remove import from WORKER_KINDS.",
    );
  }
  const unknown = kinds.filter((kind) => !WORKER_CAPABLE_KINDS.includes(kind));
  if (unknown.length > 0) {
    throw new WorkerConfigurationError(
      `WORKER_KINDS: unknown job kind${unknown.length > 1 ? "s" : ""} ${unknown.map((kind) => `"${kind}"`).join(", ")}; ` +
        `a worker can run ${WORKER_CAPABLE_KINDS.join(", ")}.`,
    );
  }
  return kinds;
}
