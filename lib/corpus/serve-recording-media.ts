import { findRecordingMedia } from "../db/corpus.repository";
import { getServerDatabase } from "../db/server-database";
import { errorResponse } from "../http/error-response";
import { isUuid } from "../http/search-params";
import type { RecordingMedia } from "./corpus-types";
import { serverCorpusSettings, type ServerCorpusSettings } from "./server-corpus-settings";

/**
 * Looks up the recording a media route names and hands it to `serve`; answers
 * 404 for an id that is not a UUID (without asking the database) or that no
 * recording has.
 */
export async function serveRecordingMedia(
  id: string,
  serve: (media: RecordingMedia, settings: ServerCorpusSettings) => Promise<Response>,
): Promise<Response> {
  const notFound = () => errorResponse(404, `There is no recording with id ${isUuid(id) ? id : "(malformed)"}.`, "RECORDING_NOT_FOUND");
  if (!isUuid(id)) return notFound();
  const database = await getServerDatabase();
  const media = await findRecordingMedia(database.prisma, id.toLowerCase());
  if (!media) return notFound();
  return serve(media, serverCorpusSettings());
}
