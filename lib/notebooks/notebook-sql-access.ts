import type { Actor } from "../domain/access/workspace-access";
import { errorResponse } from "../http/error-response";

/**
 * The notebook views span every workspace (they are not yet narrowed to the
 * asker's), so with accounts on only site administrators may run SQL over
 * them: a notebook SQL cell and POST /api/notebooks/query alike. View cells
 * stay open to everyone, each checked against the workspaces of what it shows.
 */

export const NOTEBOOK_SQL_ADMIN_ONLY_MESSAGE =
  "SQL cells are limited to site administrators until the notebook views are scoped per workspace; view cells work as before.";

/** 403 for an account that is not a site administrator; null for the local researcher and administrators. */
export function refuseNotebookSql(actor: Actor): Response | null {
  if (actor.kind === "local" || actor.siteAdmin) return null;
  return errorResponse(403, NOTEBOOK_SQL_ADMIN_ONLY_MESSAGE, "SQL_ADMIN_ONLY");
}
