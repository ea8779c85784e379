import { z } from "zod";
import { getServerDatabase } from "@/lib/db/server-database";
import { errorResponse } from "@/lib/http/error-response";
import { parseSearchParams } from "@/lib/http/search-params";
import { MAX_PROBLEMS, serveProblems } from "@/lib/jobs/serve-problems";

export const dynamic = "force-dynamic";

const querySchema = z.object({
  limit: z.coerce
    .number({ error: "limit must be a number" })
    .int({ error: "limit must be a whole number" })
    .min(1, { error: "limit must be at least 1" })
    .max(MAX_PROBLEMS, { error: `limit must be at most ${MAX_PROBLEMS}` })
    .default(MAX_PROBLEMS),
});

/** Failed jobs, and the failed or doubtful entries of finished import and analysis reports, newest first. */
export async function GET(request: Request): Promise<Response> {
  const query = parseSearchParams(querySchema, new URL(request.url).searchParams);
  if (!query.ok) return errorResponse(400, query.message, "QUERY_INVALID");
  return serveProblems(await getServerDatabase(), request, query.value.limit);
}
