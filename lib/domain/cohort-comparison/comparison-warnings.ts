import type { AnalysisUnit } from "../statistics/per-patient";
import type { BuiltUnits } from "./comparison-units";
import type { ChiSquareSummary, CohortDistribution, CohortPairComparison, ComparisonCohort, ComparisonWarning } from "./comparison-types";

/** Below this many units per cohort the rank tests can hardly reach significance, whatever the effect. */
export const SMALL_SAMPLE_UNITS = 5;
/** The usual rule of thumb for the chi-square approximation. */
const SMALL_EXPECTED_COUNT = 5;

export interface WarningInput {
  level: AnalysisUnit;
  cohorts: readonly ComparisonCohort[];
  distributions: readonly CohortDistribution[];
  pairs: readonly CohortPairComparison[];
  chiSquare: ChiSquareSummary | null;
  built: BuiltUnits;
  /** "A vs B (cosine): reason" for centroid tests that could not run. */
  failedCentroids: readonly string[];
}

/** What a researcher must know before reading the numbers, each naming the cohort it concerns. */
export function comparisonWarnings(input: WarningInput): ComparisonWarning[] {
  const { level, distributions, chiSquare, built } = input;
  const noun = (count: number) => (level === "patient" ? plural(count, "patient") : plural(count, "recording"));
  const warnings: ComparisonWarning[] = [];
  if (level === "recording") {
    warnings.push({
      code: "RECORDINGS_NOT_INDEPENDENT",
      message: "Each recording counts as its own unit, but a patient's recordings are not independent of each other: the p-values come out too small and speaker differences can pass for cohort differences. Aggregate per patient for inference.",
    });
  }
  for (const cohort of distributions) {
    if (cohort.units === 0) {
      warnings.push({ code: "EMPTY_COHORT", message: `${cohort.name} has no recording with labels or an analysis by the chosen model; it is left out of the tests.` });
    } else if (cohort.units < SMALL_SAMPLE_UNITS) {
      warnings.push({
        code: "SMALL_SAMPLE",
        message: `${cohort.name} has only ${noun(cohort.units)}: with fewer than ${SMALL_SAMPLE_UNITS} per cohort the tests can hardly detect a difference, and a non-significant result says little.`,
      });
    }
    if (cohort.withoutData > 0) {
      warnings.push({
        code: "WITHOUT_DATA",
        message: `${plural(cohort.withoutData, "recording")} in ${cohort.name} ${cohort.withoutData === 1 ? "has" : "have"} neither human labels nor an analysis by the chosen model and ${cohort.withoutData === 1 ? "is" : "are"} left out.`,
      });
    }
    if (cohort.withoutPatient > 0 && level === "patient") {
      warnings.push({ code: "WITHOUT_PATIENT", message: `${plural(cohort.withoutPatient, "recording")} in ${cohort.name} ${cohort.withoutPatient === 1 ? "belongs" : "belong"} to no patient; each counts as a unit of its own.` });
    }
    const missing = cohort.units - cohort.unitsWithEmbedding;
    if (cohort.units > 0 && missing > 0) {
      warnings.push({
        code: "MISSING_EMBEDDINGS",
        message: `${missing} of ${noun(cohort.units)} in ${cohort.name} ${missing === 1 ? "has" : "have"} no embedding by the chosen model and ${missing === 1 ? "is" : "are"} left out of the centroid test.`,
      });
    }
  }
  if (built.sharedPatientIds.length > 0) {
    const names = new Map(input.cohorts.map((cohort) => [cohort.id, cohort.name]));
    const pairs = input.pairs.filter((pair) => pair.sharedPatients > 0).map((pair) => `${names.get(pair.cohortA)} and ${names.get(pair.cohortB)}: ${pair.sharedPatients}`);
    warnings.push({
      code: "SHARED_PATIENTS",
      message: `${plural(built.sharedPatientIds.length, "patient")} ${built.sharedPatientIds.length === 1 ? "belongs" : "belong"} to more than one of these cohorts (${pairs.join("; ")}). They are counted in each, so those samples are not independent and the tests between them are not exact.`,
    });
  }
  if (built.unusableEmbeddings > 0 || input.failedCentroids.length > 0) {
    const parts = [
      ...(built.unusableEmbeddings > 0 ? [`${plural(built.unusableEmbeddings, "embedding")} had another length than the others or values that are not numbers and were left out`] : []),
      ...input.failedCentroids.map((failure) => `no centroid test for ${failure}`),
    ];
    warnings.push({ code: "EMBEDDING_DIMENSIONS", message: `${parts.join("; ")}.` });
  }
  if (chiSquare && chiSquare.dof > 0 && chiSquare.smallestExpected < SMALL_EXPECTED_COUNT) {
    warnings.push({
      code: "SMALL_EXPECTED_COUNTS",
      message: `The chi-square table has expected counts below ${SMALL_EXPECTED_COUNT} (smallest ${chiSquare.smallestExpected.toFixed(2)}); its p-value is only approximate.`,
    });
  }
  return warnings;
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? "" : "s"}`;
}
