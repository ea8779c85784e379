import type { Database } from "../db/database";
import {
  claimNextJob,
  finalizeAbandonedJobs,
  findJob,
  finishLeasedJob,
  handBackLeasedJob,
  insertJob,
  listJobs,
  requestCancel,
  requeueFinishedJob,
  requeueRunningJobs,
  saveLeasedCheckpoint,
  touchLeasedJob,
} from "../db/job.repository";
import { type BackoffPolicy, DEFAULT_BACKOFF, retryDelaySeconds } from "../domain/retry-backoff";
import { JobLeaseLostError, JobNotFoundError, JobStateError } from "./job-errors";
import type { ClaimedJob, EnqueueOptions, JobError, JobLease, JobProgress, JobRecord, JobStatus, JsonValue } from "./job-types";

/**
 * The job queue the capabilities use: enqueue work, claim it from a worker,
 * keep it alive with heartbeats, and finish it. A job whose worker dies is
 * taken over by another after `heartbeatTimeoutSeconds`; a transient failure
 * is retried with exponential backoff until `maxAttempts` runs out.
 */
export interface JobQueueOptions {
  heartbeatTimeoutSeconds: number;
  backoff?: BackoffPolicy;
  /** Source of jitter in [0, 1); injectable for tests. */
  random?: () => number;
}

export interface JobQueue {
  enqueue(kind: string, payload: JsonValue, options?: EnqueueOptions): Promise<JobRecord>;
  get(id: string): Promise<JobRecord>;
  list(filter?: { status?: JobStatus[]; kind?: string; limit?: number; createdById?: string }): Promise<JobRecord[]>;
  claim(workerId: string, kinds?: readonly string[]): Promise<ClaimedJob | null>;
  /** Refreshes the lease; resolves whether cancellation was requested. Throws JobLeaseLostError. */
  heartbeat(lease: JobLease, progress?: JobProgress): Promise<{ cancelRequested: boolean }>;
  /** Stores resumable progress; a later attempt of the job sees it as `job.checkpoint`. Throws JobLeaseLostError. */
  saveCheckpoint(lease: JobLease, checkpoint: JsonValue): Promise<void>;
  complete(lease: JobLease, result: JsonValue): Promise<void>;
  /** Records a failure: retried later if transient and attempts remain, failed otherwise. */
  fail(lease: JobLease, error: JobError): Promise<"retrying" | "failed">;
  /** Finalises a job whose worker stopped because cancellation was requested. */
  acknowledgeCancel(lease: JobLease): Promise<void>;
  /** Returns a job its worker is shutting down on to the queue, checkpoint kept, attempt not counted. */
  handBack(lease: JobLease): Promise<void>;
  cancel(id: string): Promise<JobRecord>;
  retry(id: string): Promise<JobRecord>;
  /** Embedded database only, at start-up: hands back jobs a crashed server left running. */
  requeueRunning(): Promise<number>;
}

export function createJobQueue(database: Database, options: JobQueueOptions): JobQueue {
  const prisma = database.prisma;
  const backoff = options.backoff ?? DEFAULT_BACKOFF;
  const random = options.random ?? Math.random;

  const leaseLost = (lease: JobLease) =>
    new JobLeaseLostError(
      `Job ${lease.jobId} is no longer held by worker ${lease.workerId} (attempt ${lease.attempt}): ` +
        "its heartbeat lapsed and another worker took it, or it was finalised.",
    );

  const get = async (id: string) => {
    const job = await findJob(prisma, id);
    if (!job) throw new JobNotFoundError(`No job with id ${id}.`);
    return job;
  };

  return {
    enqueue: (kind, payload, enqueueOptions) => insertJob(prisma, kind, payload, enqueueOptions),
    get,
    list: (filter) => listJobs(prisma, filter),
    claim: async (workerId, kinds) => {
      await finalizeAbandonedJobs(prisma, options.heartbeatTimeoutSeconds);
      return claimNextJob(prisma, workerId, options.heartbeatTimeoutSeconds, kinds);
    },
    heartbeat: async (lease, progress) => {
      const touched = await touchLeasedJob(prisma, lease, progress);
      if (!touched) throw leaseLost(lease);
      return touched;
    },
    saveCheckpoint: async (lease, checkpoint) => {
      if (!(await saveLeasedCheckpoint(prisma, lease, checkpoint))) throw leaseLost(lease);
    },
    complete: async (lease, result) => {
      if (!(await finishLeasedJob(prisma, lease, { status: "succeeded", result }))) throw leaseLost(lease);
    },
    fail: async (lease, error) => {
      const job = await get(lease.jobId);
      const retry = error.transient && lease.attempt < job.maxAttempts;
      const outcome = retry
        ? { status: "queued" as const, error, retryAfterSeconds: retryDelaySeconds(lease.attempt, random(), backoff) }
        : { status: "failed" as const, error };
      if (!(await finishLeasedJob(prisma, lease, outcome))) throw leaseLost(lease);
      return retry ? "retrying" : "failed";
    },
    acknowledgeCancel: async (lease) => {
      if (!(await finishLeasedJob(prisma, lease, { status: "cancelled" }))) throw leaseLost(lease);
    },
    handBack: async (lease) => {
      if (!(await handBackLeasedJob(prisma, lease))) throw leaseLost(lease);
    },
    cancel: async (id) => {
      const job = await requestCancel(prisma, id);
      if (!job) throw new JobNotFoundError(`No job with id ${id}.`);
      return job;
    },
    retry: async (id) => {
      const job = await get(id);
      if (!(await requeueFinishedJob(prisma, id))) {
        throw new JobStateError(`Job ${id} is ${job.status}; only failed or cancelled jobs can be retried.`);
      }
      return get(id);
    },
    requeueRunning: () => requeueRunningJobs(prisma),
  };
}
