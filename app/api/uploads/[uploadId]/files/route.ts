import { z } from "zod";
import { serverCorpusSettings } from "@/lib/corpus/server-corpus-settings";
import { UploadError } from "@/lib/corpus/upload-error";
import { receiveUploadFile } from "@/lib/corpus/upload-receive";
import { errorResponse } from "@/lib/http/error-response";
import { isUuid, parseSearchParams } from "@/lib/http/search-params";
import { refuseCrossSiteWrite } from "../../../request-guard";

export const dynamic = "force-dynamic";

const querySchema = z.object({
  path: z.string({ error: "path (the file's relative path) is required" }).min(1, { error: "path is empty" }).max(4096),
});

/** One file of an upload, as the raw request body (no multipart), streamed to disk. */
export async function PUT(request: Request, context: { params: Promise<{ uploadId: string }> }): Promise<Response> {
  const refused = refuseCrossSiteWrite(request);
  if (refused) return refused;
  const { uploadId } = await context.params;
  if (!isUuid(uploadId)) return errorResponse(404, "There is no upload with this id; start a new upload.", "UPLOAD_NOT_FOUND");
  const query = parseSearchParams(querySchema, new URL(request.url).searchParams);
  if (!query.ok) return errorResponse(400, query.message, "QUERY_INVALID");

  const length = request.headers.get("content-length");
  const settings = serverCorpusSettings();
  try {
    const received = await receiveUploadFile({
      dataDir: settings.dataDir,
      uploadId: uploadId.toLowerCase(),
      rawPath: query.value.path,
      body: request.body,
      declaredBytes: length !== null && /^\d+$/.test(length) ? Number(length) : null,
      maxBytes: settings.uploadMaxBytes,
    });
    return Response.json(received, { status: 201, headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    if (error instanceof UploadError) return errorResponse(error.status, error.message, error.code);
    throw error;
  }
}
