import { serveSearch } from "@/lib/corpus/serve-search";
import { getServerDatabase } from "@/lib/db/server-database";

export const dynamic = "force-dynamic";

/**
 * Recordings whose name, patient, cohort, session, label, notes or metadata
 * contain `q` (case-insensitive), name matches first, each with the fields
 * that matched; `limit` caps the hits.
 */
export async function GET(request: Request): Promise<Response> {
  return serveSearch(await getServerDatabase(), request, new URL(request.url).searchParams);
}
