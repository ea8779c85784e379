import "server-only";
import { getServerDatabase } from "@/lib/db/server-database";
import type { JobRouteDependencies } from "@/lib/jobs/serve-jobs";
import { getServerJobQueue } from "@/lib/jobs/server-job-queue";

export type JobRouteContext = { params: Promise<{ id: string }> };

/** The server's database and queue, and the job id the route names. */
export async function jobRoute(context: JobRouteContext): Promise<{ dependencies: JobRouteDependencies; id: string }> {
  return { dependencies: { database: await getServerDatabase(), queue: await getServerJobQueue() }, id: (await context.params).id };
}
