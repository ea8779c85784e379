import { AppError } from "../../app-error";

/**
 * Thrown by the annotation-file writers when the labels cannot be written as
 * given: a recording without a positive duration, an interval that ends before
 * it starts, an empty label, or a label outside the controlled vocabulary the
 * caller declared. These are bugs in what the export job passed, not in the
 * researcher's data, so the message names the recording and the interval.
 */
export class AnnotationExportError extends AppError {
  override readonly name = "AnnotationExportError";
  readonly code = "ANNOTATION_EXPORT_INVALID";
}
