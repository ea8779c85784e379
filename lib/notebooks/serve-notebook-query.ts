import { z } from "zod";
import { authorize } from "../auth/authorize";
import type { Database } from "../db/database";
import { errorResponse } from "../http/error-response";
import { NotebookQueryError } from "./notebook-query-error";
import { notebookSqlAccess } from "./notebook-sql-access";
import { NotebookReaderRoleError } from "./notebook-reader-role";
import { MAX_NOTEBOOK_ROW_LIMIT, type NotebookQueryResult, runNotebookQuery } from "./run-notebook-query";

/**
 * POST /api/notebooks/query: runs one notebook SQL cell over the read-only
 * notebook views. 200 with the result table; 400 { error, code } when the
 * body is malformed (NOTEBOOK_QUERY_INVALID) or the query is refused or fails
 * (a NotebookQueryError code such as SQL_NOT_ALLOWED or SQL_TIMEOUT); 503
 * NOTEBOOK_SQL_UNAVAILABLE when the server's reader role is missing; with
 * accounts on, the views show only the workspaces where the asker may
 * "analyse", and 403 FORBIDDEN answers an account that may do so nowhere.
 */

/** Far beyond any hand-written cell; keeps a runaway paste from reaching the database. */
export const MAX_NOTEBOOK_SQL_LENGTH = 100_000;

const bodySchema = z.object(
  {
    sql: z
      .string({ error: "must be the SQL text of the cell" })
      .max(MAX_NOTEBOOK_SQL_LENGTH, { error: `must be at most ${MAX_NOTEBOOK_SQL_LENGTH.toLocaleString("en-US")} characters` }),
    limit: z
      .number({ error: "must be a number" })
      .int({ error: "must be a whole number" })
      .min(1, { error: "must be at least 1" })
      .max(MAX_NOTEBOOK_ROW_LIMIT, { error: `must be at most ${MAX_NOTEBOOK_ROW_LIMIT.toLocaleString("en-US")}` })
      .optional(),
  },
  { error: "must be an object { sql, limit? }" },
);

export type NotebookQueryJson = NotebookQueryResult;

export async function serveNotebookQuery(database: Database, request: Pick<Request, "headers">, body: unknown): Promise<Response> {
  const auth = await authorize(database, request, "analyse");
  if (!auth.ok) return auth.response;
  const access = notebookSqlAccess(auth.actor);
  if (!access.ok) return access.response;
  const parsed = bodySchema.safeParse(body);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => {
      const name = issue.path.map(String).join(".");
      return name ? `${name}: ${issue.message}` : issue.message;
    });
    return errorResponse(400, `Invalid notebook query. ${problems.join("; ")}`, "NOTEBOOK_QUERY_INVALID");
  }
  try {
    const { limit } = parsed.data;
    const result = await runNotebookQuery(database, parsed.data.sql, { workspaces: access.workspaces, ...(limit === undefined ? {} : { limit }) });
    return Response.json(result satisfies NotebookQueryJson, { headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    if (error instanceof NotebookQueryError) return errorResponse(400, error.message, error.code);
    if (error instanceof NotebookReaderRoleError) return errorResponse(503, error.message, error.code);
    throw error;
  }
}
