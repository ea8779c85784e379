import { serverCorpusSettings } from "@/lib/corpus/server-corpus-settings";
import { serveUploadFile } from "@/lib/corpus/serve-uploads";
import { getServerDatabase } from "@/lib/db/server-database";
import { refuseCrossSiteWrite } from "../../../request-guard";

export const dynamic = "force-dynamic";

/** One file of an upload, as the raw request body (no multipart), streamed to disk. */
export async function PUT(request: Request, context: { params: Promise<{ uploadId: string }> }): Promise<Response> {
  const refused = refuseCrossSiteWrite(request);
  if (refused) return refused;
  const { uploadId } = await context.params;
  return serveUploadFile(await getServerDatabase(), request, uploadId, serverCorpusSettings());
}
