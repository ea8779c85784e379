/**
 * Base of the project's typed errors. `code` is stable and machine-readable;
 * `message` is written for the researcher and says what to do. Subclasses set a
 * literal `name` so logs and tests can tell them apart after serialisation.
 */
export abstract class AppError extends Error {
  abstract override readonly name: string;
  abstract readonly code: string;
}
