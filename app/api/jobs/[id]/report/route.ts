import { serveJobReport } from "@/lib/jobs/serve-jobs";
import { jobRoute, type JobRouteContext } from "../../job-from-route";

export const dynamic = "force-dynamic";

/** An import job's report as CSV, for spreadsheets; partial for a cancelled or failed import. */
export async function GET(request: Request, context: JobRouteContext): Promise<Response> {
  const { dependencies, id } = await jobRoute(context);
  return serveJobReport(dependencies, request, id);
}
