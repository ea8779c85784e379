import { serveJob } from "@/lib/jobs/serve-jobs";
import { jobRoute, type JobRouteContext } from "../job-from-route";

export const dynamic = "force-dynamic";

export async function GET(request: Request, context: JobRouteContext): Promise<Response> {
  const { dependencies, id } = await jobRoute(context);
  return serveJob(dependencies, request, id);
}
