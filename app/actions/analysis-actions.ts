"use server";

import { z } from "zod";
import { AppError } from "@/lib/domain/app-error";
import { serverModelsDir } from "@/lib/inference/serve-models";
import { enqueueAnalysis } from "@/lib/inference/start-analysis";
import { getServerJobQueue } from "@/lib/jobs/server-job-queue";

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
 * MODELS_DIR. Checked here as well as in enqueueAnalysis: a server action is
 * a public endpoint whatever the button that calls it.
 */
export async function analyseRecordings(request: AnalyseRecordingsRequest): Promise<AnalyseRecordingsResult> {
  const parsed = analyseRequestSchema.safeParse(request);
  if (!parsed.success) return { ok: false, error: `The analysis request is invalid. ${describeIssues(parsed.error)}` };
  const { modelId, recordingIds, corpusName, force } = parsed.data;
  try {
    const job = await enqueueAnalysis(
      await getServerJobQueue(),
      {
        modelId,
        selection: { ...(recordingIds ? { recordingIds: recordingIds.map((id) => id.toLowerCase()) } : {}), ...(corpusName ? { corpusName } : {}) },
        ...(force !== undefined ? { force } : {}),
      },
      serverModelsDir(),
    );
    return { ok: true, jobId: job.id };
  } catch (error) {
    if (error instanceof AppError) return { ok: false, error: error.message };
    throw error;
  }
}

/** Asks a queued or running job to stop; a running analysis stops between recordings' windows. */
export async function cancelJob(jobId: string): Promise<CancelJobResult> {
  const parsed = z.uuid().safeParse(jobId);
  if (!parsed.success) return { ok: false, error: "That is not a job id." };
  try {
    await (await getServerJobQueue()).cancel(parsed.data.toLowerCase());
    return { ok: true };
  } catch (error) {
    if (error instanceof AppError) return { ok: false, error: error.message };
    throw error;
  }
}

function describeIssues(error: z.ZodError): string {
  return error.issues.map((issue) => `${issue.path.join(".") || "request"}: ${issue.message}`).join("; ");
}
