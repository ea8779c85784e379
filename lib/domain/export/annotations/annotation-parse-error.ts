import { AppError } from "../../app-error";

export type AnnotationParseErrorCode =
  | "TEXT_ENCODING"
  | "TEXTGRID_INVALID"
  | "EAF_INVALID"
  | "LABEL_STUDIO_INVALID"
  | "IMPORT_TIER_NOT_FOUND"
  | "IMPORT_TIER_NOT_INTERVALS";

/**
 * Thrown when an annotation file a researcher imports cannot be read: a
 * TextGrid, EAF or Label Studio export that is malformed, in an encoding the
 * caller did not decode, or without the tier the researcher chose. The
 * message names the file and the line, element or JSON path.
 */
export class AnnotationParseError extends AppError {
  override readonly name = "AnnotationParseError";
  readonly code: AnnotationParseErrorCode;

  constructor(code: AnnotationParseErrorCode, message: string) {
    super(message);
    this.code = code;
  }
}
