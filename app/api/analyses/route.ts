import path from "node:path";
import { readServerEnvironment } from "@/lib/config/env";
import { AnalysisRequestError, enqueueAnalysis } from "@/lib/inference/start-analysis";
import { ModelNotFoundError } from "@/lib/inference/analysis-job";
import { getServerJobQueue } from "@/lib/jobs/server-job-queue";
import { toJobView } from "@/lib/jobs/job-view";
import { readJsonBody } from "../request-guard";

export const dynamic = "force-dynamic";

/** Queues an analysis (used by `npm run analyze` while a server runs). Body: an AnalyseJobRequest. */
export async function POST(request: Request): Promise<Response> {
  const read = await readJsonBody(request);
  if (read instanceof Response) return read;
  const { body } = read;
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
