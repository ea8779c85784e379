import { csvCell } from "../../csv-table";
import { ExportFormatError } from "./export-format-error";

/**
 * csvCell for a value a program joins on or trains with (file name, id,
 * label). csvCell guards a text that starts like a spreadsheet formula with an
 * apostrophe; in these columns that apostrophe would silently turn label "-1"
 * into "'-1" for the training script, so such a value is refused instead and
 * the researcher renames it.
 */
export function exactCsvCell(value: string | null, where: string): string {
  if (value !== null && /^[=+\-@\t\r]/.test(value)) {
    throw new ExportFormatError(
      `cannot write ${where} '${value}' to CSV unchanged: a value starting with = + - @ or a tab would be opened as a formula by spreadsheets; rename it (e.g. in the label mapping)`,
    );
  }
  return csvCell(value);
}
