import { CANONICAL_LABELS } from "../emotion-labels";
import { chiSquareIndependence } from "../statistics/chi-square";
import { cliffsDelta } from "../statistics/cliffs-delta";
import { mannWhitneyU } from "../statistics/mann-whitney";
import { adjustPValues } from "../statistics/multiple-comparisons";
import { centroidPermutationTest } from "../statistics/permutation-test";
import { emotionColumn } from "../statistics/per-patient";
import { createSeededRandom } from "../statistics/seeded-random";
import { StatisticsInputError } from "../statistics/statistics-input-error";
import type { DistanceMetric } from "../statistics/vector-distance";
import { buildUnits, type CohortUnits, type ComparisonUnit, dominantIndex } from "./comparison-units";
import { comparisonWarnings } from "./comparison-warnings";
import type {
  CentroidTest,
  ChiSquareSummary,
  CohortComparison,
  CohortDistribution,
  CohortPairComparison,
  CompareCohortsInput,
  EmotionTest,
} from "./comparison-types";

export const DEFAULT_PERMUTATIONS = 1_000;
export const DEFAULT_SEED = 1;
const CLASSES = CANONICAL_LABELS.length;

/**
 * Two or more cohorts compared on their emotion mix and their position in
 * embedding space. At the default "patient" level each patient's recordings
 * are averaged first, so a talkative patient cannot pass for a cohort effect;
 * "recording" treats recordings as independent and says it in a warning.
 */
export function compareCohorts(input: CompareCohortsInput): CohortComparison {
  const level = input.level ?? "patient";
  const correction = input.correction ?? "holm";
  const seed = input.seed ?? DEFAULT_SEED;
  const permutations = input.permutations ?? DEFAULT_PERMUTATIONS;
  const metrics = input.metrics ?? (["euclidean", "cosine"] as const);
  checkInput(input);

  const built = buildUnits(input.cohorts, input.recordings, level);
  const distributions = input.cohorts.map((cohort) => distribution(cohort.id, cohort.name, built.byCohort.get(cohort.id)!));
  const pairs: CohortPairComparison[] = [];
  const failedCentroids: string[] = [];
  for (let i = 0; i < input.cohorts.length; i++) {
    for (let j = i + 1; j < input.cohorts.length; j++) {
      const a = built.byCohort.get(input.cohorts[i]!.id)!;
      const b = built.byCohort.get(input.cohorts[j]!.id)!;
      const centroid = centroidTests(a.units, b.units, { metrics, permutations, seed }, (metric, reason) =>
        failedCentroids.push(`${input.cohorts[i]!.name} vs ${input.cohorts[j]!.name} (${metric}): ${reason}`),
      );
      pairs.push({
        cohortA: input.cohorts[i]!.id,
        cohortB: input.cohorts[j]!.id,
        unitsA: a.units.length,
        unitsB: b.units.length,
        sharedPatients: sharedPatients(a.units, b.units),
        emotions: emotionTests(a.units, b.units, correction),
        centroid,
      });
    }
  }
  const chiSquare = chiSquareOf(distributions);
  const warnings = comparisonWarnings({ level, distributions, pairs, chiSquare, built, failedCentroids, cohorts: input.cohorts });
  return { level, correction, seed, permutations, cohorts: distributions, pairs, chiSquare, sharedPatientIds: built.sharedPatientIds, warnings };
}

function checkInput(input: CompareCohortsInput): void {
  if (input.cohorts.length < 2) {
    throw new StatisticsInputError("STATISTICS_INVALID_ARGUMENT", `a comparison needs at least two cohorts; got ${input.cohorts.length}`);
  }
  const ids = new Set<string>();
  for (const cohort of input.cohorts) {
    if (ids.has(cohort.id)) throw new StatisticsInputError("STATISTICS_INVALID_ARGUMENT", `cohort ${cohort.name} (${cohort.id}) is listed twice`);
    ids.add(cohort.id);
  }
  for (const recording of input.recordings) {
    if (!ids.has(recording.cohortId)) {
      throw new StatisticsInputError("STATISTICS_INVALID_ARGUMENT", `recording ${recording.recordingId} belongs to cohort ${recording.cohortId}, which is not among the compared cohorts`);
    }
  }
}

function distribution(cohortId: string, name: string, group: CohortUnits): CohortDistribution {
  const { units, withoutData, withoutPatient } = group;
  const mean = new Array<number>(CLASSES).fill(0);
  const dominantCounts = new Array<number>(CLASSES).fill(0);
  const unitSources = { human: 0, model: 0, mixed: 0 };
  const recordingSources = { human: 0, model: 0 };
  const patients = new Set<string>();
  let recordings = 0;
  for (const unit of units) {
    for (let k = 0; k < CLASSES; k++) mean[k]! += unit.proportions[k]! / units.length;
    dominantCounts[dominantIndex(unit.proportions)]!++;
    recordingSources.human += unit.sources.human;
    recordingSources.model += unit.sources.model;
    recordings += unit.recordingCount;
    unitSources[unit.sources.human === 0 ? "model" : unit.sources.model === 0 ? "human" : "mixed"]++;
    if (unit.patientId !== null) patients.add(unit.patientId);
  }
  return {
    cohortId,
    name,
    units: units.length,
    recordings,
    patients: patients.size,
    withoutData,
    withoutPatient,
    meanProportions: mean,
    unitSources,
    recordingSources,
    dominantCounts,
    unitsWithEmbedding: units.filter((unit) => unit.embedding !== null).length,
  };
}

function emotionTests(a: readonly ComparisonUnit[], b: readonly ComparisonUnit[], correction: CompareCohortsInput["correction"]): EmotionTest[] {
  if (a.length === 0 || b.length === 0) return [];
  const tests = CANONICAL_LABELS.map((label) => {
    const x = emotionColumn(a, label);
    const y = emotionColumn(b, label);
    const test = mannWhitneyU(x, y);
    const effect = cliffsDelta(x, y);
    return { label, meanA: mean(x), meanB: mean(y), u: test.u1, p: test.p, pAdjusted: test.p, pMethod: test.method, delta: effect.delta, magnitude: effect.magnitude };
  });
  const adjusted = adjustPValues(
    tests.map((test) => test.p),
    correction === "bh" ? "benjamini-hochberg" : "holm",
  );
  return tests.map((test, k) => ({ ...test, pAdjusted: adjusted[k]! }));
}

function centroidTests(
  a: readonly ComparisonUnit[],
  b: readonly ComparisonUnit[],
  options: { metrics: readonly DistanceMetric[]; permutations: number; seed: number },
  onFailure: (metric: DistanceMetric, reason: string) => void,
): CentroidTest[] {
  const withA = a.filter((unit) => unit.embedding !== null);
  const withB = b.filter((unit) => unit.embedding !== null);
  if (withA.length === 0 || withB.length === 0) return [];
  const dims = withA[0]!.embedding!.length;
  const rows = [...withA, ...withB];
  const points = new Float64Array(rows.length * dims);
  rows.forEach((unit, row) => points.set(unit.embedding!, row * dims));
  const group = rows.map((_, row) => (row < withA.length ? 0 : 1));
  const tests: CentroidTest[] = [];
  for (const metric of options.metrics) {
    try {
      // A fresh generator per test: the same seed gives the same relabellings for every pair and metric.
      const result = centroidPermutationTest({ points, dims, group }, { metric, permutations: options.permutations, random: createSeededRandom(options.seed) });
      tests.push({ metric, observed: result.observed, p: result.p, permutations: result.permutations, sizes: result.sizes });
    } catch (error) {
      if (!(error instanceof StatisticsInputError)) throw error;
      onFailure(metric, error.message);
    }
  }
  return tests;
}

function sharedPatients(a: readonly ComparisonUnit[], b: readonly ComparisonUnit[]): number {
  const inA = new Set(a.flatMap((unit) => (unit.patientId === null ? [] : [unit.patientId])));
  return new Set(b.flatMap((unit) => (unit.patientId !== null && inA.has(unit.patientId) ? [unit.patientId] : []))).size;
}

function chiSquareOf(distributions: readonly CohortDistribution[]): ChiSquareSummary | null {
  const rows = distributions.filter((cohort) => cohort.units > 0);
  if (rows.length < 2) return null;
  const table = rows.map((cohort) => [...cohort.dominantCounts]);
  const result = chiSquareIndependence(table);
  return {
    table,
    cohortIds: rows.map((cohort) => cohort.cohortId),
    statistic: result.statistic,
    dof: result.dof,
    p: result.p,
    cramersV: result.cramersV,
    keptLabels: result.keptColumns.map((k) => CANONICAL_LABELS[k]!),
    droppedLabels: result.droppedColumns.map((k) => CANONICAL_LABELS[k]!),
    smallestExpected: Math.min(...result.expected.flat()),
  };
}

function mean(values: Float64Array): number {
  let sum = 0;
  for (const value of values) sum += value;
  return sum / values.length;
}
