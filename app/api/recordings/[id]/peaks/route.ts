import { serveRecordingMedia } from "@/lib/corpus/serve-recording-media";
import { peaksQuerySchema, servePeaks } from "@/lib/corpus/serve-peaks";
import { errorResponse } from "@/lib/http/error-response";
import { parseSearchParams } from "@/lib/http/search-params";

export const dynamic = "force-dynamic";

/** Waveform peaks at a zoom (`pps`, pixels per second), optionally for a window `start`..`end` in seconds. */
export async function GET(request: Request, context: { params: Promise<{ id: string }> }): Promise<Response> {
  const { id } = await context.params;
  const query = parseSearchParams(peaksQuerySchema, new URL(request.url).searchParams);
  if (!query.ok) return errorResponse(400, query.message, "QUERY_INVALID");
  return serveRecordingMedia(request, id, (media, settings) => servePeaks({ store: settings.store, media, query: query.value }));
}
