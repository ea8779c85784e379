import type { CanonicalLabel } from "@/lib/domain/emotion-labels";
import type { CurvesJson } from "../api-types";
import { EditorDataError } from "./editor-data-error";

/**
 * The curves route's answer as typed arrays for drawing (NaN where a bucket
 * holds no frame), and the small pieces of arithmetic the lanes and the
 * tooltip share: which bucket a time falls in, the scores there, the top
 * class, smoothing and stacking.
 */
export interface CurveSeries {
  labels: CanonicalLabel[];
  classes: number;
  from: number;
  to: number;
  bucketSeconds: number;
  buckets: number;
  perFrame: boolean;
  /** buckets × classes, row-major. */
  min: Float32Array;
  max: Float32Array;
  mean: Float32Array;
}

export function toCurveSeries(json: Pick<CurvesJson, "labels" | "from" | "to" | "bucketSeconds" | "buckets" | "perFrame" | "min" | "max" | "mean">): CurveSeries {
  const classes = json.labels.length;
  const expected = json.buckets * classes;
  for (const name of ["min", "max", "mean"] as const) {
    if (json[name].length !== expected) {
      throw new EditorDataError(`curves response: ${name} has ${json[name].length} values, but ${json.buckets} buckets × ${classes} classes need ${expected}`);
    }
  }
  const typed = (values: readonly (number | null)[]) => Float32Array.from(values, (value) => (value === null ? Number.NaN : value));
  return {
    labels: [...json.labels],
    classes,
    from: json.from,
    to: json.to,
    bucketSeconds: json.bucketSeconds,
    buckets: json.buckets,
    perFrame: json.perFrame,
    min: typed(json.min),
    max: typed(json.max),
    mean: typed(json.mean),
  };
}

/** The bucket holding `seconds`, or -1 outside the series. */
export function bucketAt(series: Pick<CurveSeries, "from" | "bucketSeconds" | "buckets">, seconds: number): number {
  if (!(series.bucketSeconds > 0)) return -1;
  const bucket = Math.floor((seconds - series.from) / series.bucketSeconds);
  return bucket >= 0 && bucket < series.buckets ? bucket : -1;
}

/** The nine mean scores at a time, or null where there is no frame. */
export function scoresAt(series: CurveSeries, seconds: number, values: Float32Array = series.mean): number[] | null {
  const bucket = bucketAt(series, seconds);
  if (bucket < 0) return null;
  const row = Array.from(values.subarray(bucket * series.classes, (bucket + 1) * series.classes));
  return row.some((value) => Number.isNaN(value)) ? null : row;
}

/** Index of the highest score (the first on a tie), -1 for none. */
export function topIndex(scores: ArrayLike<number>): number {
  let best = -1;
  for (let index = 0; index < scores.length; index++) {
    const value = scores[index]!;
    if (!Number.isNaN(value) && (best < 0 || value > scores[best]!)) best = index;
  }
  return best;
}

/**
 * A centred moving average over `radius` buckets each side, per class.
 * Buckets without frames stay empty and are left out of their neighbours'
 * averages, so smoothing never invents a curve across a gap's edges.
 */
export function smoothRows(values: Float32Array, classes: number, radius: number): Float32Array {
  if (radius <= 0) return values;
  const buckets = Math.floor(values.length / classes);
  const out = new Float32Array(values.length);
  for (let k = 0; k < classes; k++) {
    let sum = 0;
    let count = 0;
    // Running window [bucket - radius, bucket + radius].
    for (let bucket = -radius; bucket < buckets; bucket++) {
      const entering = bucket + radius;
      if (entering < buckets) {
        const value = values[entering * classes + k]!;
        if (!Number.isNaN(value)) {
          sum += value;
          count++;
        }
      }
      const leaving = bucket - radius - 1;
      if (leaving >= 0) {
        const value = values[leaving * classes + k]!;
        if (!Number.isNaN(value)) {
          sum -= value;
          count--;
        }
      }
      if (bucket < 0) continue;
      const own = values[bucket * classes + k]!;
      out[bucket * classes + k] = Number.isNaN(own) || count === 0 ? Number.NaN : sum / count;
    }
  }
  return out;
}

/** The series with min, max and mean smoothed alike (the band follows its line). */
export function smoothSeries(series: CurveSeries, radius: number): CurveSeries {
  if (radius <= 0) return series;
  return {
    ...series,
    min: smoothRows(series.min, series.classes, radius),
    max: smoothRows(series.max, series.classes, radius),
    mean: smoothRows(series.mean, series.classes, radius),
  };
}

/**
 * Stacked-area edges of one bucket: edge k is the sum of the shown classes
 * before class k, edge `classes` the sum of all shown; a hidden class adds
 * nothing, so the others close up. Null for a bucket without frames.
 */
export function stackEdges(values: Float32Array, classes: number, bucket: number, shown: readonly boolean[]): Float64Array | null {
  const edges = new Float64Array(classes + 1);
  let sum = 0;
  for (let k = 0; k < classes; k++) {
    const value = values[bucket * classes + k]!;
    if (Number.isNaN(value)) return null;
    edges[k] = sum;
    if (shown[k]) sum += Math.max(0, value);
  }
  edges[classes] = sum;
  return edges;
}

/** The mean scores of a one-bucket curves answer (a region's average), or null. */
export function singleBucketScores(series: CurveSeries): number[] | null {
  if (series.buckets < 1) return null;
  const row = Array.from(series.mean.subarray(0, series.classes));
  return row.some((value) => Number.isNaN(value)) ? null : row;
}
