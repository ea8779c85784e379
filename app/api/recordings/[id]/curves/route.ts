import { serverCorpusSettings } from "@/lib/corpus/server-corpus-settings";
import { serveRecordingMedia } from "@/lib/corpus/serve-recording-media";
import { getServerDatabase } from "@/lib/db/server-database";
import { errorResponse } from "@/lib/http/error-response";
import { parseSearchParams } from "@/lib/http/search-params";
import { curvesQuerySchema, serveCurves } from "@/lib/inference/serve-curves";

export const dynamic = "force-dynamic";

/** Frame curves of a model's latest whole-recording analysis: `model`, `pixels` columns between `from` and `to` seconds. */
export async function GET(request: Request, context: { params: Promise<{ id: string }> }): Promise<Response> {
  const { id } = await context.params;
  const query = parseSearchParams(curvesQuerySchema, new URL(request.url).searchParams);
  if (!query.ok) return errorResponse(400, query.message, "QUERY_INVALID");
  return serveRecordingMedia(request, id, async (media) => serveCurves({ database: await getServerDatabase(), store: serverCorpusSettings().store, media, query: query.value }), { modelOutput: true });
}
