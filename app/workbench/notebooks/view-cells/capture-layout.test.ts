import { describe, expect, it } from "vitest";
import { captureFrame, captureScale, MAX_CAPTURE_AREA, MAX_CAPTURE_SIDE, placeInFrame } from "./capture-layout";

describe("captureFrame", () => {
  it("spans every drawn layer, leaving out those without an area", () => {
    const waveform = { left: 100, top: 200, width: 600, height: 80 };
    const axis = { left: 100, top: 280, width: 600, height: 20 };
    const curves = { left: 100, top: 318, width: 600, height: 120 };
    const hidden = { left: 0, top: 0, width: 0, height: 0 };
    const frame = captureFrame([hidden, waveform, axis, curves]);
    expect(frame).toEqual({ left: 100, top: 200, width: 600, height: 238 });
    expect(placeInFrame(curves, frame!)).toEqual({ left: 0, top: 118, width: 600, height: 120 });
  });

  it("is null when nothing is drawn", () => {
    expect(captureFrame([])).toBeNull();
    expect(captureFrame([{ left: 5, top: 5, width: 0, height: 40 }])).toBeNull();
  });
});

describe("captureScale", () => {
  it("uses the device pixel ratio when the picture fits", () => {
    expect(captureScale({ width: 800, height: 320 }, 2)).toBe(2);
    expect(captureScale({ width: 800, height: 320 }, Number.NaN)).toBe(1);
  });

  it("scales down to stay within the canvas limits", () => {
    const tall = captureScale({ width: 640, height: 12_000 }, 2);
    expect(12_000 * tall).toBeLessThanOrEqual(MAX_CAPTURE_SIDE);
    const large = captureScale({ width: 5000, height: 5000 }, 2);
    expect(5000 * large * 5000 * large).toBeLessThanOrEqual(MAX_CAPTURE_AREA * 1.0001);
    expect(large).toBeLessThan(1);
  });
});
