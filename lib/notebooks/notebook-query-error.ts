import { AppError } from "../domain/app-error";

export type NotebookQueryErrorCode =
  /** Nothing but whitespace and comments. */
  | "SQL_EMPTY"
  /** Unterminated strings, comments or quoted names, unbalanced parentheses, or a syntax error from the database. */
  | "SQL_SYNTAX"
  /** A statement or function that writes, locks, changes settings or reaches outside the database. */
  | "SQL_NOT_ALLOWED"
  | "SQL_MULTIPLE_STATEMENTS"
  /** A single statement that is not a query (SHOW, a bare keyword, …). */
  | "SQL_NOT_A_QUERY"
  /** A table, schema or function outside the notebook views. */
  | "SQL_OUTSIDE_VIEWS"
  | "SQL_TIMEOUT"
  /** Any other error the database reports about the query (unknown column, division by zero, …). */
  | "SQL_FAILED";

/**
 * Thrown when a notebook SQL cell is refused, by the pre-check before the
 * database sees it or by the database itself (read-only transaction, reader
 * role, statement timeout). Every code is the researcher's to fix, so the
 * route answers 400; the message says what was refused and why.
 */
export class NotebookQueryError extends AppError {
  override readonly name = "NotebookQueryError";
  readonly code: NotebookQueryErrorCode;

  constructor(code: NotebookQueryErrorCode, message: string) {
    super(message);
    this.code = code;
  }
}
