import type { Database } from "../db/database";
import { type NamedSelection, workspacesOfSelection } from "../db/selection-workspaces.repository";
import { type Actor, actorCan, type Permission, refusalMessage, workspacesWhere } from "../domain/access/workspace-access";
import type { AuditEventInput } from "../domain/audit-event";
import { errorResponse } from "../http/error-response";

/**
 * The checks authorize() leaves to the handler for resources that belong to
 * several workspaces at once (a projection or an export over corpora of two
 * workspaces) or to none (notebooks, tokens, jobs). The local researcher and
 * site administrators pass every one of them without a query, so single-user
 * mode reads nothing more than before.
 */

/** Whether the actor may do anything anywhere: the local researcher and site administrators. */
export function seesEverything(actor: Actor): boolean {
  return actor.kind === "local" || actor.siteAdmin;
}

/** The workspaces a list is narrowed to, or undefined when the actor sees every workspace. */
export function workspaceFilter(actor: Actor, permission: Permission = "read"): string[] | undefined {
  const where = workspacesWhere(actor, permission);
  return where === "all" ? undefined : where;
}

/**
 * Refuses unless the actor may do `permission` in every workspace the resource
 * belongs to. `workspaces` resolves those (empty when the resource does not
 * exist); a workspace the actor cannot read answers `notFound()`, the same
 * answer as a missing resource, so other workspaces' ids reveal nothing.
 * Resolves null when allowed.
 */
export async function refuseOutsideWorkspaces(
  actor: Actor,
  permission: Permission,
  workspaces: () => Promise<readonly string[]>,
  notFound: () => Response,
): Promise<Response | null> {
  if (seesEverything(actor)) return null;
  const ids = await workspaces();
  if (ids.length === 0 || ids.some((id) => !actorCan(actor, "read", id))) return notFound();
  const refused = ids.find((id) => !actorCan(actor, permission, id));
  return refused === undefined ? null : errorResponse(403, refusalMessage(actor, permission, refused), "FORBIDDEN");
}

/**
 * Refuses a selection (of a projection or an export about to be made) that
 * names anything outside the workspaces where the actor may do `permission`:
 * `notFound()` for what they cannot read and for what does not exist (alike,
 * so ids of other workspaces reveal nothing), 403 for the rest.
 */
export async function refuseSelectionOutside(
  database: Database,
  actor: Actor,
  permission: Permission,
  selection: NamedSelection,
  notFound: () => Response,
): Promise<Response | null> {
  const workspaces = async () => {
    const named = await workspacesOfSelection(database.prisma, selection);
    return named.found < named.named ? [] : named.workspaceIds;
  };
  return refuseOutsideWorkspaces(actor, permission, workspaces, notFound);
}

/** For actions that reach no one workspace (writing notebooks, managing tokens): the actor must hold `permission` in at least one. */
export function refuseUnlessAnywhere(actor: Actor, permission: Permission, doing: string): Response | null {
  const where = workspacesWhere(actor, permission);
  if (where === "all" || where.length > 0) return null;
  return errorResponse(403, `None of your workspace roles allows you to ${doing}.`, "FORBIDDEN");
}

/** Who an audit event names: the local researcher of single-user mode has no account, so no actor id. */
export function auditActorOf(actor: Actor): Pick<AuditEventInput, "actorId" | "actorName"> {
  return { actorId: actor.kind === "local" ? null : actor.userId, actorName: actor.username };
}

/** The workspace an audit event files a change under: the one workspace, or none when it spans several. */
export function auditWorkspaceOf(workspaceIds: readonly string[]): string | null {
  return workspaceIds.length === 1 ? workspaceIds[0]! : null;
}
