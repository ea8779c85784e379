import { IMPORT_JOB_KIND } from "../corpus/import-job-payload";
import { countOutcomes, summariseImport, type ImportCounts } from "../corpus/import-report";
import type { JobRecord } from "../jobs/job-types";
import { toJobView, type JobView } from "../jobs/job-view";

/**
 * A job in a list (GET /api/jobs): its view without the result, which for an
 * import is a report of every file and can run to megabytes, plus a one-line
 * summary of it. The full result stays at GET /api/jobs/:id.
 */
export interface JobSummary extends Omit<JobView, "result"> {
  summary: string | null;
}

export function toJobSummary(job: JobRecord): JobSummary {
  const { result, ...view } = toJobView(job);
  return { ...view, summary: summaryOf(job.kind, result) };
}

function summaryOf(kind: string, result: JobView["result"]): string | null {
  if (kind !== IMPORT_JOB_KIND || result === null || typeof result !== "object" || Array.isArray(result)) return null;
  const counts = result.counts;
  if (counts === null || typeof counts !== "object" || Array.isArray(counts)) return null;
  if (typeof counts.imported !== "number") return null;
  // Reports stored before a count existed lack it: read it as zero.
  const complete: ImportCounts = countOutcomes([]);
  for (const key of Object.keys(complete) as (keyof ImportCounts)[]) {
    const value = counts[key];
    if (typeof value === "number") complete[key] = value;
  }
  return summariseImport({ counts: complete });
}
