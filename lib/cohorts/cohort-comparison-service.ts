import type { AudioStore } from "../corpus/audio-store";
import { type AnalysedModel, comparisonInputs, findCohorts, findModel, modelsAnalysed } from "../db/cohort.repository";
import type { PrismaClient } from "../db/database";
import { compareCohorts } from "../domain/cohort-comparison/compare-cohorts";
import type { CohortComparison, ComparisonCorrection, ComparisonRecording } from "../domain/cohort-comparison/comparison-types";
import type { ProportionBasis } from "../domain/cohort-comparison/recording-proportions";
import type { AnalysisUnit } from "../domain/statistics/per-patient";
import type { DistanceMetric } from "../domain/statistics/vector-distance";
import { CohortError } from "./cohort-error";
import { measureRecordings } from "./recording-measures";

export interface CohortComparisonRequest {
  cohortIds: readonly string[];
  /** A Model row's id; by default the model with whole-recording analyses of the most of these recordings. */
  modelId?: string;
  level?: AnalysisUnit;
  correction?: ComparisonCorrection;
  seed?: number;
  permutations?: number;
  metrics?: readonly DistanceMetric[];
}

/** POST /api/cohorts/compare's answer. */
export interface CohortComparisonJson {
  /** The model whose predictions and embeddings were used (null: no recording has an analysis); `recordings` counts its analyses here. */
  model: AnalysedModel | null;
  /** Every model with analyses of these recordings, most first: the choices for the model picker. */
  models: AnalysedModel[];
  /** Recordings by the rule that gave their emotion mix. */
  bases: Record<ProportionBasis, number>;
  missingFrameFiles: number;
  comparison: CohortComparison;
}

/** Reads the cohorts' recordings, labels and analyses, measures each recording and runs the comparison. */
export async function runCohortComparison(prisma: PrismaClient, store: AudioStore, request: CohortComparisonRequest): Promise<CohortComparisonJson> {
  const cohortIds = [...new Set(request.cohortIds.map((id) => id.toLowerCase()))];
  const cohorts = await findCohorts(prisma, cohortIds);
  if (cohorts.length < cohortIds.length) {
    const missing = cohortIds.filter((id) => !cohorts.some((cohort) => cohort.id === id));
    throw new CohortError("COHORT_NOT_FOUND", `There is no cohort with id ${missing.join(", ")}.`);
  }
  const models = await modelsAnalysed(prisma, { cohortIds });
  const model = await chooseModel(prisma, models, request.modelId);
  const inputs = await comparisonInputs(prisma, { cohortIds, modelId: model?.id ?? null });
  const measured = await measureRecordings(store, inputs.recordings);

  const recordingsOfPatient = new Map<string, string[]>();
  for (const row of inputs.recordings) {
    if (row.patientId === null) continue;
    const list = recordingsOfPatient.get(row.patientId);
    if (list) list.push(row.recordingId);
    else recordingsOfPatient.set(row.patientId, [row.recordingId]);
  }
  const recordings: ComparisonRecording[] = inputs.memberships.flatMap(({ cohortId, patientId }) =>
    (recordingsOfPatient.get(patientId) ?? []).map((recordingId) => {
      const entry = measured.measures.get(recordingId)!;
      return { recordingId, cohortId, patientId, measure: entry.measure, embedding: entry.embedding };
    }),
  );
  const comparison = compareCohorts({
    cohorts: cohorts.map((cohort) => ({ id: cohort.id, name: cohort.name })),
    recordings,
    ...(request.level ? { level: request.level } : {}),
    ...(request.correction ? { correction: request.correction } : {}),
    ...(request.seed !== undefined ? { seed: request.seed } : {}),
    ...(request.permutations !== undefined ? { permutations: request.permutations } : {}),
    ...(request.metrics ? { metrics: request.metrics } : {}),
  });
  return { model, models, bases: measured.bases, missingFrameFiles: measured.missingFrameFiles, comparison };
}

/** The asked-for model (404 when no such row), else the one with the most analyses in scope, else none. */
export async function chooseModel(prisma: PrismaClient, models: readonly AnalysedModel[], modelId: string | undefined): Promise<AnalysedModel | null> {
  if (modelId === undefined) return models[0] ?? null;
  const id = modelId.toLowerCase();
  const analysed = models.find((model) => model.id === id);
  if (analysed) return analysed;
  const model = await findModel(prisma, id);
  if (!model) throw new CohortError("MODEL_NOT_FOUND", `There is no model with id ${modelId}; pick one of the models listed with the comparison.`);
  return { ...model, recordings: 0 };
}
