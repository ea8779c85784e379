import { z } from "zod";
import { getServerDatabase } from "@/lib/db/server-database";
import { MAX_SEARCH_LIMIT, searchRecordings } from "@/lib/db/search.repository";
import { errorResponse } from "@/lib/http/error-response";
import { parseSearchParams } from "@/lib/http/search-params";

export const dynamic = "force-dynamic";

const querySchema = z.object({
  q: z
    .string({ error: "q (the text to find) is required" })
    .trim()
    .min(1, { error: "q must not be empty" })
    .max(200, { error: "q must be at most 200 characters" }),
  limit: z.coerce
    .number({ error: "limit must be a number" })
    .int({ error: "limit must be a whole number" })
    .min(1, { error: "limit must be at least 1" })
    .max(MAX_SEARCH_LIMIT, { error: `limit must be at most ${MAX_SEARCH_LIMIT}` })
    .default(50),
});

/**
 * Recordings whose name, patient, cohort, session, label, notes or metadata
 * contain `q` (case-insensitive), name matches first, each with the fields
 * that matched.
 */
export async function GET(request: Request): Promise<Response> {
  const query = parseSearchParams(querySchema, new URL(request.url).searchParams);
  if (!query.ok) return errorResponse(400, query.message, "QUERY_INVALID");
  const database = await getServerDatabase();
  const hits = await searchRecordings(database.prisma, query.value.q, query.value.limit);
  return Response.json({ hits }, { headers: { "Cache-Control": "no-store" } });
}
