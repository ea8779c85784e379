import { serverCorpusSettings } from "@/lib/corpus/server-corpus-settings";
import { serveUploadStart } from "@/lib/corpus/serve-uploads";
import { getServerDatabase } from "@/lib/db/server-database";
import { refuseCrossSiteWrite, requireJson } from "../request-guard";

export const dynamic = "force-dynamic";

/**
 * Starts a browser upload: answers `{ uploadId, maxBytes }`. The files follow
 * one by one with PUT /api/uploads/:uploadId/files?path=…, then an import
 * with `source: { kind: "upload", uploadId }`.
 */
export async function POST(request: Request): Promise<Response> {
  const refused = refuseCrossSiteWrite(request) ?? requireJson(request);
  if (refused) return refused;
  return serveUploadStart(await getServerDatabase(), request, serverCorpusSettings());
}
