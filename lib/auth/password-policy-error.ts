import { AppError } from "../domain/app-error";

/**
 * Thrown when a new password breaks the length rule (setting or changing a
 * password, never when logging in). The message states the rule and never
 * repeats the password.
 */
export class PasswordPolicyError extends AppError {
  override readonly name = "PasswordPolicyError";
  readonly code = "PASSWORD_POLICY";
}
