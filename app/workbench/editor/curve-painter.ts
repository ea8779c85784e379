import { type CurveSeries, stackEdges } from "./curve-series";
import type { CurveMode } from "./editor-preferences";
import { timeToX, type TimeView } from "./time-scale";

/**
 * Draws emotion curves into a lane's canvas for the visible window: lines of
 * the mean per bucket with an optional min–max band, or stacked areas of the
 * means. Only buckets on screen are walked; a series finer than the screen
 * (left over from a deeper zoom until the new one arrives) is thinned.
 */
export interface CurvePaintOptions {
  /** Draw only over this stretch (seconds), leaving the rest of the canvas as it is: a detailed window over the overview. */
  clip?: { from: number; to: number };
  mode: CurveMode;
  shown: readonly boolean[];
  band: boolean;
  colors: readonly string[];
  gridColor: string;
}

export function paintCurves(
  context: CanvasRenderingContext2D,
  series: CurveSeries | null,
  view: TimeView,
  size: { width: number; height: number; pixelRatio: number },
  options: CurvePaintOptions,
): void {
  const { width, height, pixelRatio } = size;
  context.setTransform(pixelRatio, 0, 0, pixelRatio, 0, 0);
  context.save();
  if (options.clip) {
    const x0 = Math.max(0, Math.floor(timeToX(view, options.clip.from)));
    const x1 = Math.min(width, Math.ceil(timeToX(view, options.clip.to)));
    if (x1 <= x0) {
      context.restore();
      return;
    }
    context.beginPath();
    context.rect(x0, 0, x1 - x0, height);
    context.clip();
    context.clearRect(x0, 0, x1 - x0, height);
  } else context.clearRect(0, 0, width, height);
  paintGrid(context, width, height, options.gridColor);
  if (series && series.buckets > 0) paintSeries(context, series, view, size, options);
  context.restore();
}

function paintSeries(
  context: CanvasRenderingContext2D,
  series: CurveSeries,
  view: TimeView,
  size: { width: number; height: number },
  options: CurvePaintOptions,
): void {
  const { width, height } = size;
  const { from, bucketSeconds, buckets, classes } = series;
  const viewEnd = view.startSeconds + width / view.pixelsPerSecond;
  const first = Math.max(0, Math.floor((view.startSeconds - from) / bucketSeconds) - 1);
  const last = Math.min(buckets - 1, Math.ceil((viewEnd - from) / bucketSeconds) + 1);
  if (last < first) return;
  const stride = Math.max(1, Math.floor((last - first + 1) / (2 * width)));
  const xOf = (bucket: number) => timeToX(view, from + (bucket + 0.5) * bucketSeconds);
  const yOf = (value: number) => height * (1 - Math.min(1, Math.max(0, value)));

  if (options.mode === "stacked") {
    paintStacked(context, series, { first, last, stride, xOf, yOf }, options);
    return;
  }
  for (let k = 0; k < classes; k++) {
    if (!options.shown[k]) continue;
    const color = options.colors[k] ?? "#888";
    if (options.band) {
      context.globalAlpha = 0.16;
      context.fillStyle = color;
      for (const run of runs(series.mean, classes, k, first, last, stride)) {
        context.beginPath();
        for (let index = 0; index < run.length; index++) {
          const bucket = run[index]!;
          const x = xOf(bucket);
          const y = yOf(series.max[bucket * classes + k]!);
          if (index === 0) context.moveTo(x, y);
          else context.lineTo(x, y);
        }
        for (let index = run.length - 1; index >= 0; index--) {
          const bucket = run[index]!;
          context.lineTo(xOf(bucket), yOf(series.min[bucket * classes + k]!));
        }
        context.closePath();
        context.fill();
      }
      context.globalAlpha = 1;
    }
    context.strokeStyle = color;
    context.lineWidth = 1.5;
    context.lineJoin = "round";
    context.beginPath();
    for (const run of runs(series.mean, classes, k, first, last, stride)) {
      run.forEach((bucket, index) => {
        const x = xOf(bucket);
        const y = yOf(series.mean[bucket * classes + k]!);
        if (index === 0) context.moveTo(x, y);
        else context.lineTo(x, y);
      });
      // A run of one bucket still shows as a dot.
      if (run.length === 1) context.lineTo(xOf(run[0]!) + 0.5, yOf(series.mean[run[0]! * classes + k]!));
    }
    context.stroke();
  }
}

interface Walk {
  first: number;
  last: number;
  stride: number;
  xOf: (bucket: number) => number;
  yOf: (value: number) => number;
}

function paintStacked(context: CanvasRenderingContext2D, series: CurveSeries, walk: Walk, options: CurvePaintOptions): void {
  const { classes } = series;
  const { first, last, stride, xOf, yOf } = walk;
  const buckets: number[] = [];
  const edges: (Float64Array | null)[] = [];
  for (let bucket = first; bucket <= last; bucket += stride) {
    buckets.push(bucket);
    edges.push(stackEdges(series.mean, classes, bucket, options.shown));
  }
  for (let k = 0; k < classes; k++) {
    if (!options.shown[k]) continue;
    context.fillStyle = options.colors[k] ?? "#888";
    context.globalAlpha = 0.85;
    let start = 0;
    while (start < buckets.length) {
      while (start < buckets.length && !edges[start]) start++;
      let end = start;
      while (end < buckets.length && edges[end]) end++;
      if (end > start) {
        context.beginPath();
        for (let index = start; index < end; index++) {
          const x = xOf(buckets[index]!);
          const y = yOf(edges[index]![k + 1]!);
          if (index === start) context.moveTo(x, y);
          else context.lineTo(x, y);
        }
        for (let index = end - 1; index >= start; index--) context.lineTo(xOf(buckets[index]!), yOf(edges[index]![k]!));
        context.closePath();
        context.fill();
      }
      start = end;
    }
  }
  context.globalAlpha = 1;
}

/** Runs of consecutive buckets (every `stride`th) where class k has a value. */
function runs(values: Float32Array, classes: number, k: number, first: number, last: number, stride: number): number[][] {
  const found: number[][] = [];
  let current: number[] = [];
  for (let bucket = first; bucket <= last; bucket += stride) {
    if (Number.isNaN(values[bucket * classes + k]!)) {
      if (current.length) found.push(current);
      current = [];
    } else current.push(bucket);
  }
  if (current.length) found.push(current);
  return found;
}

function paintGrid(context: CanvasRenderingContext2D, width: number, height: number, color: string): void {
  context.strokeStyle = color;
  context.lineWidth = 1;
  context.beginPath();
  for (const level of [0.25, 0.5, 0.75]) {
    const y = Math.round(height * (1 - level)) + 0.5;
    context.moveTo(0, y);
    context.lineTo(width, y);
  }
  context.stroke();
}
