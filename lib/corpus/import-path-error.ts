import { CorpusInputError } from "./corpus-input-error";

export type ImportPathErrorCode =
  /** IMPORT_ROOTS is empty, so no folder may be imported. */
  | "IMPORT_ROOTS_EMPTY"
  /** A configured import root is not an absolute path (a configuration mistake). */
  | "IMPORT_ROOTS_INVALID"
  /** The path, or the target of a symbolic link on it, lies outside every import root. */
  | "IMPORT_PATH_OUTSIDE_ROOTS"
  /** Nothing exists at the path (or a symbolic link on it is broken or loops). */
  | "IMPORT_PATH_NOT_FOUND"
  /** The path exists but the server may not read it. */
  | "IMPORT_PATH_UNREADABLE"
  /** The path names a file where a folder is needed. */
  | "IMPORT_PATH_NOT_A_FOLDER"
  /** The path contains a NUL character, which no file system accepts. */
  | "IMPORT_PATH_INVALID";

/** Thrown by resolveImportPath and walkImportFolder when a requested import path may not or cannot be used. */
export class ImportPathError extends CorpusInputError {
  override readonly name = "ImportPathError";
  readonly code: ImportPathErrorCode;

  constructor(code: ImportPathErrorCode, subject: string, message: string, options?: ErrorOptions) {
    super(subject, message, options);
    this.code = code;
  }
}
