import { AppError } from "../domain/app-error";

/** Thrown from a decoding's chunks() when its AbortSignal fires: the caller asked to stop, nothing is wrong with the file. */
export class DecodeCancelledError extends AppError {
  override readonly name = "DecodeCancelledError";
  readonly code = "CANCELLED";
}

/** Throws DecodeCancelledError when the signal has been aborted. */
export function throwIfCancelled(signal: AbortSignal | undefined, displayName: string): void {
  if (signal?.aborted) throw new DecodeCancelledError(`decoding ${displayName} was cancelled`);
}
