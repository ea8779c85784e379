import { serveJobCancel } from "@/lib/jobs/serve-jobs";
import { refuseCrossSiteWrite } from "../../../request-guard";
import { jobRoute, type JobRouteContext } from "../../job-from-route";

export const dynamic = "force-dynamic";

export async function POST(request: Request, context: JobRouteContext): Promise<Response> {
  const refused = refuseCrossSiteWrite(request);
  if (refused) return refused;
  const { dependencies, id } = await jobRoute(context);
  return serveJobCancel(dependencies, request, id);
}
