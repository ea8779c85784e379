import type { JobError, JobProgress, JobRecord, JobStatus, JsonValue } from "./job-types";

/** A job as the workbench, the HTTP API and CLIs see it: plain JSON, no worker internals. */
export interface JobView {
  id: string;
  kind: string;
  status: JobStatus;
  progress: JobProgress | null;
  error: JobError | null;
  result: JsonValue | null;
  attempts: number;
  cancelRequested: boolean;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
}

export function toJobView(job: JobRecord): JobView {
  return {
    id: job.id,
    kind: job.kind,
    status: job.status,
    progress: job.progress,
    error: job.error,
    result: job.result,
    attempts: job.attempts,
    cancelRequested: job.cancelRequested,
    createdAt: job.createdAt.toISOString(),
    startedAt: job.startedAt?.toISOString() ?? null,
    finishedAt: job.finishedAt?.toISOString() ?? null,
  };
}
