import { serveRecordingMedia } from "@/lib/corpus/serve-recording-media";
import { getServerDatabase } from "@/lib/db/server-database";
import { serveAnalyses } from "@/lib/inference/serve-analyses";

export const dynamic = "force-dynamic";

/** A recording's analyses (whole recording and regions, every model), newest first, without frame data. */
export async function GET(request: Request, context: { params: Promise<{ id: string }> }): Promise<Response> {
  const { id } = await context.params;
  return serveRecordingMedia(request, id, async (media) => serveAnalyses(await getServerDatabase(), media.id), { modelOutput: true });
}
