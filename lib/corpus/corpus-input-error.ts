import { AppError } from "../domain/app-error";

/**
 * Base of the errors caused by what a researcher brought to an import (a
 * manifest, an NPY file, a WebUI folder, a requested path), as opposed to bugs
 * or cancellation. The import pipeline catches this class to record a per-input
 * failure the researcher can fix, instead of failing the whole job.
 * `subject` names the file or path at fault, as the researcher would know it.
 */
export abstract class CorpusInputError extends AppError {
  readonly subject: string;

  constructor(subject: string, message: string, options?: ErrorOptions) {
    super(message, options);
    this.subject = subject;
  }
}
