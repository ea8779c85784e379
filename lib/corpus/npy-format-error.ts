import { CorpusInputError } from "./corpus-input-error";

/** Thrown by parseNpy when the bytes are not an NPY array of float32/float64 values it can read. */
export class NpyFormatError extends CorpusInputError {
  override readonly name = "NpyFormatError";
  readonly code = "NPY_FORMAT_INVALID";
}
