import { toCsv } from "../csv-table";
import { CANONICAL_LABELS } from "../emotion-labels";
import type { CohortComparison } from "./comparison-types";

export interface CsvFile {
  name: string;
  text: string;
}

/**
 * The comparison as spreadsheet files, one table each: per-cohort
 * distributions, the pairwise emotion tests, the centroid tests and the
 * chi-square table. Every row repeats the level (and where it matters the
 * correction and seed), so a file read on its own still says what it counts.
 */
export function comparisonToCsv(result: CohortComparison): CsvFile[] {
  const name = new Map(result.cohorts.map((cohort) => [cohort.cohortId, cohort.name]));
  const correction = result.correction === "bh" ? "benjamini-hochberg" : "holm";
  const distributions = toCsv(
    [
      "cohort",
      "level",
      "units",
      "recordings",
      "patients",
      "units_human",
      "units_model",
      "units_mixed",
      "recordings_human",
      "recordings_model",
      "recordings_without_labels_or_analysis",
      ...CANONICAL_LABELS.map((label) => `mean_${label}`),
      ...CANONICAL_LABELS.map((label) => `dominant_${label}`),
    ],
    result.cohorts.map((cohort) => [
      cohort.name,
      result.level,
      cohort.units,
      cohort.recordings,
      cohort.patients,
      cohort.unitSources.human,
      cohort.unitSources.model,
      cohort.unitSources.mixed,
      cohort.recordingSources.human,
      cohort.recordingSources.model,
      cohort.withoutData,
      ...cohort.meanProportions,
      ...cohort.dominantCounts,
    ]),
  );
  const pairwise = toCsv(
    ["cohort_a", "cohort_b", "level", "emotion", "n_a", "n_b", "mean_a", "mean_b", "mann_whitney_u", "p", "p_adjusted", "correction", "p_method", "cliffs_delta", "magnitude", "shared_patients"],
    result.pairs.flatMap((pair) =>
      pair.emotions.map((test) => [
        name.get(pair.cohortA),
        name.get(pair.cohortB),
        result.level,
        test.label,
        pair.unitsA,
        pair.unitsB,
        test.meanA,
        test.meanB,
        test.u,
        test.p,
        test.pAdjusted,
        correction,
        test.pMethod,
        test.delta,
        test.magnitude,
        pair.sharedPatients,
      ]),
    ),
  );
  const centroid = toCsv(
    ["cohort_a", "cohort_b", "level", "metric", "n_a", "n_b", "centroid_distance", "p", "permutations", "seed"],
    result.pairs.flatMap((pair) =>
      pair.centroid.map((test) => [name.get(pair.cohortA), name.get(pair.cohortB), result.level, test.metric, test.sizes[0], test.sizes[1], test.observed, test.p, test.permutations, result.seed]),
    ),
  );
  const chi = result.chiSquare;
  const chiSquare = toCsv(
    ["cohort", "level", ...CANONICAL_LABELS.map((label) => `dominant_${label}`), "chi_square", "dof", "p", "cramers_v", "emotions_left_out"],
    chi ? chi.table.map((row, r) => [name.get(chi.cohortIds[r]!), result.level, ...row, chi.statistic, chi.dof, chi.p, chi.cramersV, chi.droppedLabels.join(" ")]) : [],
  );
  return [
    { name: "cohort-distributions.csv", text: distributions },
    { name: "cohort-pairwise-tests.csv", text: pairwise },
    { name: "cohort-centroid-tests.csv", text: centroid },
    { name: "cohort-chi-square.csv", text: chiSquare },
  ];
}
