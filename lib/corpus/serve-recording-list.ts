import { z } from "zod";
import { authorize } from "../auth/authorize";
import { listRecordings } from "../db/corpus.repository";
import type { Database } from "../db/database";
import { workspaceFilter } from "../auth/workspace-checks";
import { errorResponse } from "../http/error-response";
import { isUuid, parseSearchParams } from "../http/search-params";

/**
 * GET /api/recordings: recordings, oldest first, optionally of one corpus,
 * paged by `limit` and `offset`; only those of workspaces the asker may read
 * (a corpus of another workspace lists nothing, as an unknown one does).
 */

const querySchema = z.object({
  corpus: z.string().refine(isUuid, { error: "corpus must be a corpus id" }).optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(500),
  offset: z.coerce.number().int().min(0).default(0),
});

export async function serveRecordingList(database: Database, request: Pick<Request, "headers">, params: URLSearchParams): Promise<Response> {
  const auth = await authorize(database, request, "read");
  if (!auth.ok) return auth.response;
  const query = parseSearchParams(querySchema, params);
  if (!query.ok) return errorResponse(400, query.message, "QUERY_INVALID");
  const { corpus, limit, offset } = query.value;
  const workspaceIds = workspaceFilter(auth.actor);
  const recordings = await listRecordings(database.prisma, { corpusId: corpus?.toLowerCase(), limit, offset, ...(workspaceIds ? { workspaceIds } : {}) });
  return Response.json({ recordings }, { headers: { "Cache-Control": "no-store" } });
}
