/**
 * What the cohort routes answer. Type-only, like api-types.ts (erased at
 * build time, so no server code reaches the bundle); move these lines into
 * api-types.ts when it is next touched.
 */
export type { CohortComparisonJson } from "@/lib/cohorts/cohort-comparison-service";
export type { PatientTrajectoryJson } from "@/lib/cohorts/patient-trajectory-service";
export type { CohortDeletedJson, CohortDetailJson, CohortListJson, CohortWriteJson } from "@/lib/cohorts/serve-cohorts";
export type { AnalysedModel, CohortListing, CohortPatient } from "@/lib/db/cohort.repository";
export type {
  CentroidTest,
  ChiSquareSummary,
  CohortComparison,
  CohortDistribution,
  CohortPairComparison,
  ComparisonCorrection,
  ComparisonWarning,
  EmotionTest,
} from "@/lib/domain/cohort-comparison/comparison-types";
export type { TrajectorySessionView, TrajectoryView } from "@/lib/domain/cohort-comparison/trajectory-sessions";
export type { AnalysisUnit } from "@/lib/domain/statistics/per-patient";
