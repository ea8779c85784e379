import { AppError } from "../app-error";

/**
 * Thrown by the scatter helpers when the arrays describing a plot disagree:
 * an odd-length coordinate array, a non-finite coordinate, a colour code with
 * no category, per-point values whose count differs from the points'. It
 * points at the caller (a projection and its metadata out of step), never at
 * the researcher's data as such.
 */
export class ScatterInputError extends AppError {
  override readonly name = "ScatterInputError";
  readonly code = "SCATTER_INPUT_INVALID";
}
