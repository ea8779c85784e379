import type { ClaimedJob, EnqueueOptions, JobError, JobLease, JobProgress, JobRecord, JobStatus, JsonValue } from "../jobs/job-types";
import { type Job, Prisma, type PrismaClient } from "./generated/client";

/**
 * Persistence of the job queue. Time comparisons use the database clock
 * (`now()`), so workers on several hosts agree on heartbeat expiry whatever
 * their own clocks say. Claims use `FOR UPDATE SKIP LOCKED`: concurrent
 * claimers skip rows another is taking instead of waiting or double-taking.
 */

export async function insertJob(
  prisma: PrismaClient,
  kind: string,
  payload: JsonValue,
  options: EnqueueOptions = {},
): Promise<JobRecord> {
  const row = await prisma.job.create({
    data: {
      kind,
      payload: payload as Prisma.InputJsonValue,
      priority: options.priority ?? 0,
      maxAttempts: options.maxAttempts ?? 3,
      ...(options.runAfter ? { runAfter: options.runAfter } : {}),
      ...(options.createdById ? { createdById: options.createdById } : {}),
    },
  });
  return toRecord(row);
}

export async function findJob(prisma: PrismaClient, id: string): Promise<JobRecord | null> {
  const row = await prisma.job.findUnique({ where: { id } });
  return row ? toRecord(row) : null;
}

export async function listJobs(
  prisma: PrismaClient,
  filter: { status?: JobStatus[]; kind?: string; limit?: number; createdById?: string } = {},
): Promise<JobRecord[]> {
  const rows = await prisma.job.findMany({
    where: {
      ...(filter.status ? { status: { in: filter.status } } : {}),
      ...(filter.kind ? { kind: filter.kind } : {}),
      ...(filter.createdById ? { createdById: filter.createdById } : {}),
    },
    orderBy: { createdAt: "desc" },
    take: filter.limit ?? 100,
  });
  return rows.map(toRecord);
}

/** Jobs of a kind whose payload holds `value` at a dotted path (e.g. "selection.corpusName"), newest first. */
export async function findJobsByPayloadField(prisma: PrismaClient, kind: string, dottedPath: string, value: string): Promise<JobRecord[]> {
  const rows = await prisma.job.findMany({
    where: { kind, payload: { path: dottedPath.split("."), equals: value } },
    orderBy: { createdAt: "desc" },
    take: 20,
  });
  return rows.map(toRecord);
}

/**
 * Jobs whose worker stopped sending heartbeats are either given up (out of
 * attempts, or cancellation was asked for) or left `running` for `claimNextJob`
 * to take over.
 */
export async function finalizeAbandonedJobs(prisma: PrismaClient, heartbeatTimeoutSeconds: number): Promise<number> {
  const abandonedError: JobError = {
    message: "The worker stopped responding and the job has no attempts left.",
    code: "WORKER_LOST",
    transient: false,
  };
  const cancelled = await prisma.$executeRaw`
    UPDATE "Job" SET status = 'cancelled', "finishedAt" = now(), "workerId" = NULL
    WHERE status = 'running' AND "cancelRequested"
      AND "heartbeatAt" < now() - make_interval(secs => ${heartbeatTimeoutSeconds}::double precision)`;
  const failed = await prisma.$executeRaw`
    UPDATE "Job" SET status = 'failed', "finishedAt" = now(), "workerId" = NULL,
      error = ${JSON.stringify(abandonedError)}::jsonb
    WHERE status = 'running' AND attempts >= "maxAttempts"
      AND "heartbeatAt" < now() - make_interval(secs => ${heartbeatTimeoutSeconds}::double precision)`;
  return cancelled + failed;
}

export async function claimNextJob(
  prisma: PrismaClient,
  workerId: string,
  heartbeatTimeoutSeconds: number,
  kinds: readonly string[] | undefined,
): Promise<ClaimedJob | null> {
  const kindFilter =
    kinds && kinds.length > 0 ? Prisma.sql`AND kind IN (${Prisma.join(kinds.map((kind) => Prisma.sql`${kind}`))})` : Prisma.empty;
  const claimed = await prisma.$queryRaw<{ id: string; attempts: number }[]>`
    UPDATE "Job" SET
      status = 'running',
      "workerId" = ${workerId},
      attempts = attempts + 1,
      "heartbeatAt" = now(),
      "startedAt" = COALESCE("startedAt", now())
    WHERE id = (
      SELECT id FROM "Job"
      WHERE (
          (status = 'queued' AND "runAfter" <= now())
          OR (status = 'running' AND NOT "cancelRequested" AND attempts < "maxAttempts"
              AND "heartbeatAt" < now() - make_interval(secs => ${heartbeatTimeoutSeconds}::double precision))
        ) ${kindFilter}
      ORDER BY priority DESC, "createdAt" ASC, id ASC
      FOR UPDATE SKIP LOCKED
      LIMIT 1
    )
    RETURNING id, attempts`;
  const first = claimed[0];
  if (!first) return null;
  const job = await findJob(prisma, first.id);
  if (!job) return null;
  return { job, lease: { jobId: first.id, workerId, attempt: first.attempts } };
}

/** Refreshes the heartbeat (and progress). Returns null when the lease is lost. */
export async function touchLeasedJob(
  prisma: PrismaClient,
  lease: JobLease,
  progress: JobProgress | undefined,
): Promise<{ cancelRequested: boolean } | null> {
  const progressJson = progress === undefined ? null : JSON.stringify(progress);
  const rows = await prisma.$queryRaw<{ cancelRequested: boolean }[]>`
    UPDATE "Job" SET
      "heartbeatAt" = now(),
      progress = COALESCE(${progressJson}::jsonb, progress)
    WHERE id = ${lease.jobId}::uuid AND status = 'running'
      AND "workerId" = ${lease.workerId} AND attempts = ${lease.attempt}
    RETURNING "cancelRequested"`;
  return rows[0] ?? null;
}

type Outcome =
  | { status: "succeeded"; result: JsonValue }
  | { status: "failed"; error: JobError }
  | { status: "cancelled" }
  | { status: "queued"; error: JobError; retryAfterSeconds: number };

/** Moves a leased job out of `running`. Returns false when the lease is lost. */
export async function finishLeasedJob(prisma: PrismaClient, lease: JobLease, outcome: Outcome): Promise<boolean> {
  const result = outcome.status === "succeeded" ? JSON.stringify(outcome.result) : null;
  const error = outcome.status === "failed" || outcome.status === "queued" ? JSON.stringify(outcome.error) : null;
  const retryAfter = outcome.status === "queued" ? outcome.retryAfterSeconds : 0;
  const finished = outcome.status !== "queued";
  const changed = await prisma.$executeRaw`
    UPDATE "Job" SET
      status = ${outcome.status}::"JobStatus",
      result = ${result}::jsonb,
      error = ${error}::jsonb,
      "workerId" = NULL,
      "heartbeatAt" = NULL,
      "runAfter" = CASE WHEN ${finished} THEN "runAfter" ELSE now() + make_interval(secs => ${retryAfter}::double precision) END,
      "finishedAt" = CASE WHEN ${finished} THEN now() ELSE NULL END
    WHERE id = ${lease.jobId}::uuid AND status = 'running'
      AND "workerId" = ${lease.workerId} AND attempts = ${lease.attempt}`;
  return changed === 1;
}

/**
 * Cancels a queued job at once; a running one is flagged and its worker stops
 * at its next heartbeat. Returns the job as it now stands.
 */
export async function requestCancel(prisma: PrismaClient, id: string): Promise<JobRecord | null> {
  await prisma.$executeRaw`
    UPDATE "Job" SET status = 'cancelled', "finishedAt" = now()
    WHERE id = ${id}::uuid AND status = 'queued'`;
  await prisma.$executeRaw`
    UPDATE "Job" SET "cancelRequested" = true
    WHERE id = ${id}::uuid AND status = 'running'`;
  return findJob(prisma, id);
}

/** Saves a handler's checkpoint under its lease. Returns false when the lease is lost. */
export async function saveLeasedCheckpoint(prisma: PrismaClient, lease: JobLease, checkpoint: JsonValue): Promise<boolean> {
  const changed = await prisma.$executeRaw`
    UPDATE "Job" SET checkpoint = ${JSON.stringify(checkpoint)}::jsonb, "heartbeatAt" = now()
    WHERE id = ${lease.jobId}::uuid AND status = 'running'
      AND "workerId" = ${lease.workerId} AND attempts = ${lease.attempt}`;
  return changed === 1;
}

/** A worker that is shutting down returns its job; the attempt it used is given back too. */
export async function handBackLeasedJob(prisma: PrismaClient, lease: JobLease): Promise<boolean> {
  const changed = await prisma.$executeRaw`
    UPDATE "Job" SET status = 'queued', "workerId" = NULL, "heartbeatAt" = NULL, "runAfter" = now(),
      attempts = GREATEST(attempts - 1, 0)
    WHERE id = ${lease.jobId}::uuid AND status = 'running'
      AND "workerId" = ${lease.workerId} AND attempts = ${lease.attempt}`;
  return changed === 1;
}

/**
 * Hands every running job back to the queue at once. Only for the embedded
 * database at start-up: the data-folder lock proves no other worker is alive,
 * so waiting out the heartbeat timeout would only delay the resume.
 */
export async function requeueRunningJobs(prisma: PrismaClient): Promise<number> {
  return prisma.$executeRaw`
    UPDATE "Job" SET status = 'queued', "workerId" = NULL, "heartbeatAt" = NULL, "runAfter" = now()
    WHERE status = 'running' AND NOT "cancelRequested" AND attempts < "maxAttempts"`;
}

/** Puts a failed or cancelled job back in the queue with a fresh set of attempts. */
export async function requeueFinishedJob(prisma: PrismaClient, id: string): Promise<boolean> {
  const changed = await prisma.$executeRaw`
    UPDATE "Job" SET status = 'queued', attempts = 0, error = NULL, result = NULL, progress = NULL,
      "cancelRequested" = false, "runAfter" = now(), "finishedAt" = NULL, "startedAt" = NULL
    WHERE id = ${id}::uuid AND status IN ('failed', 'cancelled')`;
  return changed === 1;
}

/** A failed job as the problems list shows it: its error and the few payload fields that name what it worked on. */
export interface FailedJobSummary {
  id: string;
  kind: string;
  error: JobError | null;
  /** finishedAt, or createdAt for a job that never finished cleanly. */
  at: Date;
  /** payload.corpusName (imports), payload.modelId (analyses), when present. */
  corpusName: string | null;
  modelId: string | null;
}

/** Failed jobs, newest first, without loading payloads (an analysis payload can list 100,000 recording ids); with `createdById`, only that user's. */
export async function listFailedJobSummaries(prisma: PrismaClient, limit: number, filter: { createdById?: string } = {}): Promise<FailedJobSummary[]> {
  const byCreator = filter.createdById ? Prisma.sql`AND "createdById" = ${filter.createdById}::uuid` : Prisma.empty;
  const rows = await prisma.$queryRaw<{ id: string; kind: string; error: unknown; at: Date; corpusName: string | null; modelId: string | null }[]>`
    SELECT id::text AS id, kind, error, COALESCE("finishedAt", "createdAt") AS at,
      payload ->> 'corpusName' AS "corpusName", payload ->> 'modelId' AS "modelId"
    FROM "Job" WHERE status = 'failed' ${byCreator}
    ORDER BY at DESC, id
    LIMIT ${limit}`;
  return rows.map((row) => ({ ...row, error: (row.error ?? null) as JobError | null }));
}

/** One entry of a finished job's report (its result's `entries` array). */
export interface JobReportEntryRow {
  jobId: string;
  kind: string;
  at: Date;
  /** Position in the report, from 0. */
  index: number;
  entry: JsonValue;
}

/**
 * The entries of succeeded jobs' reports whose `outcome` is one of
 * `outcomes`, newest job first and in report order within a job. The
 * database picks them out, so a 10,000-file import report is never loaded
 * whole to find its three failures.
 */
export async function listJobReportEntries(
  prisma: PrismaClient,
  options: { kinds: readonly string[]; outcomes: readonly string[]; limit: number; createdById?: string },
): Promise<JobReportEntryRow[]> {
  const byCreator = options.createdById ? Prisma.sql`AND j."createdById" = ${options.createdById}::uuid` : Prisma.empty;
  const rows = await prisma.$queryRaw<{ jobId: string; kind: string; at: Date; index: number; entry: unknown }[]>`
    SELECT j.id::text AS "jobId", j.kind, COALESCE(j."finishedAt", j."createdAt") AS at, (e.ordinality - 1)::int AS index, e.value AS entry
    FROM "Job" j
    CROSS JOIN LATERAL jsonb_array_elements(
      CASE WHEN jsonb_typeof(j.result -> 'entries') = 'array' THEN j.result -> 'entries' ELSE '[]'::jsonb END
    ) WITH ORDINALITY AS e(value, ordinality)
    WHERE j.status = 'succeeded' AND j.kind = ANY(${[...options.kinds]}::text[]) ${byCreator}
      AND e.value ->> 'outcome' = ANY(${[...options.outcomes]}::text[])
    ORDER BY at DESC, j.id, e.ordinality
    LIMIT ${options.limit}`;
  return rows.map((row) => ({ ...row, entry: row.entry as JsonValue }));
}

function toRecord(row: Job): JobRecord {
  return {
    id: row.id,
    kind: row.kind,
    status: row.status,
    priority: row.priority,
    payload: row.payload as JsonValue,
    result: (row.result ?? null) as JsonValue | null,
    error: (row.error ?? null) as JobError | null,
    progress: (row.progress ?? null) as JobProgress | null,
    attempts: row.attempts,
    maxAttempts: row.maxAttempts,
    runAfter: row.runAfter,
    heartbeatAt: row.heartbeatAt,
    workerId: row.workerId,
    cancelRequested: row.cancelRequested,
    checkpoint: (row.checkpoint ?? null) as JsonValue | null,
    createdById: row.createdById,
    createdAt: row.createdAt,
    startedAt: row.startedAt,
    finishedAt: row.finishedAt,
  };
}
