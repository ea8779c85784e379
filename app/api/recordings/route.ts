import { z } from "zod";
import { listRecordings } from "@/lib/db/corpus.repository";
import { getServerDatabase } from "@/lib/db/server-database";
import { errorResponse } from "@/lib/http/error-response";
import { isUuid, parseSearchParams } from "@/lib/http/search-params";

export const dynamic = "force-dynamic";

const querySchema = z.object({
  corpus: z.string().refine(isUuid, { error: "corpus must be a corpus id" }).optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(500),
  offset: z.coerce.number().int().min(0).default(0),
});

/** Recordings, oldest first, optionally of one corpus; paged by `limit` and `offset`. */
export async function GET(request: Request): Promise<Response> {
  const query = parseSearchParams(querySchema, new URL(request.url).searchParams);
  if (!query.ok) return errorResponse(400, query.message, "QUERY_INVALID");
  const { corpus, limit, offset } = query.value;
  const database = await getServerDatabase();
  const recordings = await listRecordings(database.prisma, { corpusId: corpus?.toLowerCase(), limit, offset });
  return Response.json({ recordings }, { headers: { "Cache-Control": "no-store" } });
}
