import { AppError } from "../domain/app-error";
import { JobLeaseLostError } from "./job-errors";
import type { JobQueue } from "./job-queue";
import type { ClaimedJob, JobProgress, JobRecord, JsonValue } from "./job-types";

/**
 * A worker loop: claims jobs of the kinds it has handlers for, runs them with
 * heartbeats, and records the outcome. Handlers watch `signal`, which aborts
 * when the job is cancelled or the lease is lost.
 */

export interface JobContext {
  job: JobRecord;
  signal: AbortSignal;
  /** Latest progress; sent with the next heartbeat rather than one write per call. */
  reportProgress(progress: JobProgress): void;
  /** Saves resumable state now (not batched): call it after each durable step. */
  saveCheckpoint(checkpoint: JsonValue): Promise<void>;
}

export type JobHandler = (context: JobContext) => Promise<JsonValue>;

/** Thrown by a handler for a failure worth retrying (a busy device, a lost connection). */
export class TransientJobError extends AppError {
  override readonly name = "TransientJobError";
  readonly code = "JOB_TRANSIENT_FAILURE";
}

export interface JobWorkerOptions {
  queue: JobQueue;
  workerId: string;
  handlers: Readonly<Record<string, JobHandler>>;
  pollIntervalMs?: number;
  heartbeatIntervalMs?: number;
  /** Called with failures of the loop itself (database gone); the loop keeps polling. */
  onLoopError?: (error: unknown) => void;
  /** Called after a job this worker ran succeeded (for follow-up work such as the demo's analysis). */
  onSucceeded?: (job: JobRecord) => void;
  /** Called when this worker starts a job it claimed (for an operator's log line). */
  onStarted?: (job: JobRecord) => void;
  /** Called once for every job this worker claimed, with what became of it. */
  onFinished?: (job: JobRecord, outcome: JobRunOutcome) => void;
}

/**
 * What a worker's run of a job came to. `lease-lost`: its heartbeat lapsed and
 * another worker took the job; `unrecorded`: the outcome could not be written
 * (database gone), so the job's heartbeat lapses and another worker retries it.
 */
export type JobRunOutcome = "succeeded" | "failed" | "retrying" | "cancelled" | "handed-back" | "lease-lost" | "unrecorded";

export interface JobWorker {
  /**
   * Stops claiming. The job in hand (if any) is asked to stop through its
   * signal and handed back to the queue, keeping its checkpoint, so the next
   * worker resumes it; resolves once it is handed back.
   */
  stop(): Promise<void>;
}

export function startJobWorker(options: JobWorkerOptions): JobWorker {
  const pollIntervalMs = options.pollIntervalMs ?? 1000;
  const heartbeatIntervalMs = options.heartbeatIntervalMs ?? 5000;
  const kinds = Object.keys(options.handlers);
  let stopping = false;
  let wake: (() => void) | undefined;
  const shutdown = new AbortController();

  const loop = (async () => {
    while (!stopping) {
      try {
        const claimed = await options.queue.claim(options.workerId, kinds);
        if (claimed) {
          await runClaimedJob(options, claimed, heartbeatIntervalMs, shutdown.signal);
          continue;
        }
      } catch (error) {
        options.onLoopError?.(error);
      }
      await new Promise<void>((resolve) => {
        wake = resolve;
        setTimeout(resolve, pollIntervalMs);
      });
    }
  })();

  return {
    stop: async () => {
      stopping = true;
      shutdown.abort();
      wake?.();
      await loop;
    },
  };
}

async function runClaimedJob(
  options: JobWorkerOptions,
  claimed: ClaimedJob,
  heartbeatIntervalMs: number,
  shutdown: AbortSignal,
): Promise<void> {
  const { queue } = options;
  const { job, lease } = claimed;
  const handler = options.handlers[job.kind];
  const controller = new AbortController();
  const onShutdown = () => controller.abort();
  shutdown.addEventListener("abort", onShutdown, { once: true });
  let cancelRequested = job.cancelRequested;
  let leaseLost = false;
  let progress: JobProgress | undefined;
  let outcome: JobRunOutcome = "unrecorded";
  options.onStarted?.(job);

  const beat = async () => {
    try {
      const state = await queue.heartbeat(lease, progress);
      if (state.cancelRequested) {
        cancelRequested = true;
        controller.abort();
      }
    } catch (error) {
      if (error instanceof JobLeaseLostError) {
        leaseLost = true;
        controller.abort();
      }
    }
  };
  const timer = setInterval(() => void beat(), heartbeatIntervalMs);

  try {
    if (!handler) throw new Error(`No handler for job kind "${job.kind}".`);
    if (cancelRequested) controller.abort();
    const result = await handler({
      job,
      signal: controller.signal,
      reportProgress: (p) => (progress = p),
      saveCheckpoint: (checkpoint) => queue.saveCheckpoint(lease, checkpoint),
    });
    clearInterval(timer);
    if (leaseLost) {
      outcome = "lease-lost";
      return;
    }
    if (cancelRequested) {
      await queue.acknowledgeCancel(lease);
      outcome = "cancelled";
    } else {
      // The last progress (all done) would otherwise wait for a heartbeat that never comes.
      if (progress) await queue.heartbeat(lease, progress);
      await queue.complete(lease, result);
      outcome = "succeeded";
      options.onSucceeded?.(job);
    }
  } catch (error) {
    clearInterval(timer);
    if (leaseLost) {
      outcome = "lease-lost";
      return;
    }
    try {
      if (shutdown.aborted && !cancelRequested) {
        await queue.handBack(lease);
        outcome = "handed-back";
      } else if (cancelRequested) {
        await queue.acknowledgeCancel(lease);
        outcome = "cancelled";
      } else {
        outcome = await queue.fail(lease, {
          message: error instanceof Error ? error.message : String(error),
          code: error instanceof AppError ? error.code : undefined,
          transient: error instanceof TransientJobError,
        });
      }
    } catch (finishError) {
      if (!(finishError instanceof JobLeaseLostError)) throw finishError;
      outcome = "lease-lost";
    }
  } finally {
    shutdown.removeEventListener("abort", onShutdown);
    options.onFinished?.(job, outcome);
  }
}
