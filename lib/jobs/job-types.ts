/**
 * The job queue's vocabulary, shared by the repository, the queue API and the
 * runners. Plain data only: no Prisma types leave lib/db.
 */
export type JobStatus = "queued" | "running" | "succeeded" | "failed" | "cancelled";

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

export interface JobProgress {
  done: number;
  total: number;
  unit: string;
  /** What is being worked on now, e.g. the file being imported. */
  message?: string;
  bytesDone?: number;
  bytesTotal?: number;
  audioSecondsDone?: number;
  audioSecondsTotal?: number;
  /** Estimated seconds left, from the pace so far. */
  etaSeconds?: number;
}

export interface JobError {
  message: string;
  code?: string;
  /** Transient failures (a lost connection, a busy device) are retried with backoff. */
  transient: boolean;
}

export interface JobRecord {
  id: string;
  kind: string;
  status: JobStatus;
  priority: number;
  payload: JsonValue;
  result: JsonValue | null;
  error: JobError | null;
  progress: JobProgress | null;
  attempts: number;
  maxAttempts: number;
  runAfter: Date;
  heartbeatAt: Date | null;
  workerId: string | null;
  cancelRequested: boolean;
  /** What the last attempt saved so this one can resume; null on a first run. */
  checkpoint: JsonValue | null;
  /** Who asked for it; null (or absent) for jobs of CLIs, the server itself, or from before jobs recorded it. */
  createdById?: string | null;
  createdAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
}

/** Proof that a worker holds a job: a later attempt by another worker invalidates it. */
export interface JobLease {
  jobId: string;
  workerId: string;
  attempt: number;
}

export interface ClaimedJob {
  job: JobRecord;
  lease: JobLease;
}

export interface EnqueueOptions {
  priority?: number;
  maxAttempts?: number;
  /** Earliest start; defaults to now. */
  runAfter?: Date;
  /** The user who asked for it: with accounts on, jobs are listed to their creator (and site administrators) only. */
  createdById?: string;
}
