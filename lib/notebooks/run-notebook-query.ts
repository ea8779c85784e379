import type { Database } from "../db/database";
import { checkWorkspaceScope, type NotebookWorkspaceScope, writeNotebookQueryScope } from "../db/notebook-query-scope.repository";
import { type NotebookCellValue, toNotebookCellValue } from "./notebook-cell-value";
import { databaseErrorOf, describeDatabaseError, notebookTimeoutError } from "./notebook-database-error";
import { NotebookQueryError } from "./notebook-query-error";
import { NOTEBOOK_READER_ROLE, ensureNotebookReaderRole } from "./notebook-reader-role";
import { NOTEBOOK_SCHEMA } from "./notebook-views";
import { type CheckedSql, checkNotebookSql } from "./sql-guard";

/**
 * Runs a notebook SQL cell on either database. The protection is the
 * database's, not the pre-check's: each query runs in a READ ONLY
 * transaction as the role resonance_notebook_reader (SELECT on the notebook
 * views and nothing else, set up by notebook-reader-role.ts), with a
 * statement timeout and search_path = notebook. The views show only the
 * workspaces of the query's scope, which the transaction writes before it
 * turns read only and never commits (notebook-query-scope.repository.ts).
 * The cell's text only ever reaches the database inside a subquery of a
 * statement that carries a parameter, so it travels in the extended
 * protocol, where PostgreSQL and PGlite accept exactly one statement.
 *
 * This is the one module outside lib/db that sends SQL through the Prisma
 * client: the notebook's SQL is the researcher's own, so there is no
 * repository query to put it in.
 */

export const NOTEBOOK_ROW_LIMIT = 10_000;
export const MAX_NOTEBOOK_ROW_LIMIT = 100_000;
export const NOTEBOOK_TIMEOUT_MS = 10_000;

export interface NotebookColumn {
  name: string;
  /** PostgreSQL's name for the type, e.g. "text", "double precision", "timestamp with time zone". */
  type: string;
}

export interface NotebookQueryResult {
  columns: NotebookColumn[];
  rows: NotebookCellValue[][];
  rowCount: number;
  /** More rows than `limit` matched; `rows` holds the first `limit`. */
  truncated: boolean;
  elapsedMs: number;
}

export interface NotebookQueryOptions {
  /**
   * The workspaces whose data the views show: workspacesWhere(actor, "analyse"),
   * "all" for the local researcher and site administrators. Required, so that
   * no caller reads every workspace by leaving it out.
   */
  workspaces: NotebookWorkspaceScope;
  /** Rows to return at most, 1 to MAX_NOTEBOOK_ROW_LIMIT; NOTEBOOK_ROW_LIMIT by default. */
  limit?: number;
  /** NOTEBOOK_TIMEOUT_MS by default. */
  timeoutMs?: number;
}

/** The part of a Prisma transaction client the runner uses. */
interface RawSqlClient {
  $executeRawUnsafe(query: string, ...values: unknown[]): Promise<number>;
  $queryRawUnsafe<T = unknown>(query: string, ...values: unknown[]): Promise<T>;
}

// PostgreSQL's limit on the columns of a result.
const MAX_COLUMNS = 1664;

/** Checks the cell (sql-guard) and runs it. Throws NotebookQueryError for anything the researcher must change. */
export async function runNotebookQuery(database: Database, sql: string, options: NotebookQueryOptions): Promise<NotebookQueryResult> {
  return runCheckedNotebookQuery(database, checkNotebookSql(sql), options);
}

/**
 * Runs a statement that has passed, or (in tests of the database's own
 * guards) skipped, the pre-check.
 */
export async function runCheckedNotebookQuery(
  database: Database,
  checked: CheckedSql,
  options: NotebookQueryOptions,
): Promise<NotebookQueryResult> {
  const limit = options.limit ?? NOTEBOOK_ROW_LIMIT;
  const timeoutMs = options.timeoutMs ?? NOTEBOOK_TIMEOUT_MS;
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_NOTEBOOK_ROW_LIMIT) {
    throw new RangeError(`limit must be a whole number from 1 to ${MAX_NOTEBOOK_ROW_LIMIT}, not ${limit}`);
  }
  if (!Number.isInteger(timeoutMs) || timeoutMs < 1) throw new RangeError(`timeoutMs must be a positive whole number, not ${timeoutMs}`);
  const { workspaces } = options;
  checkWorkspaceScope(workspaces);

  await ensureNotebookReaderRole(database);
  const started = performance.now();
  const embedded = database.connection.datasource.mode === "embedded";
  try {
    const result = await readThenRollBack(database, (tx) => runAsReader(tx, workspaces, checked, limit, timeoutMs), timeoutMs);
    const elapsedMs = performance.now() - started;
    if (embedded && elapsedMs > timeoutMs) throw notebookTimeoutError(timeoutMs, { elapsedMs });
    return { ...result, elapsedMs: Math.round(elapsedMs) };
  } catch (error) {
    if (error instanceof NotebookQueryError) throw error;
    const report = databaseErrorOf(error);
    if (report) throw describeDatabaseError(report, timeoutMs);
    // An embedded query that outran Prisma's transaction timeout finds the transaction closed when it returns.
    const elapsedMs = performance.now() - started;
    if (embedded && elapsedMs > timeoutMs) throw notebookTimeoutError(timeoutMs, { elapsedMs });
    throw error;
  }
}

/** Carries a finished result out of the transaction callback, so that Prisma rolls back instead of committing. */
class RolledBack<T> extends Error {
  constructor(readonly result: T) {
    super("notebook transaction rolled back");
  }
}

/**
 * Never commits. READ ONLY is not airtight on every server (PostgreSQL 15
 * still lets lo_create write large objects in a read-only transaction), so
 * whatever a query manages to change is discarded with the transaction. The
 * scope rows depend on it too: a committed scope would be every
 * transaction's scope.
 */
async function readThenRollBack<T>(database: Database, read: (tx: RawSqlClient) => Promise<T>, timeoutMs: number): Promise<T> {
  try {
    await database.prisma.$transaction(
      async (tx) => {
        throw new RolledBack(await read(tx));
      },
      // Three statements may each run up to the statement timeout (the scope insert before them is quick).
      { maxWait: 10_000, timeout: 3 * timeoutMs + 5_000 },
    );
  } catch (error) {
    if (error instanceof RolledBack) return error.result as T;
    throw error;
  }
  throw new Error("unreachable: the notebook transaction callback always throws");
}

async function runAsReader(
  tx: RawSqlClient,
  workspaces: NotebookWorkspaceScope,
  checked: CheckedSql,
  limit: number,
  timeoutMs: number,
): Promise<Omit<NotebookQueryResult, "elapsedMs">> {
  // The scope is the one write, so it comes first; SET TRANSACTION READ ONLY
  // would have to precede every query, but switching a transaction to read
  // only after writes is allowed. The switch back to read-write is not (it
  // must come before any query), so the cell cannot undo it and add rows.
  await writeNotebookQueryScope(tx, workspaces);
  await tx.$executeRawUnsafe("SET LOCAL transaction_read_only = on");
  // SET LOCAL statements rather than set_config(), so that an administrator may
  // revoke set_config from PUBLIC (see notebook-reader-role.ts) without
  // breaking this. TimeZone and DateStyle fix the text forms the values are
  // read in, whatever the server's defaults; standard_conforming_strings the
  // lexing sql-guard assumes. All are set before the role changes.
  for (const setting of [
    `statement_timeout = ${Math.trunc(timeoutMs)}`,
    `search_path = ${NOTEBOOK_SCHEMA}`,
    "TimeZone = 'UTC'",
    "DateStyle = 'ISO, YMD'",
    "standard_conforming_strings = on",
  ]) {
    await tx.$executeRawUnsafe(`SET LOCAL ${setting}`);
  }
  await tx.$executeRawUnsafe(`SET LOCAL ROLE ${NOTEBOOK_READER_ROLE}`);

  if (checked.kind === "explain") return explain(tx, checked, limit);
  const names = await columnNames(tx, checked.statement);
  if (names.length === 0) return columnlessRows(tx, checked.statement, limit);
  const types = await columnTypes(tx, checked.statement, names.length);
  const aliases = names.map((_, index) => `c${index + 1}`);
  const rows = await tx.$queryRawUnsafe<Record<string, string | null>[]>(
    `SELECT ${aliases.map((alias) => `q.${alias}::text AS ${alias}`).join(", ")}\n` +
      `FROM (\n${checked.statement}\n) AS q(${aliases.join(", ")})\nLIMIT $1`,
    limit + 1,
  );
  const kept = rows.slice(0, limit);
  return {
    columns: names.map((name, index) => ({ name, type: types[index]! })),
    rows: kept.map((row) => aliases.map((alias, index) => toNotebookCellValue(row[alias] ?? null, types[index]!))),
    rowCount: kept.length,
    truncated: rows.length > limit,
  };
}

/** The statement's row shape, with none of its rows: a left join onto nothing gives one row of NULLs that keeps the names. */
function emptyRow(statement: string): string {
  return `(SELECT 1) AS notebook_one LEFT JOIN (SELECT * FROM (\n${statement}\n) AS notebook_query LIMIT 0)`;
}

/** The column names in order, duplicates included (a json object keeps both keys where a JavaScript object would not). */
async function columnNames(tx: RawSqlClient, statement: string): Promise<string[]> {
  const rows = await tx.$queryRawUnsafe<{ name: string }[]>(
    `SELECT k.name FROM (SELECT q.* FROM ${emptyRow(statement)} AS q ON true) AS notebook_row\n` +
      "CROSS JOIN LATERAL json_object_keys(row_to_json(notebook_row)) WITH ORDINALITY AS k(name, position)\n" +
      "ORDER BY k.position LIMIT $1",
    MAX_COLUMNS,
  );
  return rows.map((row) => row.name);
}

/** pg_typeof of each column of the row of NULLs, by position. */
async function columnTypes(tx: RawSqlClient, statement: string, count: number): Promise<string[]> {
  const aliases = Array.from({ length: count }, (_, index) => `c${index + 1}`);
  const [row] = await tx.$queryRawUnsafe<Record<string, string>[]>(
    `SELECT ${aliases.map((alias) => `pg_typeof(q.${alias})::text AS ${alias}`).join(", ")}\n` +
      `FROM ${emptyRow(statement)} AS q(${aliases.join(", ")}) ON true LIMIT $1`,
    1,
  );
  return aliases.map((alias) => row?.[alias] ?? "unknown");
}

/** SELECT FROM t: rows without columns, which are still rows to count. */
async function columnlessRows(tx: RawSqlClient, statement: string, limit: number): Promise<Omit<NotebookQueryResult, "elapsedMs">> {
  const rows = await tx.$queryRawUnsafe<unknown[]>(`SELECT 1 AS one FROM (\n${statement}\n) AS q LIMIT $1`, limit + 1);
  const count = Math.min(rows.length, limit);
  return { columns: [], rows: Array.from({ length: count }, () => []), rowCount: count, truncated: rows.length > limit };
}

/** EXPLAIN of the statement under the same row limit the query would run with; FORMAT JSON plans come back as JSON text. */
async function explain(
  tx: RawSqlClient,
  checked: Extract<CheckedSql, { kind: "explain" }>,
  limit: number,
): Promise<Omit<NotebookQueryResult, "elapsedMs">> {
  const rows = await tx.$queryRawUnsafe<Record<string, unknown>[]>(
    `EXPLAIN ${checked.options} SELECT * FROM (\n${checked.statement}\n) AS q LIMIT $1`,
    limit + 1,
  );
  const values = rows.map((row) => Object.values(row)[0]);
  const kept = values.slice(0, limit);
  return {
    columns: [{ name: "QUERY PLAN", type: typeof values[0] === "string" || values.length === 0 ? "text" : "json" }],
    rows: kept.map((value) => [typeof value === "string" ? value : JSON.stringify(value, null, 2)]),
    rowCount: kept.length,
    truncated: values.length > limit,
  };
}
