import { serverCorpusSettings } from "@/lib/corpus/server-corpus-settings";
import { createUpload } from "@/lib/corpus/upload-receive";
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
  const settings = serverCorpusSettings();
  const { uploadId } = await createUpload(settings.dataDir);
  return Response.json({ uploadId, maxBytes: settings.uploadMaxBytes }, { status: 201, headers: { "Cache-Control": "no-store" } });
}
