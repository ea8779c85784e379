import { AppError } from "../domain/app-error";

/** Why `npm run worker` refuses to start; each says what to change. */

/** Thrown when the worker is configured in a way it cannot run: no DATABASE_URL, a job kind it cannot do, no usable model. */
export class WorkerConfigurationError extends AppError {
  override readonly name = "WorkerConfigurationError";
  readonly code = "WORKER_CONFIGURATION_INVALID";
}

/** Thrown when the shared database lacks migrations this worker's version has: the server migrates, workers never do. */
export class DatabaseNotMigratedError extends AppError {
  override readonly name = "DatabaseNotMigratedError";
  readonly code = "DATABASE_NOT_MIGRATED";
}

/** Thrown when DATA_DIR on the worker's host is not the server's audio store. */
export class WorkerStoreMissingError extends AppError {
  override readonly name = "WorkerStoreMissingError";
  readonly code = "WORKER_STORE_MISSING";
}
