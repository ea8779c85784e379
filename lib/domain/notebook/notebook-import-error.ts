import { AppError } from "../app-error";

/**
 * Thrown by the .ipynb importer when a file cannot be read as a notebook at
 * all: not JSON, not nbformat 4, no cells list, a cell without source. The
 * message names the file and, where it can, the line, column or cell.
 * Problems with single cells that can be worked around are reported in the
 * import's `skipped` list instead.
 */
export class NotebookImportError extends AppError {
  override readonly name = "NotebookImportError";
  readonly code = "NOTEBOOK_IMPORT_INVALID";
}
