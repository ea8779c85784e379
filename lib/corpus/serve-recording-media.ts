import { authorize } from "../auth/authorize";
import { refuseIfBlinded } from "../auth/blinding";
import { findRecordingMedia } from "../db/corpus.repository";
import { getServerDatabase } from "../db/server-database";
import type { RecordingMedia } from "./corpus-types";
import { checkRecordingAccess, recordingNotFound } from "./recording-access";
import { serverCorpusSettings, type ServerCorpusSettings } from "./server-corpus-settings";

/**
 * Looks up the recording a media route names and hands it to `serve`, once
 * the asker may read it; answers 404 for an id that is not a UUID (without
 * asking the database), that no recording has, or whose workspace the asker
 * cannot read. Routes of the model's outputs (curves, analyses, their
 * downloads) say `modelOutput`, and are refused to blinded annotators.
 */
export async function serveRecordingMedia(
  request: Pick<Request, "headers">,
  id: string,
  serve: (media: RecordingMedia, settings: ServerCorpusSettings) => Promise<Response>,
  options: { modelOutput?: boolean } = {},
): Promise<Response> {
  const database = await getServerDatabase();
  const auth = await authorize(database, request, "read");
  if (!auth.ok) return auth.response;
  const access = await checkRecordingAccess(database, auth.actor, "read", id);
  if (!access.ok) return access.response;
  if (options.modelOutput && access.workspaceId !== null) {
    const blinded = await refuseIfBlinded(database, auth.actor, [access.workspaceId]);
    if (blinded) return blinded;
  }
  const media = await findRecordingMedia(database.prisma, access.recordingId);
  if (!media) return recordingNotFound(id);
  return serve(media, serverCorpusSettings());
}
