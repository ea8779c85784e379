import { z } from "zod";
import { errorResponse } from "@/lib/http/error-response";
import { toJobSummary } from "@/lib/http/job-summary";
import { parseSearchParams } from "@/lib/http/search-params";
import { getServerJobQueue } from "@/lib/jobs/server-job-queue";

export const dynamic = "force-dynamic";

const querySchema = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  kind: z.string().min(1).max(50).optional(),
});

/** Recent jobs, newest first, without their results (GET /api/jobs/:id has those). */
export async function GET(request: Request): Promise<Response> {
  const query = parseSearchParams(querySchema, new URL(request.url).searchParams);
  if (!query.ok) return errorResponse(400, query.message, "QUERY_INVALID");
  const jobs = await (await getServerJobQueue()).list({ limit: query.value.limit, kind: query.value.kind });
  return Response.json({ jobs: jobs.map(toJobSummary) }, { headers: { "Cache-Control": "no-store" } });
}
