import { AppError } from "../domain/app-error";

export type TokenCliErrorCode = "TOKEN_USAGE" | "TOKEN_SERVER_REFUSED";

/**
 * Thrown by `npm run token` for a command line it cannot read (printed with
 * the usage), or when the running server it went through refused the request
 * (the server's own message is passed on).
 */
export class TokenCliError extends AppError {
  override readonly name = "TokenCliError";
  readonly code: TokenCliErrorCode;

  constructor(code: TokenCliErrorCode, message: string) {
    super(message);
    this.code = code;
  }
}
