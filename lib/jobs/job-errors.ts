import { AppError } from "../domain/app-error";

/**
 * Thrown by heartbeat, progress, complete and fail when the worker no longer
 * holds the job: its heartbeat lapsed and another worker took it, or it was
 * cancelled and finalised. The worker must stop and write nothing.
 */
export class JobLeaseLostError extends AppError {
  override readonly name = "JobLeaseLostError";
  readonly code = "JOB_LEASE_LOST";
}

/** Thrown when a job id does not exist. */
export class JobNotFoundError extends AppError {
  override readonly name = "JobNotFoundError";
  readonly code = "JOB_NOT_FOUND";
}

/** Thrown when an operation does not apply to the job's status (e.g. retrying a running job). */
export class JobStateError extends AppError {
  override readonly name = "JobStateError";
  readonly code = "JOB_INVALID_STATE";
}
