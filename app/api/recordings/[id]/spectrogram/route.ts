import { serveRecordingMedia } from "@/lib/corpus/serve-recording-media";
import { serveSpectrogram, spectrogramQuerySchema } from "@/lib/corpus/serve-spectrogram";
import { errorResponse } from "@/lib/http/error-response";
import { parseSearchParams } from "@/lib/http/search-params";

export const dynamic = "force-dynamic";

/**
 * Spectrogram of `start`..`end` seconds (default: the whole recording) at
 * `columns` pixels across, `fftSize` 256, 512 (default) or 1024, optionally
 * `bins` per column: binary levels described by X-Spectrogram-* headers
 * (lib/domain/spectrogram-format.ts reads them).
 */
export async function GET(request: Request, context: { params: Promise<{ id: string }> }): Promise<Response> {
  const { id } = await context.params;
  const query = parseSearchParams(spectrogramQuerySchema, new URL(request.url).searchParams);
  if (!query.ok) return errorResponse(400, query.message, "QUERY_INVALID");
  return serveRecordingMedia(request, id, (media, settings) => serveSpectrogram({ store: settings.store, media, query: query.value }));
}
