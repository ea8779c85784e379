/**
 * The workspaces a notebook query may read. Every notebook view joins to the
 * table "NotebookQueryScope" (migration 20261121202549_notebook_workspace_scope)
 * and shows only rows of corpora in the workspaces listed there. The notebook
 * runner writes the rows at the start of its transaction, which always rolls
 * back: no row is ever committed, so each transaction sees only its own
 * scope, and the views show nothing to anyone reading them outside a runner
 * transaction.
 */

/** "all": every workspace (the local researcher, site administrators); else the workspace ids. */
export type NotebookWorkspaceScope = "all" | readonly string[];

/** The part of a Prisma transaction client the scope insert uses. */
export interface ScopeWriter {
  $executeRawUnsafe(query: string, ...values: unknown[]): Promise<number>;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Throws RangeError for an id that is not a UUID: workspace ids come from the database, so one is a bug, not bad input. */
export function checkWorkspaceScope(scope: NotebookWorkspaceScope): void {
  if (scope === "all") return;
  const wrong = scope.find((id) => typeof id !== "string" || !UUID.test(id));
  if (wrong !== undefined) throw new RangeError(`a notebook query scope holds workspace ids (UUIDs), not ${JSON.stringify(wrong)}`);
}

/**
 * Writes the scope of the running query into the open transaction `tx`. Must
 * run before the transaction turns read only, and only in a transaction that
 * is rolled back. Only workspaces that exist are written; an empty list
 * writes nothing, so the views show nothing.
 */
export async function writeNotebookQueryScope(tx: ScopeWriter, scope: NotebookWorkspaceScope): Promise<void> {
  checkWorkspaceScope(scope);
  if (scope === "all") {
    await tx.$executeRawUnsafe('INSERT INTO "NotebookQueryScope" ("workspaceId") SELECT w."id" FROM "Workspace" w');
    return;
  }
  if (scope.length === 0) return;
  await tx.$executeRawUnsafe(
    'INSERT INTO "NotebookQueryScope" ("workspaceId") SELECT w."id" FROM "Workspace" w WHERE w."id" = ANY($1::uuid[])',
    [...new Set(scope.map((id) => id.toLowerCase()))],
  );
}
