import { CANONICAL_LABELS } from "../emotion-labels";
import { type AnalysisUnit, proportionsByUnit, type UnitEmotionProportions } from "../statistics/per-patient";
import type { ComparisonCohort, ComparisonRecording, SourceCounts } from "./comparison-types";

/** The units a cohort comparison tests: patients (recordings averaged) or recordings, with their label sources and embeddings. */

export interface ComparisonUnit extends UnitEmotionProportions {
  /** How many of the unit's recordings had human labels and how many only the model. */
  sources: SourceCounts;
  /** Mean of the unit's recordings' embeddings (those that have one), or null. */
  embedding: Float64Array | null;
}

export interface CohortUnits {
  units: ComparisonUnit[];
  withoutData: number;
  withoutPatient: number;
}

export interface BuiltUnits {
  byCohort: Map<string, CohortUnits>;
  /** Patients with recordings in more than one of the cohorts, sorted. */
  sharedPatientIds: string[];
  /** Recordings whose embedding was left out: another length than the first one seen, or values that are not finite. */
  unusableEmbeddings: number;
}

/**
 * Recordings without a patient (only possible for callers that do not go
 * through cohort membership) become units of their own at patient level:
 * leaving them out silently would change n, and they are flagged in the
 * warnings instead.
 */
export function buildUnits(cohorts: readonly ComparisonCohort[], recordings: readonly ComparisonRecording[], level: AnalysisUnit): BuiltUnits {
  const dims = recordings.find((recording) => recording.embedding !== null)?.embedding?.length ?? 0;
  const unusable = new Set<string>();
  const usable = ({ recordingId, embedding }: ComparisonRecording): ArrayLike<number> | null => {
    if (embedding === null) return null;
    if (embedding.length === dims && allFinite(embedding)) return embedding;
    unusable.add(recordingId);
    return null;
  };

  const byCohort = new Map<string, CohortUnits>();
  const cohortsOfPatient = new Map<string, Set<string>>();
  for (const cohort of cohorts) {
    const members = recordings.filter((recording) => recording.cohortId === cohort.id);
    for (const recording of members) {
      if (recording.patientId === null) continue;
      const set = cohortsOfPatient.get(recording.patientId) ?? new Set<string>();
      set.add(cohort.id);
      cohortsOfPatient.set(recording.patientId, set);
    }
    const measured = members.flatMap((recording) => (recording.measure ? [{ ...recording, measure: recording.measure, embedding: usable(recording) }] : []));
    const grouped = proportionsByUnit(
      measured.map((recording) => ({ recordingId: recording.recordingId, patientId: recording.patientId, proportions: recording.measure.proportions })),
      level,
    );
    const alone = new Set(grouped.withoutPatient);
    const ownUnits = measured
      .filter((recording) => alone.has(recording.recordingId))
      .map((recording) => ({ unitId: recording.recordingId, patientId: null, recordingCount: 1, proportions: [...recording.measure.proportions] }));
    const unitOf = (recording: (typeof measured)[number]) => (level === "patient" && recording.patientId !== null ? recording.patientId : recording.recordingId);
    const recordingsOfUnit = new Map<string, (typeof measured)[number][]>();
    for (const recording of measured) {
      const key = unitOf(recording);
      const list = recordingsOfUnit.get(key);
      if (list) list.push(recording);
      else recordingsOfUnit.set(key, [recording]);
    }
    const units = [...grouped.units, ...ownUnits].map((unit): ComparisonUnit => {
      const own = recordingsOfUnit.get(unit.unitId) ?? [];
      return {
        ...unit,
        sources: {
          human: own.filter((recording) => recording.measure.source === "human").length,
          model: own.filter((recording) => recording.measure.source === "model").length,
        },
        embedding: meanOf(own.flatMap((recording) => (recording.embedding ? [recording.embedding] : [])), dims),
      };
    });
    byCohort.set(cohort.id, {
      units,
      withoutData: members.length - measured.length,
      withoutPatient: measured.filter((recording) => recording.patientId === null).length,
    });
  }
  const sharedPatientIds = [...cohortsOfPatient].filter(([, set]) => set.size > 1).map(([patientId]) => patientId).sort();
  return { byCohort, sharedPatientIds, unusableEmbeddings: unusable.size };
}

/** The index of the largest share; ties go to the first label in canonical order. */
export function dominantIndex(proportions: ArrayLike<number>): number {
  let best = 0;
  for (let k = 1; k < CANONICAL_LABELS.length; k++) if (proportions[k]! > proportions[best]!) best = k;
  return best;
}

function meanOf(vectors: readonly ArrayLike<number>[], dims: number): Float64Array | null {
  if (vectors.length === 0) return null;
  const sum = new Float64Array(dims);
  for (const vector of vectors) for (let d = 0; d < dims; d++) sum[d]! += vector[d]!;
  for (let d = 0; d < dims; d++) sum[d]! /= vectors.length;
  return sum;
}

function allFinite(values: ArrayLike<number>): boolean {
  for (let i = 0; i < values.length; i++) if (!Number.isFinite(values[i]!)) return false;
  return true;
}
