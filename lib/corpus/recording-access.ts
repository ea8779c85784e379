import { refuseOutsideWorkspaces } from "../auth/workspace-checks";
import type { Database } from "../db/database";
import { workspaceOfRecording } from "../db/workspace-scope.repository";
import type { Actor, Permission } from "../domain/access/workspace-access";
import { errorResponse } from "../http/error-response";
import { isUuid } from "../http/search-params";

/**
 * The check every route under /api/recordings/:id makes once it knows who is
 * asking: the actor may do `permission` in the recording's workspace. A
 * recording of a workspace the actor cannot read gets the very answer of one
 * that does not exist. The local researcher passes without a query, so
 * single-user mode reads what it read before.
 */

export function recordingNotFound(recordingId: string): Response {
  return errorResponse(404, `There is no recording with id ${isUuid(recordingId) ? recordingId : "(malformed)"}.`, "RECORDING_NOT_FOUND");
}

export type RecordingAccess =
  /** `workspaceId`: null where it was not looked up (an actor who sees every workspace). */
  { ok: true; recordingId: string; workspaceId: string | null } | { ok: false; response: Response };

export async function checkRecordingAccess(database: Database, actor: Actor, permission: Permission, recordingId: string): Promise<RecordingAccess> {
  if (!isUuid(recordingId)) return { ok: false, response: recordingNotFound(recordingId) };
  const id = recordingId.toLowerCase();
  let workspaceId: string | null = null;
  const refused = await refuseOutsideWorkspaces(
    actor,
    permission,
    async () => {
      workspaceId = await workspaceOfRecording(database.prisma, id);
      return workspaceId ? [workspaceId] : [];
    },
    () => recordingNotFound(recordingId),
  );
  return refused ? { ok: false, response: refused } : { ok: true, recordingId: id, workspaceId };
}
