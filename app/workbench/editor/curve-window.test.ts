import { describe, expect, it } from "vitest";
import { curveRequestFor, curvesCoverView } from "./curve-window";

const HOUR = 3600;

describe("curveRequestFor", () => {
  it("asks for the whole recording at the viewport's width when it all fits", () => {
    expect(curveRequestFor({ startSeconds: 0, pixelsPerSecond: 1200 / HOUR, widthPx: 1200, durationSeconds: HOUR })).toEqual({ from: 0, to: HOUR, pixels: 1200 });
  });

  it("widens a zoomed-in window by a screen each side, snapped to half screens", () => {
    // 10 s on screen from 100 s.
    const request = curveRequestFor({ startSeconds: 100, pixelsPerSecond: 100, widthPx: 1000, durationSeconds: HOUR });
    expect(request).toEqual({ from: 90, to: 120, pixels: 3000 });
    expect(curveRequestFor({ startSeconds: 99, pixelsPerSecond: 100, widthPx: 1000, durationSeconds: HOUR })).toEqual({ from: 85, to: 120, pixels: 3500 });
  });

  it("stays inside the recording and the route's bucket limit", () => {
    expect(curveRequestFor({ startSeconds: 0, pixelsPerSecond: 2000, widthPx: 8000, durationSeconds: HOUR })).toEqual({ from: 0, to: 8, pixels: 10_000 });
    const end = curveRequestFor({ startSeconds: HOUR - 10, pixelsPerSecond: 100, widthPx: 1000, durationSeconds: HOUR });
    expect(end.to).toBe(HOUR);
  });
});

describe("curvesCoverView", () => {
  const view = { startSeconds: 100, pixelsPerSecond: 100, widthPx: 1000, durationSeconds: HOUR };

  it("reuses data that spans the view at a bucket per pixel or finer", () => {
    expect(curvesCoverView({ from: 90, to: 120, bucketSeconds: 0.01, perFrame: false }, view)).toBe(true);
    expect(curvesCoverView({ from: 90, to: 120, bucketSeconds: 0.02, perFrame: true }, view)).toBe(true);
  });

  it("refetches when the view runs past the data or the buckets are too wide", () => {
    expect(curvesCoverView({ from: 90, to: 105, bucketSeconds: 0.01, perFrame: false }, view)).toBe(false);
    expect(curvesCoverView({ from: 0, to: HOUR, bucketSeconds: 3, perFrame: false }, view)).toBe(false);
  });

  it("accepts per-frame data whose edges were moved to frame boundaries", () => {
    expect(curvesCoverView({ from: 100.01, to: 109.99, bucketSeconds: 0.02, perFrame: true }, view)).toBe(true);
  });
});
