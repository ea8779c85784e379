import type { CanonicalLabel } from "../emotion-labels";
import type { CliffsDeltaMagnitude } from "../statistics/cliffs-delta";
import type { AnalysisUnit } from "../statistics/per-patient";
import type { DistanceMetric } from "../statistics/vector-distance";
import type { RecordingProportions } from "./recording-proportions";

/** The cohort comparison's input and result, plain data shared by the service, the route and the view. */

export type ComparisonCorrection = "holm" | "bh";

export interface ComparisonCohort {
  id: string;
  name: string;
}

/** One recording as a member of one cohort (a recording whose patient is in two cohorts comes twice). */
export interface ComparisonRecording {
  recordingId: string;
  cohortId: string;
  patientId: string | null;
  /** Null: no labels and no analysis by the chosen model; excluded and counted. */
  measure: RecordingProportions | null;
  /** The chosen model's utterance embedding, or null. */
  embedding: ArrayLike<number> | null;
}

export interface CompareCohortsInput {
  /** At least two, in the order the result lists them. */
  cohorts: readonly ComparisonCohort[];
  recordings: readonly ComparisonRecording[];
  level?: AnalysisUnit;
  correction?: ComparisonCorrection;
  seed?: number;
  permutations?: number;
  metrics?: readonly DistanceMetric[];
}

export interface SourceCounts {
  human: number;
  model: number;
}

export interface CohortDistribution {
  cohortId: string;
  name: string;
  /** What the tests count: patients (level "patient"), recordings (level "recording"). */
  units: number;
  /** Recordings that entered the statistics. */
  recordings: number;
  /** Distinct patients among those recordings. */
  patients: number;
  /** Recordings with neither labels nor an analysis by the chosen model. */
  withoutData: number;
  /** Recordings without a patient; at patient level each is its own unit. */
  withoutPatient: number;
  /** Mean of the units' proportions, canonical order (each unit weighs the same). */
  meanProportions: number[];
  /** Units by label source; a patient with both human-labelled and model-only recordings is "mixed". */
  unitSources: SourceCounts & { mixed: number };
  recordingSources: SourceCounts;
  /** Units counted under their dominant emotion (the largest share; ties go to the first in canonical order). */
  dominantCounts: number[];
  unitsWithEmbedding: number;
}

export interface EmotionTest {
  label: CanonicalLabel;
  meanA: number;
  meanB: number;
  /** Mann–Whitney U of cohort A (pairs a > b, ties ½). */
  u: number;
  p: number;
  /** Adjusted across the nine emotions of this pair. */
  pAdjusted: number;
  pMethod: "asymptotic" | "exact";
  /** Cliff's delta of A against B: positive when A's shares tend to be larger. */
  delta: number;
  magnitude: CliffsDeltaMagnitude;
}

export interface CentroidTest {
  metric: DistanceMetric;
  observed: number;
  p: number;
  permutations: number;
  /** Units with embeddings in A and in B. */
  sizes: [number, number];
}

export interface CohortPairComparison {
  cohortA: string;
  cohortB: string;
  unitsA: number;
  unitsB: number;
  /** Patients who belong to both cohorts: counted in both, so the two samples are not independent. */
  sharedPatients: number;
  /** Empty when either cohort has no units. */
  emotions: EmotionTest[];
  /** Empty when either cohort has no unit with an embedding. */
  centroid: CentroidTest[];
}

export interface ChiSquareSummary {
  /** Cohorts (rows, result order) × the nine emotions; units counted by dominant emotion. */
  table: number[][];
  cohortIds: string[];
  statistic: number;
  dof: number;
  p: number;
  cramersV: number;
  keptLabels: CanonicalLabel[];
  /** Emotions no unit of any cohort had as its dominant one (all-zero columns, left out of the test). */
  droppedLabels: CanonicalLabel[];
  /** Expected counts below 5 make the chi-square approximation unreliable. */
  smallestExpected: number;
}

export type ComparisonWarningCode =
  | "SMALL_SAMPLE"
  | "EMPTY_COHORT"
  | "SHARED_PATIENTS"
  | "RECORDINGS_NOT_INDEPENDENT"
  | "WITHOUT_PATIENT"
  | "WITHOUT_DATA"
  | "MISSING_EMBEDDINGS"
  | "EMBEDDING_DIMENSIONS"
  | "SMALL_EXPECTED_COUNTS";

export interface ComparisonWarning {
  code: ComparisonWarningCode;
  message: string;
}

export interface CohortComparison {
  level: AnalysisUnit;
  correction: ComparisonCorrection;
  seed: number;
  permutations: number;
  cohorts: CohortDistribution[];
  /** Every pair (i < j) in cohort order. */
  pairs: CohortPairComparison[];
  /** Null when fewer than two cohorts have units. */
  chiSquare: ChiSquareSummary | null;
  /** Patients in more than one of the selected cohorts. */
  sharedPatientIds: string[];
  warnings: ComparisonWarning[];
}
