import { CorpusInputError } from "./corpus-input-error";

/** Thrown by parseWebUiResult when result.json is not JSON or lacks or mistypes a field. */
export class WebUiResultError extends CorpusInputError {
  override readonly name = "WebUiResultError";
  readonly code = "WEBUI_RESULT_INVALID";
}
