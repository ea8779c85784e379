import type { TimeView } from "./time-scale";

/**
 * Which curves to ask the server for: the visible window at about one bucket
 * per pixel, widened by a screen each side when zoomed in so that scrolling
 * a little draws from what is already here; and whether data already held
 * still serves the current view.
 */

/** The curves route's limit on buckets. */
export const MAX_CURVE_BUCKETS = 10_000;

export interface CurveRequest {
  from: number;
  to: number;
  pixels: number;
}

/** What a fetched series covers, as far as reuse goes. */
export interface CurveCoverage {
  from: number;
  to: number;
  bucketSeconds: number;
  perFrame: boolean;
}

export function curveRequestFor(view: TimeView): CurveRequest {
  const span = view.widthPx / view.pixelsPerSecond;
  const duration = view.durationSeconds;
  if (span >= duration) return { from: 0, to: duration, pixels: clampPixels(Math.round(duration * view.pixelsPerSecond)) };
  // Snap to a grid of half screens, so small scrolls ask for the same URL (and hit the query cache).
  const grid = span / 2;
  const from = Math.max(0, Math.floor((view.startSeconds - span) / grid) * grid);
  const to = Math.min(duration, Math.ceil((view.startSeconds + 2 * span) / grid) * grid);
  return { from: round(from), to: round(to), pixels: clampPixels(Math.round((to - from) * view.pixelsPerSecond)) };
}

/** Whether `coverage` spans the view with buckets no wider than 1.5 px (or one per frame, the finest there is). */
export function curvesCoverView(coverage: CurveCoverage, view: TimeView): boolean {
  const start = view.startSeconds;
  const end = Math.min(view.durationSeconds, start + view.widthPx / view.pixelsPerSecond);
  const tolerance = coverage.perFrame ? coverage.bucketSeconds : 1e-6;
  const covers = coverage.from <= start + tolerance && coverage.to >= end - tolerance;
  const fineEnough = coverage.perFrame || coverage.bucketSeconds * view.pixelsPerSecond <= 1.5;
  return covers && fineEnough;
}

function clampPixels(pixels: number): number {
  return Math.min(MAX_CURVE_BUCKETS, Math.max(1, pixels));
}

function round(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}
