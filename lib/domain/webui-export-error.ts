import { AppError } from "./app-error";

/**
 * Thrown by the WebUI export builders when the analysis cannot be written in
 * the WebUI's format: scores that are not probabilities, an embedding whose
 * shape contradicts the granularity, fields that would shadow the WebUI's.
 */
export class WebUiExportError extends AppError {
  override readonly name = "WebUiExportError";
  readonly code = "WEBUI_EXPORT_INVALID";
}
