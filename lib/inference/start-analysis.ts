import { AppError } from "../domain/app-error";
import type { JobQueue } from "../jobs/job-queue";
import type { JobRecord } from "../jobs/job-types";
import { findModel } from "./analysis-job";
import { ANALYSE_JOB_KIND, analyseJobPayloadSchema, type AnalyseJobRequest } from "./analysis-job-payload";

/** Thrown when an analysis request is malformed (no selection, a bad id). */
export class AnalysisRequestError extends AppError {
  override readonly name = "AnalysisRequestError";
  readonly code = "ANALYSIS_REQUEST_INVALID";
}

/**
 * Validates an analysis request and queues it. The model is looked up now, so
 * an unknown or broken model is an immediate answer rather than a failed job.
 */
export async function enqueueAnalysis(queue: JobQueue, request: AnalyseJobRequest, modelsDir: string): Promise<JobRecord> {
  const parsed = analyseJobPayloadSchema.safeParse(request);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join(".") || "request"}: ${issue.message}`);
    throw new AnalysisRequestError(`The analysis request is invalid. ${problems.join("; ")}`);
  }
  const model = await findModel(modelsDir, parsed.data.modelId, parsed.data.modelVersion);
  // Pin the version found, so a model added while the job waits does not change what it runs.
  return queue.enqueue(ANALYSE_JOB_KIND, { ...parsed.data, modelVersion: model.manifest.version }, { maxAttempts: 5 });
}
