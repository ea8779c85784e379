import { AppError } from "../app-error";

export type StatisticsInputErrorCode =
  | "STATISTICS_EMPTY_SAMPLE"
  | "STATISTICS_NOT_FINITE"
  | "STATISTICS_INVALID_COUNT"
  | "STATISTICS_INVALID_PROBABILITY"
  | "STATISTICS_INVALID_ARGUMENT"
  | "STATISTICS_UNSUPPORTED";

/**
 * Thrown by the pure statistics when the data cannot carry the test asked for:
 * an empty group, a NaN proportion, a negative count, an exact test on tied
 * data. The message names the argument (and, where there is one, the cohort,
 * patient or session) so the researcher or the caller can see which input is
 * at fault. Shape mismatches between arrays are ArrayShapeError instead.
 */
export class StatisticsInputError extends AppError {
  override readonly name = "StatisticsInputError";
  readonly code: StatisticsInputErrorCode;

  constructor(code: StatisticsInputErrorCode, message: string) {
    super(message);
    this.code = code;
  }
}
