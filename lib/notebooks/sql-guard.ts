import { NotebookQueryError } from "./notebook-query-error";
import { lineAt, type SqlToken, tokenizeSql } from "./sql-tokens";

/**
 * The pre-check of a notebook SQL cell. It exists for the message: the
 * database enforces the same rules on its own (a READ ONLY transaction, the
 * reader role that may read only the notebook views, a statement timeout,
 * and one statement per protocol message), so a gap here cannot write
 * anything. Refusing early lets the message name what was refused.
 */

/** The one statement of a checked cell, without trailing semicolons and comments; EXPLAIN's options apart. */
export type CheckedSql = { kind: "query"; statement: string } | { kind: "explain"; options: string; statement: string };

// Words that write, lock, change settings or run other statements. Only ever
// checked outside strings, quoted names and comments, and not after "." (a
// column) or AS (an alias).
const REFUSED_WORDS = new Map<string, string>([
  ["insert", "INSERT"],
  ["update", "UPDATE"],
  ["delete", "DELETE"],
  ["merge", "MERGE"],
  ["create", "CREATE"],
  ["alter", "ALTER"],
  ["drop", "DROP"],
  ["truncate", "TRUNCATE"],
  ["grant", "GRANT"],
  ["revoke", "REVOKE"],
  ["copy", "COPY"],
  ["call", "CALL"],
  ["do", "DO"],
  ["set", "SET"],
  ["reset", "RESET"],
  ["lock", "LOCK"],
  ["vacuum", "VACUUM"],
  ["analyze", "ANALYZE"],
  ["analyse", "ANALYZE"],
  ["listen", "LISTEN"],
  ["unlisten", "UNLISTEN"],
  ["notify", "NOTIFY"],
  ["into", "SELECT … INTO"],
  ["prepare", "PREPARE"],
  ["execute", "EXECUTE"],
  ["deallocate", "DEALLOCATE"],
  ["declare", "DECLARE"],
  ["refresh", "REFRESH"],
  ["reindex", "REINDEX"],
  ["begin", "BEGIN"],
  ["commit", "COMMIT"],
  ["rollback", "ROLLBACK"],
  ["savepoint", "SAVEPOINT"],
]);

// Functions that change settings (set_config can switch the role back),
// run SQL given as text, touch server files, large objects or other
// sessions, or take locks.
const REFUSED_FUNCTIONS = new Set([
  "set_config",
  "query_to_xml",
  "query_to_xmlschema",
  "query_to_xml_and_xmlschema",
  "cursor_to_xml",
  "cursor_to_xmlschema",
  "ts_stat",
  "ts_rewrite",
  "pg_read_file",
  "pg_read_binary_file",
  "pg_stat_file",
  "pg_terminate_backend",
  "pg_cancel_backend",
  "pg_reload_conf",
  "pg_rotate_logfile",
  "pg_switch_wal",
  "pg_create_restore_point",
  "pg_promote",
  "pg_log_backend_memory_contexts",
  "pg_import_system_collations",
  "pg_notify",
  "nextval",
  "setval",
]);
const REFUSED_FUNCTION_PREFIXES = [
  "table_to_xml",
  "schema_to_xml",
  "database_to_xml",
  "pg_ls_",
  "pg_file_",
  "lo_",
  "dblink",
  "pg_advisory_",
  "pg_try_advisory_",
  "pg_stat_reset",
  "pg_logical_",
  "pg_replication_",
  "pg_create_logical_",
  "pg_create_physical_",
  "pg_drop_replication_",
];

const QUERY_STARTS = new Set(["select", "with", "values", "table"]);

const isPunct = (token: SqlToken | undefined, text: string) => token?.kind === "punct" && token.value === text;
const isWord = (token: SqlToken | undefined, word: string) => token?.kind === "word" && token.value === word;

function where(source: string, token: SqlToken): string {
  return source.includes("\n") ? ` (line ${lineAt(source, token.start)})` : "";
}

function refusedFunction(name: string): boolean {
  return REFUSED_FUNCTIONS.has(name) || REFUSED_FUNCTION_PREFIXES.some((prefix) => name.startsWith(prefix));
}

function checkWordsAndFunctions(source: string, tokens: SqlToken[]): void {
  tokens.forEach((token, index) => {
    const before = tokens[index - 1];
    const after = tokens[index + 1];
    if (token.kind === "word" && REFUSED_WORDS.has(token.value) && !isPunct(before, ".") && !isWord(before, "as")) {
      const word = token.value.startsWith("analy") && tokens[0]?.value === "explain" ? "EXPLAIN ANALYZE" : REFUSED_WORDS.get(token.value)!;
      throw new NotebookQueryError("SQL_NOT_ALLOWED", `SQL cells are read-only: ${word} is not allowed${where(source, token)}.`);
    }
    if ((token.kind === "word" || token.kind === "quoted") && isPunct(after, "(") && refusedFunction(token.value)) {
      throw new NotebookQueryError("SQL_NOT_ALLOWED", `SQL cells are read-only: ${token.value}() is not allowed${where(source, token)}.`);
    }
  });
}

function splitStatements(tokens: SqlToken[]): SqlToken[][] {
  const statements: SqlToken[][] = [[]];
  for (const token of tokens) {
    if (isPunct(token, ";")) statements.push([]);
    else statements[statements.length - 1]!.push(token);
  }
  return statements.filter((statement) => statement.length > 0);
}

function checkParentheses(source: string, tokens: SqlToken[]): void {
  const open: SqlToken[] = [];
  for (const token of tokens) {
    if (isPunct(token, "(")) open.push(token);
    else if (isPunct(token, ")") && open.pop() === undefined) {
      throw new NotebookQueryError("SQL_SYNTAX", `The SQL has a ")" on line ${lineAt(source, token.start)} that closes nothing.`);
    }
  }
  if (open.length > 0) {
    throw new NotebookQueryError("SQL_SYNTAX", `The SQL has a "(" on line ${lineAt(source, open[open.length - 1]!.start)} that is never closed.`);
  }
}

/** Throws unless the statement at `from` starts, after any opening parentheses, with a query keyword. */
function assertQueryStart(source: string, tokens: SqlToken[], from: number): void {
  let index = from;
  while (isPunct(tokens[index], "(")) index++;
  const first = tokens[index];
  if (first?.kind !== "word" || !QUERY_STARTS.has(first.value)) {
    const found = first ? ` (found ${source.slice(first.start, first.end)})` : "";
    throw new NotebookQueryError("SQL_NOT_A_QUERY", `SQL cells run queries: start with SELECT, WITH, VALUES, TABLE or EXPLAIN${found}.`);
  }
}

/** After EXPLAIN: a parenthesised option list, or the old-style VERBOSE. Returns the index where the statement starts. */
function explainStatementStart(tokens: SqlToken[]): number {
  let index = 1;
  if (isPunct(tokens[index], "(") && tokens[index + 1]?.kind === "word" && !QUERY_STARTS.has(tokens[index + 1]!.value)) {
    let depth = 0;
    do {
      if (isPunct(tokens[index], "(")) depth++;
      else if (isPunct(tokens[index], ")")) depth--;
      index++;
    } while (depth > 0 && index < tokens.length);
    return index;
  }
  while (isWord(tokens[index], "verbose")) index++;
  return index;
}

/**
 * Checks one notebook SQL cell. Throws NotebookQueryError (SQL_EMPTY,
 * SQL_SYNTAX, SQL_NOT_ALLOWED, SQL_MULTIPLE_STATEMENTS, SQL_NOT_A_QUERY)
 * with a message that names the refused keyword or function.
 */
export function checkNotebookSql(source: string): CheckedSql {
  const tokens = tokenizeSql(source);
  const statements = splitStatements(tokens);
  if (statements.length === 0) {
    throw new NotebookQueryError(
      "SQL_EMPTY",
      "The SQL cell is empty: write a query over the notebook views, e.g. SELECT * FROM notebook.recordings LIMIT 10.",
    );
  }
  for (const statement of statements) checkWordsAndFunctions(source, statement);
  if (statements.length > 1) {
    const second = statements[1]![0]!;
    throw new NotebookQueryError(
      "SQL_MULTIPLE_STATEMENTS",
      `A SQL cell runs one statement, and this one has ${statements.length} (the second starts on line ${lineAt(source, second.start)}). Put each query in its own cell.`,
    );
  }
  const statement = statements[0]!;
  checkParentheses(source, statement);
  const last = statement[statement.length - 1]!;
  if (statement[0]!.value !== "explain") {
    assertQueryStart(source, statement, 0);
    return { kind: "query", statement: source.slice(statement[0]!.start, last.end) };
  }
  const start = explainStatementStart(statement);
  assertQueryStart(source, statement, start);
  const first = statement[start]!;
  return {
    kind: "explain",
    options: source.slice(statement[0]!.end, first.start).trim(),
    statement: source.slice(first.start, last.end),
  };
}
