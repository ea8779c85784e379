import { describe, expect, it } from "vitest";
import { NotebookQueryError, type NotebookQueryErrorCode } from "./notebook-query-error";
import { checkNotebookSql } from "./sql-guard";

function refusal(sql: string): { code: NotebookQueryErrorCode; message: string } {
  try {
    checkNotebookSql(sql);
  } catch (error) {
    if (error instanceof NotebookQueryError) return { code: error.code, message: error.message };
    throw error;
  }
  throw new Error(`accepted: ${sql}`);
}

const statementOf = (sql: string) => checkNotebookSql(sql).statement;

describe("checkNotebookSql accepts read-only queries", () => {
  it.each([
    "SELECT * FROM notebook.recordings",
    "select count(*) from recordings where label_status = 'reviewed'",
    "WITH sad AS (SELECT * FROM analyses WHERE sad > 0.5) SELECT count(*) FROM sad",
    "VALUES (1, 'a'), (2, 'b')",
    "TABLE notebook.cohorts",
    "(SELECT 1) UNION ALL (SELECT 2)",
    "SELECT * FROM recordings ORDER BY created_at FETCH FIRST 5 ROWS ONLY",
    "SELECT pg_sleep(0.1)",
  ])("%s", (sql) => {
    expect(checkNotebookSql(sql)).toEqual({ kind: "query", statement: sql });
  });

  it("drops trailing semicolons and comments, keeping comments inside the statement", () => {
    expect(statementOf("  SELECT 1 ;  -- the end")).toBe("SELECT 1");
    expect(statementOf("-- count them\nSELECT /* all */ count(*) FROM labels -- no newline after this")).toBe(
      "SELECT /* all */ count(*) FROM labels",
    );
    expect(statementOf("SELECT 1;;\n;")).toBe("SELECT 1");
  });

  it("is not fooled by keywords, semicolons or parentheses inside strings", () => {
    for (const sql of [
      "SELECT 'DELETE FROM x; DROP TABLE y' AS s",
      "SELECT 'it''s; DELETE' AS s",
      "SELECT E'\\'; DELETE FROM x; ' AS s",
      "SELECT '\\' AS backslash, 1",
      "SELECT U&'d\\0061ta; DROP' AS s",
      "SELECT n'); DELETE' AS s, x'0f', b'01'",
    ]) {
      expect(statementOf(sql)).toBe(sql);
    }
  });

  it("is not fooled by dollar quotes, with or without a tag", () => {
    expect(statementOf("SELECT $$; DROP TABLE x$$ AS s")).toBe("SELECT $$; DROP TABLE x$$ AS s");
    expect(statementOf("SELECT $body$ $$ ; DELETE ) $body$ AS s")).toBe("SELECT $body$ $$ ; DELETE ) $body$ AS s");
  });

  it("is not fooled by comments, nested ones included", () => {
    expect(statementOf("SELECT 1 /* ; DELETE FROM x */ AS one")).toBe("SELECT 1 /* ; DELETE FROM x */ AS one");
    expect(statementOf("SELECT 1 /* outer /* inner */ still a comment: DROP TABLE x; */ AS one")).toContain("AS one");
    expect(statementOf("-- DROP TABLE x;\nSELECT 1")).toBe("SELECT 1");
  });

  it("lets keywords be names when quoted, qualified or given as an alias", () => {
    expect(statementOf('SELECT "delete", "set" FROM t')).toBe('SELECT "delete", "set" FROM t');
    expect(statementOf("SELECT t.update FROM t")).toBe("SELECT t.update FROM t");
    expect(statementOf("SELECT note AS comment, 1 AS set FROM recordings")).toContain("AS set");
    expect(statementOf('SELECT 1 AS "a;b" , 2 AS "DROP"')).toContain('"a;b"');
  });

  it("splits EXPLAIN into its options and the statement", () => {
    expect(checkNotebookSql("EXPLAIN SELECT 1")).toEqual({ kind: "explain", options: "", statement: "SELECT 1" });
    expect(checkNotebookSql("explain (format json, costs off) select * from labels;")).toEqual({
      kind: "explain",
      options: "(format json, costs off)",
      statement: "select * from labels",
    });
    expect(checkNotebookSql("EXPLAIN VERBOSE TABLE labels")).toEqual({ kind: "explain", options: "VERBOSE", statement: "TABLE labels" });
    expect(checkNotebookSql("EXPLAIN (SELECT 1)")).toEqual({ kind: "explain", options: "", statement: "(SELECT 1)" });
  });
});

describe("checkNotebookSql refuses what is not a single read-only query", () => {
  it.each([
    ["INSERT INTO recordings (note) VALUES ('x')", "INSERT"],
    ["UPDATE recordings SET note = ''", "UPDATE"],
    ["DELETE FROM recordings", "DELETE"],
    ["MERGE INTO t USING s ON true WHEN MATCHED THEN DELETE", "MERGE"],
    ["CREATE TABLE t (id int)", "CREATE"],
    ["ALTER TABLE t ADD COLUMN x int", "ALTER"],
    ["DROP TABLE recordings", "DROP"],
    ["TRUNCATE recordings", "TRUNCATE"],
    ["GRANT SELECT ON recordings TO public", "GRANT"],
    ["REVOKE SELECT ON recordings FROM public", "REVOKE"],
    ["COPY (SELECT 1) TO STDOUT", "COPY"],
    ["CALL do_something()", "CALL"],
    ["DO $$ BEGIN END $$", "DO"],
    ["SET ROLE postgres", "SET"],
    ["RESET ROLE", "RESET"],
    ["LOCK TABLE recordings", "LOCK"],
    ["VACUUM recordings", "VACUUM"],
    ["LISTEN jobs", "LISTEN"],
    ["NOTIFY jobs, 'x'", "NOTIFY"],
    ["SELECT * INTO copy_of_labels FROM labels", "SELECT … INTO"],
    ["SELECT * FROM recordings FOR UPDATE", "UPDATE"],
    ["WITH gone AS (DELETE FROM labels RETURNING *) SELECT count(*) FROM gone", "DELETE"],
    ["SELECT 1; DELETE FROM labels", "DELETE"],
    ["EXPLAIN ANALYZE SELECT 1", "EXPLAIN ANALYZE"],
    ["EXPLAIN (ANALYZE, BUFFERS) SELECT 1", "EXPLAIN ANALYZE"],
    ["EXPLAIN DELETE FROM labels", "DELETE"],
    ["select 1; begin; commit", "BEGIN"],
  ])("%s names %s", (sql, word) => {
    expect(refusal(sql)).toEqual({ code: "SQL_NOT_ALLOWED", message: `SQL cells are read-only: ${word} is not allowed.` });
  });

  it.each([
    ["SELECT set_config('role', 'postgres', true)", "set_config"],
    ["SELECT pg_catalog.set_config('role', 'postgres', true)", "set_config"],
    ['SELECT "set_config"(\'role\', \'postgres\', true)', "set_config"],
    ["SELECT SET_CONFIG /* spaced */ ('role', 'postgres', true)", "set_config"],
    ["SELECT pg_read_file('/etc/passwd')", "pg_read_file"],
    ["SELECT * FROM pg_ls_dir('.')", "pg_ls_dir"],
    ["SELECT lo_import('/etc/passwd')", "lo_import"],
    ["SELECT query_to_xml('select * from \"User\"', true, true, '')", "query_to_xml"],
    ["SELECT table_to_xml('\"User\"', true, true, '')", "table_to_xml"],
    ["SELECT pg_terminate_backend(1)", "pg_terminate_backend"],
    ["SELECT pg_advisory_lock(1)", "pg_advisory_lock"],
  ])("%s names %s()", (sql, fn) => {
    expect(refusal(sql)).toEqual({ code: "SQL_NOT_ALLOWED", message: `SQL cells are read-only: ${fn}() is not allowed.` });
  });

  it("leaves names of refused functions alone when nothing calls them", () => {
    expect(statementOf("SELECT set_config FROM t")).toBe("SELECT set_config FROM t");
  });

  it("says where the refused keyword is in a cell of several lines", () => {
    expect(refusal("SELECT *\nFROM labels\n;\nDROP TABLE labels").message).toBe("SQL cells are read-only: DROP is not allowed (line 4).");
  });

  it("refuses two statements even when both only read", () => {
    expect(refusal("SELECT 1;\nSELECT 2")).toEqual({
      code: "SQL_MULTIPLE_STATEMENTS",
      message: "A SQL cell runs one statement, and this one has 2 (the second starts on line 2). Put each query in its own cell.",
    });
  });

  it("refuses statements that are not queries, naming what it found", () => {
    expect(refusal("SHOW search_path")).toEqual({
      code: "SQL_NOT_A_QUERY",
      message: "SQL cells run queries: start with SELECT, WITH, VALUES, TABLE or EXPLAIN (found SHOW).",
    });
    expect(refusal("EXPLAIN (FORMAT JSON)").code).toBe("SQL_NOT_A_QUERY");
  });

  it.each(["", "   \n\t", "-- just a note", "/* nothing */ ;"])("calls %j empty", (sql) => {
    expect(refusal(sql).code).toBe("SQL_EMPTY");
  });

  it("reports unterminated strings, names, comments and dollar quotes with their line", () => {
    expect(refusal("SELECT 1,\n'open")).toEqual({ code: "SQL_SYNTAX", message: "The SQL has a string that starts on line 2 and is never closed." });
    expect(refusal('SELECT "open')).toEqual({ code: "SQL_SYNTAX", message: "The SQL has a quoted name that starts on line 1 and is never closed." });
    expect(refusal("SELECT 1 /* /* */")).toEqual({ code: "SQL_SYNTAX", message: "The SQL has a /* comment that starts on line 1 and is never closed." });
    expect(refusal("SELECT $x$ open")).toEqual({ code: "SQL_SYNTAX", message: "The SQL has a $x$-quoted string that starts on line 1 and is never closed." });
  });

  it("refuses parentheses that would close the runner's subquery", () => {
    expect(refusal('SELECT 1) AS q, "User" AS u --')).toEqual({ code: "SQL_SYNTAX", message: 'The SQL has a ")" on line 1 that closes nothing.' });
    expect(refusal("SELECT (1")).toEqual({ code: "SQL_SYNTAX", message: 'The SQL has a "(" on line 1 that is never closed.' });
  });

  it("refuses Unicode-escaped names, which could spell a refused function", () => {
    expect(refusal('SELECT U&"set\\005fconfig"(\'role\', \'postgres\', true)').code).toBe("SQL_SYNTAX");
  });
});
