import type { Database } from "../db/database";
import { findRecordingSummary } from "../db/corpus.repository";
import { errorResponse } from "../http/error-response";
import { isUuid } from "../http/search-params";
import type { RecordingSummary } from "./corpus-types";

/**
 * GET /api/recordings/:id: one recording's summary for the editor (name,
 * duration, channels, track, format, patient, session, cohorts, metadata).
 */

export interface RecordingResponse {
  recording: RecordingSummary;
}

export async function serveRecording(database: Database, id: string): Promise<Response> {
  const notFound = () => errorResponse(404, `There is no recording with id ${isUuid(id) ? id : "(malformed)"}.`, "RECORDING_NOT_FOUND");
  if (!isUuid(id)) return notFound();
  const recording = await findRecordingSummary(database.prisma, id.toLowerCase());
  if (!recording) return notFound();
  const body: RecordingResponse = { recording };
  // A re-import merges new metadata into the same row, so the answer is never cached.
  return Response.json(body, { headers: { "Cache-Control": "no-store" } });
}
