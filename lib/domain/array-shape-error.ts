import { AppError } from "./app-error";

/**
 * Thrown by the pure numeric functions (stitching, scores, curves, writers)
 * when arrays do not have the sizes their arguments promise: a window output
 * that is not frameCount × width values, a head whose weights do not match the
 * embedding width. It points at a bug in the caller or at a model whose
 * outputs contradict its manifest, never at the researcher's audio.
 */
export class ArrayShapeError extends AppError {
  override readonly name = "ArrayShapeError";
  readonly code = "ARRAY_SHAPE_MISMATCH";
}
