import path from "node:path";
import { readServerEnvironment } from "@/lib/config/env";
import { AnalysisRequestError, enqueueAnalysis } from "@/lib/inference/start-analysis";
import { ModelNotFoundError } from "@/lib/inference/analysis-job";
import { getServerJobQueue } from "@/lib/jobs/server-job-queue";
import { toJobView } from "@/lib/jobs/job-view";
import { refuseCrossSiteWrite, requireJson } from "../request-guard";

export const dynamic = "force-dynamic";

/** Queues an analysis (used by `npm run analyze` while a server runs). Body: an AnalyseJobRequest. */
export async function POST(request: Request): Promise<Response> {
  const refused = refuseCrossSiteWrite(request) ?? requireJson(request);
  if (refused) return refused;
  let body: unknown;
  try {
    body = await request.json();
  } catch {
    return Response.json({ error: "The request body is not valid JSON." }, { status: 400 });
  }
  try {
    const modelsDir = path.resolve(/*turbopackIgnore: true*/ process.cwd(), readServerEnvironment().MODELS_DIR);
    const job = await enqueueAnalysis(await getServerJobQueue(), body as never, modelsDir);
    return Response.json(toJobView(job), { status: 202 });
  } catch (error) {
    if (error instanceof AnalysisRequestError || error instanceof ModelNotFoundError) {
      return Response.json({ error: error.message, code: error.code }, { status: 400 });
    }
    throw error;
  }
}
