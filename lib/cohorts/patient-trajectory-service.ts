import type { AudioStore } from "../corpus/audio-store";
import { type AnalysedModel, findPatient, modelsAnalysed, trajectoryInputs } from "../db/cohort.repository";
import type { PrismaClient } from "../db/database";
import type { ProportionBasis } from "../domain/cohort-comparison/recording-proportions";
import { assembleTrajectory, type TrajectoryView } from "../domain/cohort-comparison/trajectory-sessions";
import { chooseModel } from "./cohort-comparison-service";
import { CohortError } from "./cohort-error";
import { measureRecordings } from "./recording-measures";

/** GET /api/patients/:id/trajectory's answer. */
export interface PatientTrajectoryJson {
  patient: { id: string; code: string; corpus: { id: string; name: string } };
  model: AnalysedModel | null;
  models: AnalysedModel[];
  bases: Record<ProportionBasis, number>;
  missingFrameFiles: number;
  trajectory: TrajectoryView;
}

/** One patient's sessions in order, each with its emotion mix (human over model) and the embedding distances between them. */
export async function readPatientTrajectory(prisma: PrismaClient, store: AudioStore, request: { patientId: string; modelId?: string }): Promise<PatientTrajectoryJson> {
  const patientId = request.patientId.toLowerCase();
  if (!(await findPatient(prisma, patientId))) throw notFound(request.patientId);
  const models = await modelsAnalysed(prisma, { patientId });
  const model = await chooseModel(prisma, models, request.modelId);
  const inputs = await trajectoryInputs(prisma, { patientId, modelId: model?.id ?? null });
  // Deleted between the two reads.
  if (!inputs) throw notFound(request.patientId);
  const measured = await measureRecordings(store, inputs.recordings);
  const trajectory = assembleTrajectory(
    inputs.sessions.map((session) => ({ sessionId: session.id, code: session.code, date: session.date, ordinal: session.ordinal })),
    inputs.recordings.map((row) => {
      const entry = measured.measures.get(row.recordingId)!;
      return { recordingId: row.recordingId, sessionId: row.sessionId, measure: entry.measure, embedding: entry.embedding };
    }),
  );
  return { patient: inputs.patient, model, models, bases: measured.bases, missingFrameFiles: measured.missingFrameFiles, trajectory };
}

function notFound(patientId: string): CohortError {
  return new CohortError("PATIENT_NOT_FOUND", `There is no patient with id ${patientId}.`);
}
