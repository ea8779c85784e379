import { explorerQuerySchema, serveExplorer } from "@/lib/corpus/serve-explorer";
import { getServerDatabase } from "@/lib/db/server-database";
import { errorResponse } from "@/lib/http/error-response";
import { parseSearchParams } from "@/lib/http/search-params";

export const dynamic = "force-dynamic";

/**
 * One level of the explorer tree: `corpus`, `cohort`, `patient`, `session`
 * (each a UUID, or "none" for the "No …" nodes) name the node whose children
 * come back, under `filter` (all, no-label, low-confidence below
 * `lowConfidence`, disagree). `flat=1` lists every recording below the node.
 */
export async function GET(request: Request): Promise<Response> {
  const query = parseSearchParams(explorerQuerySchema, new URL(request.url).searchParams);
  if (!query.ok) return errorResponse(400, query.message, "QUERY_INVALID");
  return serveExplorer(await getServerDatabase(), request, query.value);
}
