import { AppError } from "../domain/app-error";

export type ApiTokenErrorCode = "TOKEN_NOT_FOUND" | "TOKEN_OWNER_NOT_FOUND" | "TOKEN_INVALID" | "TOKEN_SCOPE_NOT_ALLOWED";

/**
 * Thrown when managing tokens (workbench, CLI): revoking a token that does
 * not exist (404), naming a user who does not exist or is disabled (404), or
 * an invalid name, scope or lifetime (400), or, with accounts on, a scope the
 * token's user may not use in any workspace (403). Never thrown while authenticating
 * a request: a bad token there is a 401 that says nothing more.
 */
export class ApiTokenError extends AppError {
  override readonly name = "ApiTokenError";
  readonly code: ApiTokenErrorCode;

  constructor(code: ApiTokenErrorCode, message: string) {
    super(message);
    this.code = code;
  }
}

export function apiTokenErrorStatus(code: ApiTokenErrorCode): 400 | 403 | 404 {
  if (code === "TOKEN_SCOPE_NOT_ALLOWED") return 403;
  return code === "TOKEN_INVALID" ? 400 : 404;
}
