import { AppError } from "../../domain/app-error";

export type ResamplerErrorCode = "UNSUPPORTED_SAMPLE_RATE" | "RESAMPLER_CLOSED";

/**
 * Thrown by createResampler for a sample rate the resampler cannot handle
 * (UNSUPPORTED_SAMPLE_RATE: usually a damaged or mislabelled file), and by a
 * resampler used after flush or dispose (RESAMPLER_CLOSED: a bug in the caller).
 */
export class ResamplerError extends AppError {
  override readonly name = "ResamplerError";
  readonly code: ResamplerErrorCode;

  constructor(code: ResamplerErrorCode, message: string) {
    super(message);
    this.code = code;
  }
}
