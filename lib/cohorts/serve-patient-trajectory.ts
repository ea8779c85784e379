import { z } from "zod";
import type { AudioStore } from "../corpus/audio-store";
import { authorize } from "../auth/authorize";
import { refuseIfBlinded } from "../auth/blinding";
import { refuseOutsideWorkspaces } from "../auth/workspace-checks";
import type { Database } from "../db/database";
import { workspaceOfPatient } from "../db/workspace-scope.repository";
import { listOf } from "../db/workspace-scope-more.repository";
import { errorResponse } from "../http/error-response";
import { isUuid } from "../http/search-params";
import { problemsOf } from "../http/zod-problems";
import { answerCohortErrors, json, uuidSchema } from "./cohort-responses";
import { readPatientTrajectory } from "./patient-trajectory-service";

/** GET /api/patients/:id/trajectory?modelId=: the patient's sessions as a path, with distances and emotion mixes. */

const querySchema = z.object({ modelId: uuidSchema.optional() });

export async function servePatientTrajectory(options: {
  database: Database;
  store: AudioStore;
  request: Pick<Request, "headers">;
  patientId: string;
  params: URLSearchParams;
}): Promise<Response> {
  const { patientId } = options;
  const auth = await authorize(options.database, options.request, "read");
  if (!auth.ok) return auth.response;
  if (!isUuid(patientId)) return errorResponse(404, "There is no patient with id (malformed).", "PATIENT_NOT_FOUND");
  const query = querySchema.safeParse(Object.fromEntries(options.params));
  if (!query.success) return errorResponse(400, `Invalid query parameters. ${problemsOf(query.error)}`, "QUERY_INVALID");
  // Another workspace's patient answers as an unknown one does.
  const refused = await refuseOutsideWorkspaces(
    auth.actor,
    "read",
    async () => listOf(await workspaceOfPatient(options.database.prisma, patientId.toLowerCase())),
    () => errorResponse(404, `There is no patient with id ${patientId}.`, "PATIENT_NOT_FOUND"),
  );
  if (refused) return refused;
  // A trajectory is made of the model's outputs and the final labels.
  const blinded = await refuseIfBlinded(options.database, auth.actor, listOf(await workspaceOfPatient(options.database.prisma, patientId.toLowerCase())));
  if (blinded) return blinded;
  return answerCohortErrors(async () =>
    json(await readPatientTrajectory(options.database.prisma, options.store, { patientId, ...(query.data.modelId ? { modelId: query.data.modelId } : {}) })),
  );
}
