import { AppError } from "../../domain/app-error";

export type PeaksFormatErrorCode = "PEAKS_BAD_MAGIC" | "PEAKS_UNSUPPORTED_VERSION" | "PEAKS_TRUNCATED" | "PEAKS_CORRUPT";

/**
 * Thrown when a stored peaks file cannot be read: not a peaks file, written by
 * a newer version, cut short, or internally inconsistent. Re-running the
 * recording's import rebuilds it from the audio.
 */
export class PeaksFormatError extends AppError {
  override readonly name = "PeaksFormatError";
  readonly code: PeaksFormatErrorCode;

  constructor(code: PeaksFormatErrorCode, message: string) {
    super(message);
    this.code = code;
  }
}
