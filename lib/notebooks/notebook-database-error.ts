import { NotebookQueryError } from "./notebook-query-error";
import { NOTEBOOK_VIEWS, notebookViewNames } from "./notebook-views";

/**
 * Turns what the database says about a refused or failed notebook query into
 * a message for the researcher. The database's own guards (READ ONLY, the
 * reader role, statement_timeout) answer in PostgreSQL's words, which name a
 * table the researcher never meant to reach or a transaction they never
 * opened; these messages say what the notebook allows instead.
 */

export interface DatabaseErrorReport {
  /** SQLSTATE, e.g. 42501. */
  sqlState: string;
  message: string;
}

const VIEW_NAMES = new Set(NOTEBOOK_VIEWS.map((view) => view.name.replace(/^notebook\./, "")));

/** The SQLSTATE and message of a failed Prisma raw query, or null when the error did not come from the database. */
export function databaseErrorOf(error: unknown): DatabaseErrorReport | null {
  if (!(error instanceof Error) || !("meta" in error)) return null;
  const meta = error.meta as { driverAdapterError?: { cause?: { originalCode?: unknown; originalMessage?: unknown } } } | undefined;
  const cause = meta?.driverAdapterError?.cause;
  if (typeof cause?.originalCode !== "string" || typeof cause.originalMessage !== "string") return null;
  return { sqlState: cause.originalCode, message: cause.originalMessage };
}

function outsideViews(name: string): NotebookQueryError {
  return new NotebookQueryError(
    "SQL_OUTSIDE_VIEWS",
    `SQL cells can only read the notebook views (${notebookViewNames()}); "${name}" is not one of them.`,
  );
}

function permissionDenied(message: string): NotebookQueryError {
  const fn = /^permission denied for function (.+)$/.exec(message);
  if (fn) return new NotebookQueryError("SQL_NOT_ALLOWED", `SQL cells are read-only: ${fn[1]}() is not allowed.`);
  const relation = /^permission denied for (?:table|view|materialized view|foreign table|sequence|relation|schema) (.+)$/.exec(message);
  if (relation && VIEW_NAMES.has(relation[1]!)) {
    // Reading a view needs no more than SELECT, so this is a lock (FOR UPDATE / FOR SHARE).
    return new NotebookQueryError(
      "SQL_NOT_ALLOWED",
      `SQL cells are read-only: locking rows of notebook.${relation[1]} (FOR UPDATE, FOR SHARE) is not allowed.`,
    );
  }
  if (relation) return outsideViews(relation[1]!);
  return new NotebookQueryError("SQL_NOT_ALLOWED", `SQL cells can only read the notebook views: ${message}.`);
}

/** The NotebookQueryError for a database error; `timeoutMs` is the limit the query ran under. */
export function describeDatabaseError(report: DatabaseErrorReport, timeoutMs: number): NotebookQueryError {
  const { sqlState, message } = report;
  switch (sqlState) {
    case "57014":
      return notebookTimeoutError(timeoutMs);
    case "25006": {
      const what = /^cannot execute (.+) in a read-only transaction$/.exec(message)?.[1];
      const refused = !what || what === "SELECT" ? "a query that changes data" : what;
      return new NotebookQueryError("SQL_NOT_ALLOWED", `SQL cells are read-only: ${refused} is not allowed.`);
    }
    case "42501":
      return permissionDenied(message);
    case "42P01": {
      const name = /^relation "(.+)" does not exist$/.exec(message)?.[1];
      return name ? outsideViews(name) : new NotebookQueryError("SQL_OUTSIDE_VIEWS", `${message}.`);
    }
    case "3F000": {
      const name = /^schema "(.+)" does not exist$/.exec(message)?.[1];
      return outsideViews(name ?? message);
    }
    case "0A000":
      if (message.includes("data-modifying")) {
        return new NotebookQueryError("SQL_NOT_ALLOWED", "SQL cells are read-only: a WITH clause that changes data is not allowed.");
      }
      break;
    case "42601":
      if (message.includes("multiple commands")) {
        return new NotebookQueryError("SQL_MULTIPLE_STATEMENTS", "A SQL cell runs one statement: put each query in its own cell.");
      }
      return new NotebookQueryError("SQL_SYNTAX", `The SQL has a syntax error: ${message}.`);
  }
  return new NotebookQueryError("SQL_FAILED", `The query failed: ${message}.`);
}

/**
 * The refusal of a query that outran its time. `ranToEnd` is for the embedded
 * database, which cannot interrupt a running statement (PGlite has no timer
 * signals, so statement_timeout never fires): the query finished, late, and
 * its result is refused so both databases answer alike.
 */
export function notebookTimeoutError(timeoutMs: number, ranToEnd?: { elapsedMs: number }): NotebookQueryError {
  const limit = formatSeconds(timeoutMs);
  const how = ranToEnd
    ? ` (it took ${formatSeconds(ranToEnd.elapsedMs)} s: the embedded database cannot stop a running query, so it ran to its end and its result was dropped)`
    : " and was stopped";
  return new NotebookQueryError(
    "SQL_TIMEOUT",
    `The query ran longer than ${limit} s${how}. Narrow it down (WHERE, LIMIT) or aggregate in SQL.`,
  );
}

function formatSeconds(ms: number): string {
  const seconds = ms / 1000;
  return seconds >= 10 ? seconds.toFixed(0) : String(Number(seconds.toFixed(2)));
}
