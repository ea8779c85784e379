import { describe, expect, it } from "vitest";
import { CANONICAL_LABELS } from "@/lib/domain/emotion-labels";
import { bucketAt, scoresAt, singleBucketScores, smoothRows, smoothSeries, stackEdges, toCurveSeries, topIndex } from "./curve-series";

const K = CANONICAL_LABELS.length;

/** Three buckets of 0.5 s from 10 s; bucket 1 holds no frame. */
function json() {
  const row = (top: number) => CANONICAL_LABELS.map((_, k) => (k === top ? 0.6 : 0.05));
  const mean = [...row(3), ...Array<null>(K).fill(null), ...row(6)];
  return {
    labels: [...CANONICAL_LABELS],
    from: 10,
    to: 11.5,
    bucketSeconds: 0.5,
    buckets: 3,
    perFrame: false,
    min: mean.map((value) => (value === null ? null : value / 2)),
    max: mean.map((value) => (value === null ? null : Math.min(1, value * 1.5))),
    mean,
  };
}

describe("toCurveSeries", () => {
  it("turns nulls into NaN and keeps the bucket geometry", () => {
    const series = toCurveSeries(json());
    expect(series).toMatchObject({ classes: 9, from: 10, bucketSeconds: 0.5, buckets: 3 });
    expect(series.mean[3]).toBeCloseTo(0.6);
    expect(Number.isNaN(series.mean[K])).toBe(true);
  });

  it("refuses arrays that are not buckets × classes", () => {
    expect(() => toCurveSeries({ ...json(), mean: [0.5] })).toThrow(/mean has 1 values, but 3 buckets × 9 classes need 27/);
  });
});

describe("looking up a time", () => {
  const series = toCurveSeries(json());

  it("finds the bucket and its scores, and nothing outside or in a gap", () => {
    expect(bucketAt(series, 10)).toBe(0);
    expect(bucketAt(series, 11.49)).toBe(2);
    expect(bucketAt(series, 11.5)).toBe(-1);
    expect(bucketAt(series, 9.9)).toBe(-1);
    expect(topIndex(scoresAt(series, 10.2)!)).toBe(3);
    expect(CANONICAL_LABELS[topIndex(scoresAt(series, 11.2)!)]).toBe("sad");
    expect(scoresAt(series, 10.7)).toBeNull();
    expect(scoresAt(series, 20)).toBeNull();
  });

  it("takes the first of equal top scores and skips NaN", () => {
    expect(topIndex([0.2, 0.5, 0.5])).toBe(1);
    expect(topIndex([Number.NaN, 0.1])).toBe(1);
    expect(topIndex([])).toBe(-1);
  });

  it("reads a region's average from a one-bucket answer", () => {
    const one = toCurveSeries({ ...json(), buckets: 1, to: 10.5, min: json().min.slice(0, K), max: json().max.slice(0, K), mean: json().mean.slice(0, K) });
    expect(topIndex(singleBucketScores(one)!)).toBe(3);
  });
});

describe("smoothRows", () => {
  it("averages each class over a centred window, shorter at the ends", () => {
    const values = Float32Array.from([0, 10, 3, 30, 6, 60]); // two classes, three buckets
    const smoothed = smoothRows(values, 2, 1);
    expect(Array.from(smoothed, (value) => Number(value.toFixed(3)))).toEqual([1.5, 20, 3, 33.333, 4.5, 45]);
  });

  it("leaves gaps empty and keeps them out of their neighbours' averages", () => {
    const values = Float32Array.from([1, Number.NaN, 3, 5]);
    const smoothed = smoothRows(values, 1, 1);
    expect(smoothed[0]).toBe(1);
    expect(Number.isNaN(smoothed[1]!)).toBe(true);
    expect(smoothed[2]).toBe(4);
    expect(smoothed[3]).toBe(4);
  });

  it("returns the input untouched at radius 0", () => {
    const values = Float32Array.from([1, 2]);
    expect(smoothRows(values, 1, 0)).toBe(values);
  });

  it("flattens a single spike by the window's width", () => {
    const values = new Float32Array(11);
    values[5] = 1;
    const smoothed = smoothRows(values, 1, 2);
    expect(smoothed[5]).toBeCloseTo(0.2);
    expect(smoothed[3]).toBeCloseTo(0.2);
    expect(smoothed[2]).toBe(0);
  });

  it("smooths min, max and mean together", () => {
    const series = toCurveSeries(json());
    const smoothed = smoothSeries(series, 1);
    expect(smoothed.mean).not.toBe(series.mean);
    expect(smoothed.max[0]).toBeCloseTo(series.max[0]!);
    expect(smoothSeries(series, 0)).toBe(series);
  });
});

describe("stackEdges", () => {
  it("stacks shown classes in order and closes up around hidden ones", () => {
    const values = Float32Array.from([0.2, 0.3, 0.5]);
    expect(Array.from(stackEdges(values, 3, 0, [true, true, true])!, (value) => Number(value.toFixed(6)))).toEqual([0, 0.2, 0.5, 1]);
    const edges = Array.from(stackEdges(values, 3, 0, [true, false, true])!);
    expect(edges.map((value) => Number(value.toFixed(6)))).toEqual([0, 0.2, 0.2, 0.7]);
  });

  it("has no edges for a bucket without frames", () => {
    expect(stackEdges(Float32Array.from([Number.NaN, 1]), 2, 0, [true, true])).toBeNull();
  });
});
