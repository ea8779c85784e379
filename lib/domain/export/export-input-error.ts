import { AppError } from "../app-error";

export type ExportInputErrorCode =
  | "EXPORT_INVALID_RATIOS"
  | "EXPORT_INVALID_SEED"
  | "EXPORT_DUPLICATE_ITEM"
  | "EXPORT_INVALID_CONFIDENCE"
  | "EXPORT_INVALID_ID"
  | "EXPORT_NOT_JSON";

/**
 * Thrown by the pure export code when what the caller hands it cannot be
 * exported as asked: split ratios that do not add up, two items with one key,
 * a model confidence outside 0..1, an id that cannot become a file name, a
 * definition holding something JSON cannot carry. Definitions from people are
 * validated by exportDefinitionSchema first, so reaching this usually means a
 * bug in the caller or inconsistent stored data; the message names the value.
 */
export class ExportInputError extends AppError {
  override readonly name = "ExportInputError";
  readonly code: ExportInputErrorCode;

  constructor(code: ExportInputErrorCode, message: string) {
    super(message);
    this.code = code;
  }
}
