import { z } from "zod";
import type { AudioStore } from "../corpus/audio-store";
import { authorize } from "../auth/authorize";
import { refuseIfBlinded } from "../auth/blinding";
import type { Database } from "../db/database";
import { workspacesOfCohorts } from "../db/workspace-scope-more.repository";
import { actorCan } from "../domain/access/workspace-access";
import { errorResponse } from "../http/error-response";
import { type CohortComparisonJson, runCohortComparison } from "./cohort-comparison-service";
import { problemsOf } from "../http/zod-problems";
import { answerCohortErrors, json, uuidSchema } from "./cohort-responses";

/** POST /api/cohorts/compare: two or more cohorts' emotion distributions, pairwise tests and centroid distances. */

/** One cohort per bar in the chart and C(n, 2) pairs in the table: beyond this the view is unreadable anyway. */
export const MAX_COMPARED_COHORTS = 12;
/**
 * A centroid test costs permutations × min(n₀, n₁) × dims additions per pair
 * and metric; 10,000 over 500 patients of 1,024 dimensions is about 5·10⁹,
 * seconds of CPU. p cannot go below 1/(permutations + 1) anyway.
 */
export const MAX_PERMUTATIONS = 10_000;

export const compareBodySchema = z.object(
  {
    cohortIds: z
      .array(uuidSchema, { error: "must be a list of cohort ids" })
      .min(2, { error: "must name at least two cohorts to compare" })
      .max(MAX_COMPARED_COHORTS, { error: `must name at most ${MAX_COMPARED_COHORTS} cohorts` })
      .refine((ids) => new Set(ids).size === ids.length, { error: "must not name a cohort twice" }),
    modelId: uuidSchema.optional(),
    level: z.enum(["patient", "recording"], { error: 'must be "patient" (aggregate per patient first) or "recording"' }).optional(),
    correction: z.enum(["holm", "bh"], { error: 'must be "holm" or "bh" (Benjamini–Hochberg)' }).optional(),
    seed: z.number({ error: "must be a whole number" }).int({ error: "must be a whole number" }).min(0, { error: "must be 0 or more" }).max(4_294_967_295, { error: "must fit in 32 bits" }).optional(),
    permutations: z
      .number({ error: "must be a whole number" })
      .int({ error: "must be a whole number" })
      .min(1, { error: "must be at least 1" })
      .max(MAX_PERMUTATIONS, { error: `must be at most ${MAX_PERMUTATIONS}` })
      .optional(),
    metrics: z.array(z.enum(["euclidean", "cosine"], { error: 'must be "euclidean" or "cosine"' })).min(1, { error: "must name at least one metric" }).optional(),
  },
  { error: "must be an object { cohortIds, modelId?, level?, correction?, seed?, permutations?, metrics? }" },
);

/** A comparison reads and writes nothing back, so reading every cohort's workspace is enough. */
export async function serveCohortComparison(options: { database: Database; store: AudioStore; request: Pick<Request, "headers">; body: unknown }): Promise<Response> {
  const auth = await authorize(options.database, options.request, "read");
  if (!auth.ok) return auth.response;
  const parsed = compareBodySchema.safeParse(options.body);
  if (!parsed.success) return errorResponse(400, `Invalid comparison request. ${problemsOf(parsed.error)}`, "COMPARISON_INVALID");
  const { metrics, ...request } = parsed.data;
  const workspaces = await workspacesOfCohorts(options.database.prisma, request.cohortIds);
  // Cohorts of workspaces the actor cannot read are named as missing, exactly as unknown ids are.
  const hidden = request.cohortIds.filter((id) => {
    const workspaceId = workspaces.get(id);
    return workspaceId === undefined || !actorCan(auth.actor, "read", workspaceId);
  });
  if (hidden.length > 0) return errorResponse(404, `There is no cohort with id ${hidden.join(", ")}.`, "COHORT_NOT_FOUND");
  // A comparison is made of the model's outputs and the final labels.
  const blinded = await refuseIfBlinded(options.database, auth.actor, [...new Set(request.cohortIds.map((id) => workspaces.get(id)!))]);
  if (blinded) return blinded;
  return answerCohortErrors(async () => {
    const result = await runCohortComparison(options.database.prisma, options.store, { ...request, ...(metrics ? { metrics: [...new Set(metrics)] } : {}) });
    return json(result satisfies CohortComparisonJson);
  });
}
