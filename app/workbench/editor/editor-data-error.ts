import { AppError } from "@/lib/domain/app-error";

/**
 * Thrown when a response the editor draws from (peaks, curves) does not have
 * the shape its route promises: a server bug or a proxy that cut the body
 * short, never something the researcher did.
 */
export class EditorDataError extends AppError {
  override readonly name = "EditorDataError";
  readonly code = "EDITOR_DATA_MALFORMED";
}
