import { importReportOf } from "@/lib/corpus/import-job";
import { importReportToCsv } from "@/lib/corpus/import-report";
import { jobFromRoute, type JobRouteContext } from "../../job-from-route";

export const dynamic = "force-dynamic";

/** An import job's report as CSV, for spreadsheets; partial for a cancelled or failed import. */
export async function GET(_request: Request, context: JobRouteContext): Promise<Response> {
  const job = await jobFromRoute(context);
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
