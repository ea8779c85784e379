import { AppError } from "../domain/app-error";

/** Thrown when the PostgreSQL server cannot be reached at all (refused, unknown host, timeout). */
export class DatabaseUnreachableError extends AppError {
  override readonly name = "DatabaseUnreachableError";
  readonly code = "DATABASE_UNREACHABLE";
}

/** Thrown when the PostgreSQL server rejects the user name or password. */
export class DatabaseAuthenticationError extends AppError {
  override readonly name = "DatabaseAuthenticationError";
  readonly code = "DATABASE_AUTHENTICATION_FAILED";
}

/** Thrown when the PostgreSQL server answers but the named database does not exist. */
export class DatabaseMissingError extends AppError {
  override readonly name = "DatabaseMissingError";
  readonly code = "DATABASE_MISSING";
}

/** Thrown when another live process holds the embedded data folder. */
export class DataDirInUseError extends AppError {
  override readonly name = "DataDirInUseError";
  readonly code = "DATA_DIR_IN_USE";
  constructor(
    message: string,
    readonly ownerPid: number,
  ) {
    super(message);
  }
}

/** Thrown when the data folder cannot be created or written. */
export class DataDirUnwritableError extends AppError {
  override readonly name = "DataDirUnwritableError";
  readonly code = "DATA_DIR_UNWRITABLE";
}

/** Thrown when the embedded database files exist but PGlite cannot open them. */
export class DataDirCorruptError extends AppError {
  override readonly name = "DataDirCorruptError";
  readonly code = "DATA_DIR_CORRUPT";
}

/** Thrown when the database holds migrations this version of the app does not know. */
export class DatabaseNewerThanAppError extends AppError {
  override readonly name = "DatabaseNewerThanAppError";
  readonly code = "DATABASE_NEWER_THAN_APP";
  constructor(
    message: string,
    readonly unknownMigrations: readonly string[],
  ) {
    super(message);
  }
}

/** Thrown when applying a migration fails; the database keeps its previous migrations. */
export class MigrationFailedError extends AppError {
  override readonly name = "MigrationFailedError";
  readonly code = "MIGRATION_FAILED";
}

/** Thrown when server code asks for the database in a process that never opened it (a bug in how it was started). */
export class DatabaseNotStartedError extends AppError {
  override readonly name = "DatabaseNotStartedError";
  readonly code = "DATABASE_NOT_STARTED";
}

/**
 * True for a write refused by a unique index (Prisma's P2002, or PostgreSQL's
 * 23505 surfacing through a driver adapter): two writers raced for one key.
 */
export function isUniqueViolation(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = "code" in error ? String(error.code) : "";
  return code === "P2002" || code === "23505" || /Unique constraint failed/i.test(error.message);
}
