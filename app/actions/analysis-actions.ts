"use server";

import { z } from "zod";
import { serveAnalysisRequest } from "@/lib/corpus/serve-analysis-request";
import { getServerDatabase } from "@/lib/db/server-database";
import { serverModelsDir } from "@/lib/inference/serve-models";
import { serveJobCancel } from "@/lib/jobs/serve-jobs";
import { getServerJobQueue } from "@/lib/jobs/server-job-queue";
import { actionRequest, actionResult } from "./action-request";

/** Expected failures come back as values, for the workbench to show; only bugs throw. */
export type AnalyseRecordingsResult = { ok: true; jobId: string } | { ok: false; error: string };
export type CancelJobResult = { ok: true } | { ok: false; error: string };

const analyseRequestSchema = z
  .object({
    modelId: z.string().min(1, { error: "choose a model" }).max(200),
    recordingIds: z.array(z.uuid({ error: "recording ids are UUIDs" })).min(1).max(100_000).optional(),
    corpusName: z.string().min(1).max(500).optional(),
    force: z.boolean().optional(),
  })
  .strict()
  .refine((request) => request.recordingIds !== undefined || request.corpusName !== undefined, {
    error: "name recordings or a corpus to analyse",
  });

export type AnalyseRecordingsRequest = z.input<typeof analyseRequestSchema>;

/**
 * Queues an analysis of recordings (or a whole corpus) with a model under
 * MODELS_DIR, through the serve function of POST /api/analyses, which
 * authorizes the caller and checks the request: a server action is a public
 * endpoint whatever the button that calls it.
 */
export async function analyseRecordings(request: AnalyseRecordingsRequest): Promise<AnalyseRecordingsResult> {
  const parsed = analyseRequestSchema.safeParse(request);
  if (!parsed.success) return { ok: false, error: `The analysis request is invalid. ${describeIssues(parsed.error)}` };
  const { modelId, recordingIds, corpusName, force } = parsed.data;
  const body = {
    modelId,
    selection: { ...(recordingIds ? { recordingIds: recordingIds.map((id) => id.toLowerCase()) } : {}), ...(corpusName ? { corpusName } : {}) },
    ...(force !== undefined ? { force } : {}),
  };
  const response = await serveAnalysisRequest(
    { database: await getServerDatabase(), queue: await getServerJobQueue(), modelsDir: serverModelsDir() },
    await actionRequest(),
    body,
  );
  const result = await actionResult<{ id: string }>(response, (job) => ({ jobId: job.id }));
  return result.ok ? { ok: true, jobId: String(result.jobId) } : result;
}

/** Asks a queued or running job to stop; a running analysis stops between recordings' windows. */
export async function cancelJob(jobId: string): Promise<CancelJobResult> {
  const parsed = z.uuid().safeParse(jobId);
  if (!parsed.success) return { ok: false, error: "That is not a job id." };
  const response = await serveJobCancel({ database: await getServerDatabase(), queue: await getServerJobQueue() }, await actionRequest(), parsed.data.toLowerCase());
  const result = await actionResult(response, () => ({}));
  return result.ok ? { ok: true } : result;
}

function describeIssues(error: z.ZodError): string {
  return error.issues.map((issue) => `${issue.path.join(".") || "request"}: ${issue.message}`).join("; ");
}
