import { getServerJobQueue } from "@/lib/jobs/server-job-queue";
import { toJobView } from "@/lib/jobs/job-view";
import { refuseCrossSiteWrite } from "../../../request-guard";
import { jobFromRoute, type JobRouteContext } from "../../job-from-route";

export const dynamic = "force-dynamic";

export async function POST(request: Request, context: JobRouteContext): Promise<Response> {
  const refused = refuseCrossSiteWrite(request);
  if (refused) return refused;
  const job = await jobFromRoute(context);
  if (job instanceof Response) return job;
  return Response.json(toJobView(await (await getServerJobQueue()).cancel(job.id)));
}
