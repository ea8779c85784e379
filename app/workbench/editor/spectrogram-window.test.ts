import { describe, expect, it } from "vitest";
import { spectrogramCoversView, spectrogramRangeFor } from "./spectrogram-window";

const HOUR = 3600;

describe("spectrogramRangeFor", () => {
  it("takes the whole recording when it fits the screen", () => {
    expect(spectrogramRangeFor({ startSeconds: 0, pixelsPerSecond: 1000 / 60, widthPx: 1000, durationSeconds: 60 })).toEqual({ startSeconds: 0, endSeconds: 60, columns: 1000 });
  });

  it("widens a zoomed-in view by half a screen each side at a column per pixel", () => {
    expect(spectrogramRangeFor({ startSeconds: 100, pixelsPerSecond: 100, widthPx: 1000, durationSeconds: HOUR })).toEqual({ startSeconds: 95, endSeconds: 115, columns: 2000 });
  });

  it("keeps to the route's column limit", () => {
    expect(spectrogramRangeFor({ startSeconds: 100, pixelsPerSecond: 100, widthPx: 3000, durationSeconds: HOUR })?.columns).toBe(4000);
  });

  it("asks for nothing while more than 15 minutes are on screen", () => {
    expect(spectrogramRangeFor({ startSeconds: 0, pixelsPerSecond: 1000 / HOUR, widthPx: 1000, durationSeconds: HOUR })).toBeNull();
    expect(spectrogramRangeFor({ startSeconds: 0, pixelsPerSecond: 1000 / 900, widthPx: 1000, durationSeconds: HOUR })).not.toBeNull();
  });
});

describe("spectrogramCoversView", () => {
  const image = { startSeconds: 95, endSeconds: 115, columns: 2000 };

  it("reuses an image that spans the view at about its resolution", () => {
    expect(spectrogramCoversView(image, { startSeconds: 100, pixelsPerSecond: 100, widthPx: 1000, durationSeconds: HOUR })).toBe(true);
    expect(spectrogramCoversView(image, { startSeconds: 104, pixelsPerSecond: 100, widthPx: 1000, durationSeconds: HOUR })).toBe(true);
  });

  it("asks again past its edges or after a real zoom", () => {
    expect(spectrogramCoversView(image, { startSeconds: 106, pixelsPerSecond: 100, widthPx: 1000, durationSeconds: HOUR })).toBe(false);
    expect(spectrogramCoversView(image, { startSeconds: 100, pixelsPerSecond: 300, widthPx: 1000, durationSeconds: HOUR })).toBe(false);
  });
});
