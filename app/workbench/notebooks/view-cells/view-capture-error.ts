import { AppError } from "@/lib/domain/app-error";

/**
 * Thrown by captureViewPng and svgToPngBase64 when the browser cannot draw
 * or encode the picture: an SVG it will not load, a canvas tainted by
 * another origin, no 2D context. The message names which.
 */
export class ViewCaptureError extends AppError {
  override readonly name = "ViewCaptureError";
  readonly code = "VIEW_CAPTURE_FAILED";
}
