import type { Database } from "../db/database";
import { findRecordingSummary } from "../db/corpus.repository";
import { authorize } from "../auth/authorize";
import { type RecordingPermissions, recordingPermissionsOf } from "../auth/blinding";
import { checkRecordingAccess, recordingNotFound } from "./recording-access";
import type { RecordingSummary } from "./corpus-types";

/**
 * GET /api/recordings/:id: one recording's summary for the editor (name,
 * duration, channels, track, format, patient, session, cohorts, metadata).
 */

export interface RecordingResponse {
  recording: RecordingSummary;
  /** What the caller may do with it, so the editor's keys do that (final labels, own annotations, or nothing). */
  permissions: RecordingPermissions;
}

export async function serveRecording(database: Database, request: Pick<Request, "headers">, id: string): Promise<Response> {
  const auth = await authorize(database, request, "read");
  if (!auth.ok) return auth.response;
  const access = await checkRecordingAccess(database, auth.actor, "read", id);
  if (!access.ok) return access.response;
  const recording = await findRecordingSummary(database.prisma, access.recordingId);
  if (!recording) return recordingNotFound(id);
  const body: RecordingResponse = { recording, permissions: await recordingPermissionsOf(database, auth.actor, access.workspaceId) };
  // A re-import merges new metadata into the same row, so the answer is never cached.
  return Response.json(body, { headers: { "Cache-Control": "no-store" } });
}
