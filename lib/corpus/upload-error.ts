import { AppError } from "../domain/app-error";

export type UploadErrorCode =
  /** No upload with this id (never created, or already removed). */
  | "UPLOAD_NOT_FOUND"
  /** The file's relative path has nothing usable left after sanitising. */
  | "UPLOAD_BAD_PATH"
  /** The file is larger than UPLOAD_MAX_BYTES. */
  | "UPLOAD_TOO_LARGE"
  /** Another file of this upload already has the same (sanitised) path. */
  | "UPLOAD_PATH_TAKEN"
  /** The body ended before the announced length, or the browser aborted it. */
  | "UPLOAD_INCOMPLETE";

const STATUS: Readonly<Record<UploadErrorCode, number>> = {
  UPLOAD_NOT_FOUND: 404,
  UPLOAD_BAD_PATH: 400,
  UPLOAD_TOO_LARGE: 413,
  UPLOAD_PATH_TAKEN: 409,
  UPLOAD_INCOMPLETE: 400,
};

/** Thrown by receiveUploadFile when a browser upload cannot be stored; the message names the file. */
export class UploadError extends AppError {
  override readonly name = "UploadError";
  readonly code: UploadErrorCode;

  constructor(code: UploadErrorCode, message: string, options?: ErrorOptions) {
    super(message, options);
    this.code = code;
  }

  /** The HTTP status the upload route answers with. */
  get status(): number {
    return STATUS[this.code];
  }
}
