import { AppError } from "../../app-error";

/**
 * Thrown by a format writer when an item holds a value its file format cannot
 * carry: a label with a space in a fairseq .emo file (its reader splits on
 * whitespace), a tab in a manifest path, a duration that is not a number in a
 * JSON manifest, a label the chat instruction does not offer. The message names
 * the item and the field, so the export definition can be fixed before the
 * export is run again.
 */
export class ExportFormatError extends AppError {
  override readonly name = "ExportFormatError";
  readonly code = "EXPORT_FORMAT_UNREPRESENTABLE";
}
