import { getServerDatabase } from "@/lib/db/server-database";
import { serveStartExport, serveWorkbenchExports } from "@/lib/exports/serve-exports";
import { getServerJobQueue } from "@/lib/jobs/server-job-queue";
import { readJsonBody } from "../../request-guard";

export const dynamic = "force-dynamic";

/** Every export (running, failed and finished snapshots), newest first. */
export async function GET(request: Request): Promise<Response> {
  return serveWorkbenchExports(await getServerDatabase(), request);
}

/** Starts an export. Body: an export definition. */
export async function POST(request: Request): Promise<Response> {
  const read = await readJsonBody(request);
  if (read instanceof Response) return read;
  return serveStartExport({ database: await getServerDatabase(), queue: await getServerJobQueue() }, request, read.body);
}
