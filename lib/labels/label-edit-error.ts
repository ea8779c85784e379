import { AppError } from "../domain/app-error";

export type LabelEditErrorCode =
  | "STALE_VERSION"
  | "RECORDING_NOT_FOUND"
  | "REGION_NOT_FOUND"
  | "REGION_INVALID"
  | "NO_MODEL_RESULT"
  | "NOTHING_TO_UNDO"
  | "NOTHING_TO_REDO";

/**
 * Thrown by the label repository when an edit, undo or redo cannot be applied
 * as asked; nothing was written. STALE_VERSION: the recording changed since
 * the editor loaded it (another tab or person). The others name the problem
 * with the edit itself.
 */
export class LabelEditError extends AppError {
  override readonly name = "LabelEditError";

  constructor(
    readonly code: LabelEditErrorCode,
    message: string,
  ) {
    super(message);
  }
}
