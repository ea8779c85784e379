import { AppError } from "./app-error";

/**
 * Thrown by `readSpectrogramResponse` when a spectrogram response's headers
 * and body disagree (a missing header, or fewer bytes than columns × bins):
 * a bug or a proxy that cut the body short, never the researcher's input.
 */
export class SpectrogramFormatError extends AppError {
  override readonly name = "SpectrogramFormatError";
  readonly code = "SPECTROGRAM_MALFORMED";
}
