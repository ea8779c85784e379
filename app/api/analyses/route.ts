import path from "node:path";
import { readServerEnvironment } from "@/lib/config/env";
import { serveAnalysisRequest } from "@/lib/corpus/serve-analysis-request";
import { getServerDatabase } from "@/lib/db/server-database";
import { getServerJobQueue } from "@/lib/jobs/server-job-queue";
import { readJsonBody } from "../request-guard";

export const dynamic = "force-dynamic";

/** Queues an analysis (used by `npm run analyze` while a server runs). Body: an AnalyseJobRequest. */
export async function POST(request: Request): Promise<Response> {
  const read = await readJsonBody(request);
  if (read instanceof Response) return read;
  const modelsDir = path.resolve(/*turbopackIgnore: true*/ process.cwd(), readServerEnvironment().MODELS_DIR);
  return serveAnalysisRequest({ database: await getServerDatabase(), queue: await getServerJobQueue(), modelsDir }, request, read.body);
}
