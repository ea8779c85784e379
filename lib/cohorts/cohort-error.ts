import { AppError } from "../domain/app-error";

export type CohortErrorCode =
  | "CORPUS_NOT_FOUND"
  | "COHORT_NOT_FOUND"
  | "COHORT_NAME_TAKEN"
  | "COHORT_EMPTY"
  | "PATIENT_NOT_IN_CORPUS"
  | "RECORDING_NOT_IN_CORPUS"
  | "PATIENT_NOT_FOUND"
  | "MODEL_NOT_FOUND";

/**
 * Thrown by the cohort repository and services when a request names
 * something that is not there (a corpus, cohort, patient or model: 404),
 * reuses a cohort name (409), or would make a cohort without patients or with
 * patients of another corpus (400). The message names the corpus, cohort or
 * ids at fault; the route turns the code into the status.
 */
export class CohortError extends AppError {
  override readonly name = "CohortError";
  readonly code: CohortErrorCode;

  constructor(code: CohortErrorCode, message: string) {
    super(message);
    this.code = code;
  }
}

/** The HTTP status each code answers with. */
export function cohortErrorStatus(code: CohortErrorCode): 400 | 404 | 409 {
  switch (code) {
    case "COHORT_NAME_TAKEN":
      return 409;
    case "COHORT_EMPTY":
    case "PATIENT_NOT_IN_CORPUS":
    case "RECORDING_NOT_IN_CORPUS":
      return 400;
    default:
      return 404;
  }
}
