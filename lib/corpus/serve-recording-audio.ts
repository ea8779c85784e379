import { z } from "zod";
import { errorResponse } from "../http/error-response";
import { parseSearchParams } from "../http/search-params";
import { serveRecordingMedia } from "./serve-recording-media";
import { AUDIO_VARIANTS, serveStoredAudio } from "./serve-stored-audio";

const audioQuerySchema = z.object({
  variant: z.enum(AUDIO_VARIANTS, { error: 'variant must be "original" or "analysis"' }).default("analysis"),
});

/**
 * GET /api/recordings/:id/audio?variant=original|analysis (default analysis),
 * whoever receives the request: the Next.js route handler, or the server's
 * Node-level media handler (see serve-media-request.ts).
 */
export async function recordingAudioResponse(
  id: string,
  searchParams: URLSearchParams,
  request: Pick<Request, "method" | "headers">,
): Promise<Response> {
  const query = parseSearchParams(audioQuerySchema, searchParams);
  if (!query.ok) return errorResponse(400, query.message, "QUERY_INVALID");
  return serveRecordingMedia(request, id, (media, settings) => serveStoredAudio({ store: settings.store, media, variant: query.value.variant, request }));
}
