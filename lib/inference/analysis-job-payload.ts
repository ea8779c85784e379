import { z } from "zod";

/** The `analyse` job: which recordings, which model, and whether to redo cached results. */
export const ANALYSE_JOB_KIND = "analyse";

export const analyseJobPayloadSchema = z
  .object({
    /** The manifest id of a model under MODELS_DIR. */
    modelId: z.string().min(1),
    /** A specific version when several folders share the id; the newest scanned otherwise. */
    modelVersion: z.string().min(1).optional(),
    selection: z
      .object({
        corpusName: z.string().min(1).optional(),
        cohortName: z.string().min(1).optional(),
        recordingIds: z.array(z.uuid()).min(1).max(100_000).optional(),
      })
      .refine((selection) => selection.corpusName || selection.cohortName || selection.recordingIds, {
        message: "name a corpus, a cohort or recordings to analyse",
      }),
    /** Re-run even where this model's results are stored. */
    force: z.boolean().default(false),
    /** Also analyse each recording's regions on their own. */
    includeRegions: z.boolean().default(true),
  })
  .strict();

export type AnalyseJobPayload = z.infer<typeof analyseJobPayloadSchema>;
export type AnalyseJobRequest = z.input<typeof analyseJobPayloadSchema>;
