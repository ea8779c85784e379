import { z } from "zod";
import { authorize } from "../auth/authorize";
import { seesEverything } from "../auth/workspace-checks";
import { importReportOf } from "../corpus/import-job";
import { importReportToCsv } from "../corpus/import-report";
import type { Database } from "../db/database";
import type { Actor } from "../domain/access/workspace-access";
import { errorResponse } from "../http/error-response";
import { toJobSummary } from "../http/job-summary";
import { parseSearchParams } from "../http/search-params";
import { JobNotFoundError } from "./job-errors";
import type { JobQueue } from "./job-queue";
import type { JobRecord } from "./job-types";
import { toJobView } from "./job-view";

/**
 * GET /api/jobs, GET /api/jobs/:id, POST /api/jobs/:id/cancel and GET
 * /api/jobs/:id/report. With accounts on, a job is its creator's: others
 * (but site administrators) neither list it nor open it, and its id answers
 * 404 as if there were none. A job's payload and result name files, corpora
 * and recordings, so "jobs of workspaces I can read" would need each kind's
 * payload read apart; the creator rule needs none of that. Jobs made by the
 * server itself or a CLI (no creator) are seen by site administrators only.
 */

export interface JobRouteDependencies {
  database: Database;
  queue: JobQueue;
}

const NO_STORE = { "Cache-Control": "no-store" };

const listQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  kind: z.string().min(1).max(50).optional(),
});

function jobNotFound(id: string): Response {
  return Response.json({ error: `No job with id ${id}.` }, { status: 404 });
}

/** Recent jobs, newest first, without their results (GET /api/jobs/:id has those). */
export async function serveJobList(dependencies: JobRouteDependencies, request: Pick<Request, "headers" | "url">): Promise<Response> {
  const auth = await authorize(dependencies.database, request, "read");
  if (!auth.ok) return auth.response;
  const query = parseSearchParams(listQuerySchema, new URL(request.url).searchParams);
  if (!query.ok) return errorResponse(400, query.message, "QUERY_INVALID");
  const jobs = await dependencies.queue.list({
    limit: query.value.limit,
    kind: query.value.kind,
    ...(seesEverything(auth.actor) ? {} : { createdById: auth.actor.userId }),
  });
  return Response.json({ jobs: jobs.map(toJobSummary) }, { headers: NO_STORE });
}

/** The job an id names if the actor may see it, or the 404 to send instead. */
async function visibleJob(queue: JobQueue, actor: Actor, id: string): Promise<JobRecord | Response> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return Response.json({ error: "Not a job id." }, { status: 404 });
  try {
    const job = await queue.get(id);
    if (!seesEverything(actor) && job.createdById !== actor.userId) return jobNotFound(id);
    return job;
  } catch (error) {
    if (error instanceof JobNotFoundError) return Response.json({ error: error.message }, { status: 404 });
    throw error;
  }
}

export async function serveJob(dependencies: JobRouteDependencies, request: Pick<Request, "headers">, id: string): Promise<Response> {
  const auth = await authorize(dependencies.database, request, "read");
  if (!auth.ok) return auth.response;
  const job = await visibleJob(dependencies.queue, auth.actor, id);
  if (job instanceof Response) return job;
  return Response.json(toJobView(job), { headers: NO_STORE });
}

export async function serveJobCancel(dependencies: JobRouteDependencies, request: Pick<Request, "headers">, id: string): Promise<Response> {
  const auth = await authorize(dependencies.database, request, "read");
  if (!auth.ok) return auth.response;
  const job = await visibleJob(dependencies.queue, auth.actor, id);
  if (job instanceof Response) return job;
  return Response.json(toJobView(await dependencies.queue.cancel(job.id)));
}

/** An import job's report as CSV, for spreadsheets; partial for a cancelled or failed import. */
export async function serveJobReport(dependencies: JobRouteDependencies, request: Pick<Request, "headers">, id: string): Promise<Response> {
  const auth = await authorize(dependencies.database, request, "read");
  if (!auth.ok) return auth.response;
  const job = await visibleJob(dependencies.queue, auth.actor, id);
  if (job instanceof Response) return job;
  const report = importReportOf(job);
  if (!report) return Response.json({ error: "This job has no import report (yet)." }, { status: 404 });
  return new Response(importReportToCsv(report), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="import-report-${job.id}.csv"`,
      "Cache-Control": "no-store",
    },
  });
}
