import { z } from "zod";
import { authorize } from "../auth/authorize";
import type { Database } from "../db/database";
import { MAX_SEARCH_LIMIT, searchRecordings } from "../db/search.repository";
import { blindedWorkspacesOf } from "../auth/blinding";
import { workspaceFilter } from "../auth/workspace-checks";
import { errorResponse } from "../http/error-response";
import { parseSearchParams } from "../http/search-params";

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
 * GET /api/search: recordings of the workspaces the asker may read whose
 * name, patient, cohort, session, label, notes or metadata contain `q`
 * (case-insensitive), name matches first, each with the fields that matched.
 */
export async function serveSearch(database: Database, request: Pick<Request, "headers">, params: URLSearchParams): Promise<Response> {
  const auth = await authorize(database, request, "read");
  if (!auth.ok) return auth.response;
  const query = parseSearchParams(querySchema, params);
  if (!query.ok) return errorResponse(400, query.message, "QUERY_INVALID");
  const hits = await searchRecordings(database.prisma, query.value.q, query.value.limit, workspaceFilter(auth.actor));
  const blinded = await blindedWorkspacesOf(database, auth.actor);
  // In a workspace where the asker is blinded, nothing is found by its label (human or model).
  const visible = hits
    .map((hit) => (blinded.has(hit.workspaceId) ? { ...hit, matches: hit.matches.filter((match) => match.field !== "label") } : hit))
    .filter((hit) => hit.matches.length > 0);
  return Response.json({ hits: visible }, { headers: { "Cache-Control": "no-store" } });
}
