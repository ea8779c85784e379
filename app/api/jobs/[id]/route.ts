import { toJobView } from "@/lib/jobs/job-view";
import { jobFromRoute, type JobRouteContext } from "../job-from-route";

export const dynamic = "force-dynamic";

export async function GET(_request: Request, context: JobRouteContext): Promise<Response> {
  const job = await jobFromRoute(context);
  if (job instanceof Response) return job;
  return Response.json(toJobView(job), { headers: { "Cache-Control": "no-store" } });
}
