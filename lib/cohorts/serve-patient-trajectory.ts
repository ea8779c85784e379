import { z } from "zod";
import type { AudioStore } from "../corpus/audio-store";
import type { Database } from "../db/database";
import { errorResponse } from "../http/error-response";
import { isUuid } from "../http/search-params";
import { problemsOf } from "../http/zod-problems";
import { answerCohortErrors, json, uuidSchema } from "./cohort-responses";
import { readPatientTrajectory } from "./patient-trajectory-service";

/** GET /api/patients/:id/trajectory?modelId=: the patient's sessions as a path, with distances and emotion mixes. */

const querySchema = z.object({ modelId: uuidSchema.optional() });

export async function servePatientTrajectory(options: { database: Database; store: AudioStore; patientId: string; params: URLSearchParams }): Promise<Response> {
  const { patientId } = options;
  if (!isUuid(patientId)) return errorResponse(404, "There is no patient with id (malformed).", "PATIENT_NOT_FOUND");
  const query = querySchema.safeParse(Object.fromEntries(options.params));
  if (!query.success) return errorResponse(400, `Invalid query parameters. ${problemsOf(query.error)}`, "QUERY_INVALID");
  return answerCohortErrors(async () =>
    json(await readPatientTrajectory(options.database.prisma, options.store, { patientId, ...(query.data.modelId ? { modelId: query.data.modelId } : {}) })),
  );
}
