import type { ImportOutcome } from "../corpus/import-report";
import { IMPORT_JOB_KIND } from "../corpus/import-job-payload";
import { authorize } from "../auth/authorize";
import { seesEverything } from "../auth/workspace-checks";
import type { Database } from "../db/database";
import { listFailedJobSummaries, listJobReportEntries, type FailedJobSummary, type JobReportEntryRow } from "../db/job.repository";
import { ANALYSE_JOB_KIND } from "../inference/analysis-job-payload";

/**
 * The workbench's Problems panel: every failed job, and every file an import
 * could not take (or took with warnings) and every recording an analysis
 * could not analyse, from the reports finished jobs keep. Newest first.
 * With accounts on, each user sees the problems of their own jobs (site
 * administrators see all), as in the jobs list.
 */

export interface Problem {
  /** Stable: the job id, or `<job id>:<entry index>` for a report entry. */
  id: string;
  severity: "error" | "warning";
  source: "import" | "analysis" | "job";
  jobId: string;
  title: string;
  detail: string;
  /** The path the researcher chose, relative to the import's root. */
  path?: string;
  recordingId?: string;
  /** ISO 8601: when the job finished. */
  at: string;
}

export const MAX_PROBLEMS = 500;

const IMPORT_PROBLEM_OUTCOMES: readonly ImportOutcome[] = ["failed", "imported-with-warnings", "problem"];

export async function listProblems(database: Database, limit = MAX_PROBLEMS, filter: { createdById?: string } = {}): Promise<Problem[]> {
  const [failed, entries] = await Promise.all([
    listFailedJobSummaries(database.prisma, limit, filter),
    listJobReportEntries(database.prisma, {
      ...filter,
      kinds: [IMPORT_JOB_KIND, ANALYSE_JOB_KIND],
      // An analysis entry's outcomes are analysed, cached or failed: only "failed" is shared with imports.
      outcomes: IMPORT_PROBLEM_OUTCOMES,
      limit,
    }),
  ]);
  const problems = [...failed.map(failedJobProblem), ...entries.flatMap(reportEntryProblem)];
  // Stable: a job's entries keep their report order.
  problems.sort((a, b) => b.at.localeCompare(a.at));
  return problems.slice(0, limit);
}

export async function serveProblems(database: Database, request: Pick<Request, "headers">, limit = MAX_PROBLEMS): Promise<Response> {
  const auth = await authorize(database, request, "read");
  if (!auth.ok) return auth.response;
  const filter = seesEverything(auth.actor) ? {} : { createdById: auth.actor.userId };
  return Response.json({ problems: await listProblems(database, limit, filter) }, { headers: { "Cache-Control": "no-store" } });
}

function failedJobProblem(job: FailedJobSummary): Problem {
  const source = job.kind === IMPORT_JOB_KIND ? "import" : job.kind === ANALYSE_JOB_KIND ? "analysis" : "job";
  const title =
    source === "import"
      ? `Import${job.corpusName ? ` into "${job.corpusName}"` : ""} failed`
      : source === "analysis"
        ? `Analysis${job.modelId ? ` with ${job.modelId}` : ""} failed`
        : `Job "${job.kind}" failed`;
  const detail = job.error ? `${job.error.message}${job.error.code ? ` (${job.error.code})` : ""}` : "The job failed without saying why.";
  return { id: job.id, severity: "error", source, jobId: job.id, title, detail, at: job.at.toISOString() };
}

function reportEntryProblem(row: JobReportEntryRow): Problem[] {
  const entry = row.entry;
  if (typeof entry !== "object" || entry === null || Array.isArray(entry)) return [];
  const text = (key: string) => (typeof entry[key] === "string" ? (entry[key] as string) : undefined);
  const outcome = text("outcome");
  const reason = text("reason") ?? text("code") ?? "No reason was recorded.";
  const base = { id: `${row.jobId}:${row.index}`, jobId: row.jobId, at: row.at.toISOString() };
  if (row.kind === ANALYSE_JOB_KIND) {
    const recordingId = text("recordingId");
    return [{ ...base, severity: "error", source: "analysis", title: `Analysis failed: ${text("name") ?? "a recording"}`, detail: reason, ...(recordingId ? { recordingId } : {}) }];
  }
  const path = text("path");
  const ids = entry.recordingIds;
  const recordingId = Array.isArray(ids) && typeof ids[0] === "string" ? ids[0] : undefined;
  const what = path ?? "a file";
  const title = outcome === "failed" ? `Not imported: ${what}` : outcome === "imported-with-warnings" ? `Imported with warnings: ${what}` : `Import problem: ${what}`;
  return [
    {
      ...base,
      severity: outcome === "failed" ? "error" : "warning",
      source: "import",
      title,
      detail: reason,
      ...(path ? { path } : {}),
      ...(recordingId ? { recordingId } : {}),
    },
  ];
}
