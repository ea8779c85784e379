import { AppError } from "./app-error";

export type ZipWriteErrorCode = "ZIP_ENTRY_NAME_INVALID" | "ZIP_ENTRY_NAME_DUPLICATE" | "ZIP_TOO_LARGE";

/**
 * Thrown by createZip when an entry cannot go into the archive: a name that
 * would extract outside the target folder or twice, or an archive past the
 * 4 GiB / 65,535-entry limits of a zip without Zip64 extensions.
 */
export class ZipWriteError extends AppError {
  override readonly name = "ZipWriteError";
  readonly code: ZipWriteErrorCode;

  constructor(code: ZipWriteErrorCode, message: string) {
    super(message);
    this.code = code;
  }
}
