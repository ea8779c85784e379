import { describe, expect, it } from "vitest";
import {
  anchoredScrollLeft,
  clampZoom,
  fitPixelsPerSecond,
  MAX_PIXELS_PER_SECOND,
  timeToX,
  viewEndSeconds,
  wheelZoomFactor,
  xToTime,
  zoomLimits,
} from "./time-scale";

describe("time and pixels", () => {
  const view = { startSeconds: 10, pixelsPerSecond: 100, widthPx: 800, durationSeconds: 60 };

  it("maps both ways around the window's start", () => {
    expect(timeToX(view, 12.5)).toBe(250);
    expect(xToTime(view, 250)).toBe(12.5);
    expect(timeToX(view, 9)).toBe(-100);
    expect(viewEndSeconds(view)).toBe(18);
    expect(viewEndSeconds({ ...view, startSeconds: 55 })).toBe(60);
  });

  it("fits the recording into the viewport and zooms down to 40 px frames, within the browser's widest layout", () => {
    expect(fitPixelsPerSecond(1200, 3600)).toBeCloseTo(1 / 3);
    expect(zoomLimits(1200, 3600)).toEqual({ min: 1200 / 3600, max: MAX_PIXELS_PER_SECOND });
    expect(MAX_PIXELS_PER_SECOND * 0.02).toBe(40);
    // A 10-hour recording at 2000 px/s would be 72 million px wide.
    expect(zoomLimits(1200, 36_000).max).toBeCloseTo(30_000_000 / 36_000);
    // A clip shorter than its viewport at full zoom cannot zoom out past fit nor in past its limit.
    expect(zoomLimits(1200, 0.1)).toEqual({ min: 12_000, max: 12_000 });
  });

  it("clamps a zoom into its limits", () => {
    const limits = { min: 0.5, max: 2000 };
    expect(clampZoom(0.1, limits)).toBe(0.5);
    expect(clampZoom(5000, limits)).toBe(2000);
    expect(clampZoom(42, limits)).toBe(42);
    expect(clampZoom(Number.NaN, limits)).toBe(0.5);
  });
});

describe("anchoredScrollLeft", () => {
  it("keeps the time under the pointer in place", () => {
    // 10 s at 100 px/s → x 400 in the viewport is 14 s; at 200 px/s 14 s is at 2800 px, minus 400.
    const scroll = anchoredScrollLeft({ scrollLeft: 1000, anchorX: 400, fromPixelsPerSecond: 100, toPixelsPerSecond: 200, widthPx: 800, durationSeconds: 60 });
    expect(scroll).toBe(2400);
    expect((scroll + 400) / 200).toBe(14);
  });

  it("never scrolls before the start or past the end", () => {
    expect(anchoredScrollLeft({ scrollLeft: 0, anchorX: 0, fromPixelsPerSecond: 100, toPixelsPerSecond: 50, widthPx: 800, durationSeconds: 60 })).toBe(0);
    expect(anchoredScrollLeft({ scrollLeft: 5200, anchorX: 800, fromPixelsPerSecond: 100, toPixelsPerSecond: 20, widthPx: 800, durationSeconds: 60 })).toBe(400);
  });
});

describe("wheelZoomFactor", () => {
  it("zooms in when the wheel moves up (negative delta) and out when down", () => {
    expect(wheelZoomFactor(-100, 0)).toBeGreaterThan(1);
    expect(wheelZoomFactor(100, 0)).toBeLessThan(1);
    expect(wheelZoomFactor(0, 0)).toBe(1);
  });

  it("adds up: two half-steps zoom like one whole step", () => {
    expect(wheelZoomFactor(-20, 0) ** 2).toBeCloseTo(wheelZoomFactor(-40, 0));
  });

  it("reads line and page deltas as pixels and caps one event at 2×", () => {
    expect(wheelZoomFactor(-3, 1)).toBeCloseTo(wheelZoomFactor(-48, 0));
    expect(wheelZoomFactor(-10, 2)).toBe(2);
    expect(wheelZoomFactor(10, 2)).toBe(0.5);
  });
});
