import { CorpusInputError } from "./corpus-input-error";

export type WebUiFolderErrorCode =
  /** processed_audio.wav is absent or not a file. */
  | "WEBUI_AUDIO_MISSING"
  /** result.json is absent or not a file. */
  | "WEBUI_RESULT_MISSING"
  /** embedding.npy does not have the shape its granularity implies. */
  | "WEBUI_EMBEDDING_SHAPE";

/** Thrown by describeWebUiFolder when a WebUI output folder is incomplete or inconsistent. */
export class WebUiFolderError extends CorpusInputError {
  override readonly name = "WebUiFolderError";
  readonly code: WebUiFolderErrorCode;

  constructor(code: WebUiFolderErrorCode, subject: string, message: string, options?: ErrorOptions) {
    super(subject, message, options);
    this.code = code;
  }
}
