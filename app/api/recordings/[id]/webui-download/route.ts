import { serveRecordingMedia } from "@/lib/corpus/serve-recording-media";
import { getServerDatabase } from "@/lib/db/server-database";
import { errorResponse } from "@/lib/http/error-response";
import { parseSearchParams } from "@/lib/http/search-params";
import { serveWebUiDownload, webUiDownloadQuerySchema } from "@/lib/inference/serve-webui-download";

export const dynamic = "force-dynamic";

/** A model's analysis of the recording as an emotion2vec+ WebUI output folder, zipped (outputs_YYYYMMDD_HHMMSS.zip). */
export async function GET(request: Request, context: { params: Promise<{ id: string }> }): Promise<Response> {
  const { id } = await context.params;
  const query = parseSearchParams(webUiDownloadQuerySchema, new URL(request.url).searchParams);
  if (!query.ok) return errorResponse(400, query.message, "QUERY_INVALID");
  return serveRecordingMedia(request, id, async (media, settings) =>
    serveWebUiDownload({ database: await getServerDatabase(), store: settings.store, media, query: query.value }),
    { modelOutput: true },
  );
}
