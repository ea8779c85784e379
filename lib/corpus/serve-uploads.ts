import { z } from "zod";
import { authorize } from "../auth/authorize";
import { refuseUnlessAnywhere } from "../auth/workspace-checks";
import type { Database } from "../db/database";
import { errorResponse } from "../http/error-response";
import { isUuid, parseSearchParams } from "../http/search-params";
import { UploadError } from "./upload-error";
import { createUpload, receiveUploadFile } from "./upload-receive";

/**
 * Browser uploads: POST /api/uploads starts one, PUT
 * /api/uploads/:uploadId/files?path=… streams each file, and an import with
 * `source: { kind: "upload", uploadId }` follows. An upload belongs to no
 * workspace until that import, which checks its corpus; uploading takes the
 * right to import somewhere.
 */

export interface UploadSettings {
  dataDir: string;
  uploadMaxBytes: number;
}

async function authorizeUpload(database: Database, request: Pick<Request, "headers">): Promise<Response | null> {
  const auth = await authorize(database, request, "manageWorkspace");
  if (!auth.ok) return auth.response;
  return refuseUnlessAnywhere(auth.actor, "manageWorkspace", "import recordings");
}

/** Answers `{ uploadId, maxBytes }` (201). */
export async function serveUploadStart(database: Database, request: Pick<Request, "headers">, settings: UploadSettings): Promise<Response> {
  const refused = await authorizeUpload(database, request);
  if (refused) return refused;
  const { uploadId } = await createUpload(settings.dataDir);
  return Response.json({ uploadId, maxBytes: settings.uploadMaxBytes }, { status: 201, headers: { "Cache-Control": "no-store" } });
}

const fileQuerySchema = z.object({
  path: z.string({ error: "path (the file's relative path) is required" }).min(1, { error: "path is empty" }).max(4096),
});

/** One file of an upload, as the raw request body (no multipart), streamed to disk (201). */
export async function serveUploadFile(
  database: Database,
  request: Pick<Request, "headers" | "body" | "url">,
  uploadId: string,
  settings: UploadSettings,
): Promise<Response> {
  const refused = await authorizeUpload(database, request);
  if (refused) return refused;
  if (!isUuid(uploadId)) return errorResponse(404, "There is no upload with this id; start a new upload.", "UPLOAD_NOT_FOUND");
  const query = parseSearchParams(fileQuerySchema, new URL(request.url).searchParams);
  if (!query.ok) return errorResponse(400, query.message, "QUERY_INVALID");
  const length = request.headers.get("content-length");
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
