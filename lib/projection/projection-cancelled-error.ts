import { AppError } from "../domain/app-error";

/** Thrown by runUmap and exactKnn when their AbortSignal fires: the caller asked to stop, nothing is wrong with the data. */
export class ProjectionCancelledError extends AppError {
  override readonly name = "ProjectionCancelledError";
  readonly code = "CANCELLED";
}

export function throwIfProjectionCancelled(signal: AbortSignal | undefined, what: string): void {
  if (signal?.aborted) throw new ProjectionCancelledError(`${what} was cancelled`);
}
