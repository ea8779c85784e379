import type { NotebookWorkspaceScope } from "../db/notebook-query-scope.repository";
import { type Actor, roleAllows, WORKSPACE_ROLES, workspacesWhere } from "../domain/access/workspace-access";
import { errorResponse } from "../http/error-response";

/**
 * Who may run notebook SQL, and over which workspaces: a notebook SQL cell and
 * POST /api/notebooks/query read the notebook views as they stand in the
 * workspaces where the asker may "analyse" (all of them for the local
 * researcher and site administrators), so anyone with that permission
 * somewhere may run SQL; only an account without it anywhere is refused.
 */

const ANALYSING_ROLES = WORKSPACE_ROLES.filter((role) => roleAllows(role, "analyse"));

export const NOTEBOOK_SQL_REFUSED_MESSAGE =
  `Notebook SQL reads the workspaces where you may run analyses, and none of your workspace roles allows that (it takes ${ANALYSING_ROLES.join(" or ")}). ` +
  "View cells work as before.";

export type NotebookSqlAccess = { ok: true; workspaces: NotebookWorkspaceScope } | { ok: false; response: Response };

/** The workspaces the actor's notebook SQL reads, or 403 FORBIDDEN when there are none. */
export function notebookSqlAccess(actor: Actor): NotebookSqlAccess {
  const workspaces = workspacesWhere(actor, "analyse");
  if (workspaces === "all" || workspaces.length > 0) return { ok: true, workspaces };
  return { ok: false, response: errorResponse(403, NOTEBOOK_SQL_REFUSED_MESSAGE, "FORBIDDEN") };
}
