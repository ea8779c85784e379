import "server-only";
import { JobNotFoundError } from "@/lib/jobs/job-errors";
import type { JobRecord } from "@/lib/jobs/job-types";
import { getServerJobQueue } from "@/lib/jobs/server-job-queue";

export type JobRouteContext = { params: Promise<{ id: string }> };

/** The job a /api/jobs/[id] route names, or the 404 response to send instead. */
export async function jobFromRoute(context: JobRouteContext): Promise<JobRecord | Response> {
  const { id } = await context.params;
  if (!/^[0-9a-f-]{36}$/i.test(id)) return Response.json({ error: "Not a job id." }, { status: 404 });
  try {
    return await (await getServerJobQueue()).get(id);
  } catch (error) {
    if (error instanceof JobNotFoundError) return Response.json({ error: error.message }, { status: 404 });
    throw error;
  }
}
