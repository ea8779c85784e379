import { getServerDatabase } from "@/lib/db/server-database";
import { serveJobList } from "@/lib/jobs/serve-jobs";
import { getServerJobQueue } from "@/lib/jobs/server-job-queue";

export const dynamic = "force-dynamic";

/** Recent jobs, newest first, without their results (GET /api/jobs/:id has those). */
export async function GET(request: Request): Promise<Response> {
  return serveJobList({ database: await getServerDatabase(), queue: await getServerJobQueue() }, request);
}
