import { CorpusInputError } from "./corpus-input-error";

/**
 * Thrown by parseManifest when the file cannot be read as a manifest at all
 * (empty, binary or not UTF-8, no header, no path column, broken quoting).
 * Problems confined to single rows are returned as values instead.
 */
export class ManifestError extends CorpusInputError {
  override readonly name = "ManifestError";
  readonly code = "MANIFEST_INVALID";
}
