import { describe, expect, it } from "vitest";
import { curveRequestFor, curvesCoverView } from "../../editor/curve-window";
import { clampToRange, playStart, rangeView } from "./range-timeline";

const RANGE = { startSeconds: 12, endSeconds: 18.5 };

describe("rangeView", () => {
  it("puts exactly the range across the lanes' width", () => {
    const view = rangeView(RANGE, 35, 650)!;
    expect(view).toEqual({ startSeconds: 12, pixelsPerSecond: 100, widthPx: 650, durationSeconds: 35 });
    expect(view.startSeconds + view.widthPx / view.pixelsPerSecond).toBe(18.5);
  });

  it("is null before the lanes have a width or for an empty range", () => {
    expect(rangeView(RANGE, 35, 0)).toBeNull();
    expect(rangeView({ startSeconds: 5, endSeconds: 5 }, 35, 600)).toBeNull();
  });

  it("asks the curves route for a window that covers the range at a bucket per pixel", () => {
    const view = rangeView(RANGE, 35, 650)!;
    const request = curveRequestFor(view);
    expect(request.from).toBeLessThanOrEqual(12);
    expect(request.to).toBeGreaterThanOrEqual(18.5);
    const bucketSeconds = (request.to - request.from) / request.pixels;
    expect(curvesCoverView({ from: request.from, to: request.to, bucketSeconds, perFrame: false }, view)).toBe(true);
  });
});

describe("playback positions", () => {
  it("keeps seeks inside the range", () => {
    expect(clampToRange(RANGE, 3)).toBe(12);
    expect(clampToRange(RANGE, 30)).toBe(18.5);
    expect(clampToRange(RANGE, 15)).toBe(15);
    expect(clampToRange(RANGE, Number.NaN)).toBe(12);
  });

  it("plays on from the playhead, and from the start once the end was reached", () => {
    expect(playStart(RANGE, 14)).toBe(14);
    expect(playStart(RANGE, 18.5)).toBe(12);
    expect(playStart(RANGE, 0)).toBe(12);
  });
});
