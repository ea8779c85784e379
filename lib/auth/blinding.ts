import { blindedAmong, isWorkspaceBlinded } from "../db/annotation.repository";
import type { Database } from "../db/database";
import { type Actor, actorCan } from "../domain/access/workspace-access";
import { errorResponse } from "../http/error-response";

/**
 * Blinding: in a workspace with blindAnnotators set, whoever may not review
 * there (annotators and viewers) sees neither other annotators' labels nor
 * the model's outputs (curves, predictions, analyses), so that their own
 * labels stay independent. Reviewers, admins, site administrators and the
 * local researcher are never blinded, and need no query to say so.
 */
export async function isBlinded(database: Database, actor: Actor, workspaceId: string | null): Promise<boolean> {
  if (workspaceId === null || actorCan(actor, "review", workspaceId)) return false;
  return isWorkspaceBlinded(database.prisma, workspaceId);
}

export const BLINDED_MESSAGE = "This workspace is blinded: annotators and viewers do not see the model's outputs or other annotators' labels.";

/** The workspaces, of those the actor is a member of, where they may not review: where blinding could apply. */
function unreviewedWorkspaces(actor: Actor, workspaceIds?: readonly string[]): string[] {
  if (actor.kind === "local" || actor.siteAdmin) return [];
  const ids = workspaceIds ?? [...actor.roles.keys()];
  return ids.filter((id) => !actorCan(actor, "review", id));
}

/** 403 BLINDED when the actor is blinded in any of the workspaces (of a projection, a comparison, a recording); null otherwise. */
export async function refuseIfBlinded(database: Database, actor: Actor, workspaceIds: readonly string[]): Promise<Response | null> {
  const candidates = unreviewedWorkspaces(actor, workspaceIds);
  if (candidates.length === 0 || (await blindedAmong(database.prisma, candidates)).length === 0) return null;
  return errorResponse(403, BLINDED_MESSAGE, "BLINDED");
}

/** The workspaces where the actor is blinded, for lists that span workspaces (search). */
export async function blindedWorkspacesOf(database: Database, actor: Actor): Promise<ReadonlySet<string>> {
  const candidates = unreviewedWorkspaces(actor);
  return new Set(candidates.length === 0 ? [] : await blindedAmong(database.prisma, candidates));
}

/** What the actor may do with one recording, for the editor to offer only that: labelling keys set final labels, annotations, or nothing. */
export interface RecordingPermissions {
  /** Set final labels and edit regions. */
  label: boolean;
  /** Record one's own annotations. */
  annotate: boolean;
  review: boolean;
  analyse: boolean;
  /** The model's outputs and others' annotations are withheld. */
  blinded: boolean;
}

export async function recordingPermissionsOf(database: Database, actor: Actor, workspaceId: string | null): Promise<RecordingPermissions> {
  // Null: the actor sees every workspace (checkRecordingAccess did not look it up), so may do everything.
  const can = (permission: Parameters<typeof actorCan>[1]) => workspaceId === null || actorCan(actor, permission, workspaceId);
  return { label: can("label"), annotate: can("annotate"), review: can("review"), analyse: can("analyse"), blinded: await isBlinded(database, actor, workspaceId) };
}
