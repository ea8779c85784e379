import { ProjectionInputError } from "../projection-input-error";
import type { ProjectionMetric } from "../projection-metric";
import { cosineFromDot } from "./pair-distance";

export const NO_COHORT_LABEL = "No cohort";
export const UNLABELLED_EMOTION_LABEL = "Unlabelled";
export const NOISE_CLUSTER_ID = -1;

export interface LabelCount {
  readonly label: string;
  readonly count: number;
}

export interface ClusterSummary {
  /** The cluster's label, or NOISE_CLUSTER_ID for the points in no cluster. */
  readonly id: number;
  readonly size: number;
  /** Points per cohort, most first (ties by label); null cohorts count as NO_COHORT_LABEL. */
  readonly cohortMix: readonly LabelCount[];
  /** Points per emotion label, most first (ties by label); null as UNLABELLED_EMOTION_LABEL. */
  readonly emotionMix: readonly LabelCount[];
  /** Points nearest the cluster's centroid in the full space, nearest first (ties to the lower index); none for noise, which has no centre. */
  readonly representatives: readonly number[];
}

export interface SummariseClustersInput {
  /** Cluster per point; -1 is noise. */
  readonly labels: Int32Array;
  /** n x dims, row-major: the full embeddings, not a projection. */
  readonly vectors: Float32Array;
  readonly dims: number;
  readonly metric: ProjectionMetric;
  readonly pointCohorts: readonly (string | null)[];
  readonly pointEmotions: readonly (string | null)[];
  /** Representatives per cluster. Default 5. */
  readonly representatives?: number;
}

/**
 * Per cluster, in ascending id, then one entry for noise when there is any:
 * size, cohort and emotion mixes, and the points nearest the centroid (the
 * mean; under cosine the mean of the unit vectors, a direction), a
 * medoid-like choice of recordings to listen to.
 */
export function summariseClusters(input: SummariseClustersInput): ClusterSummary[] {
  const { labels, vectors, dims, metric, pointCohorts, pointEmotions } = input;
  const wanted = input.representatives ?? 5;
  const n = labels.length;
  if (vectors.length !== n * dims) throw new ProjectionInputError(`${n} labels were given for ${vectors.length / dims} embeddings of ${dims} dimensions`);
  if (pointCohorts.length !== n || pointEmotions.length !== n) {
    throw new ProjectionInputError(`${n} labels were given with ${pointCohorts.length} cohorts and ${pointEmotions.length} emotions`);
  }
  if (!Number.isInteger(wanted) || wanted < 0) throw new ProjectionInputError(`representatives must be a whole number of 0 or more, not ${wanted}`);

  const members = new Map<number, number[]>();
  for (let i = 0; i < n; i += 1) {
    const id = labels[i]! < 0 ? NOISE_CLUSTER_ID : labels[i]!;
    const list = members.get(id);
    if (list) list.push(i);
    else members.set(id, [i]);
  }
  const ids = [...members.keys()].sort((a, b) => (a === NOISE_CLUSTER_ID ? 1 : b === NOISE_CLUSTER_ID ? -1 : a - b));
  return ids.map((id) => {
    const points = members.get(id)!;
    return {
      id,
      size: points.length,
      cohortMix: mix(points, pointCohorts, NO_COHORT_LABEL),
      emotionMix: mix(points, pointEmotions, UNLABELLED_EMOTION_LABEL),
      representatives: id === NOISE_CLUSTER_ID ? [] : nearestToCentroid(points, vectors, dims, metric, wanted),
    };
  });
}

function mix(points: readonly number[], values: readonly (string | null)[], missing: string): LabelCount[] {
  const counts = new Map<string, number>();
  for (const i of points) {
    const label = values[i] ?? missing;
    counts.set(label, (counts.get(label) ?? 0) + 1);
  }
  return [...counts]
    .map(([label, count]) => ({ label, count }))
    .sort((a, b) => b.count - a.count || (a.label < b.label ? -1 : a.label > b.label ? 1 : 0));
}

function nearestToCentroid(points: readonly number[], vectors: Float32Array, dims: number, metric: ProjectionMetric, wanted: number): number[] {
  const cosine = metric === "cosine";
  const squaredNorm = (i: number): number => {
    let sum = 0;
    for (let d = 0; d < dims; d += 1) sum += vectors[i * dims + d]! ** 2;
    return sum;
  };
  const centroid = new Float64Array(dims);
  for (const i of points) {
    const squared = cosine ? squaredNorm(i) : 1;
    const scale = squared > 0 ? 1 / Math.sqrt(squared) / points.length : 0;
    for (let d = 0; d < dims; d += 1) centroid[d] = centroid[d]! + vectors[i * dims + d]! * (cosine ? scale : 1 / points.length);
  }
  const centroidSquared = centroid.reduce((sum, value) => sum + value * value, 0);
  const distance = (i: number): number => {
    let sum = 0;
    for (let d = 0; d < dims; d += 1) sum += cosine ? vectors[i * dims + d]! * centroid[d]! : (vectors[i * dims + d]! - centroid[d]!) ** 2;
    return cosine ? cosineFromDot(sum, squaredNorm(i), centroidSquared) : sum;
  };
  return points
    .map((i) => ({ i, distance: distance(i) }))
    .sort((a, b) => a.distance - b.distance || a.i - b.i)
    .slice(0, wanted)
    .map(({ i }) => i);
}
