import { AppError } from "../app-error";

/**
 * Thrown by the agreement statistics when the ratings cannot be scored as
 * given: a rating outside the category list, a category listed twice, two
 * items with one id, or a rater compared with themself. Ratings come from the
 * database through the caller, so reaching this usually means labels that were
 * not mapped to the canonical set first; the message names the item and rater.
 */
export class AgreementInputError extends AppError {
  override readonly name = "AgreementInputError";
  readonly code = "AGREEMENT_INPUT_INVALID";
}
