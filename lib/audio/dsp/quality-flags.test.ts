import { describe, expect, it } from "vitest";
import { qualityFlags } from "./quality-flags";
import type { AudioQuality } from "./quality-meter";

const good: AudioQuality = { durationSeconds: 30, peakDbfs: -3, rmsDbfs: -20, clippingRatio: 0, silenceRatio: 0.3 };

describe("qualityFlags", () => {
  it("flags nothing for a healthy recording", () => {
    expect(qualityFlags(good)).toEqual([]);
  });

  it("flags each problem past its threshold, not at it", () => {
    expect(qualityFlags({ ...good, clippingRatio: 0.001 })).toEqual([]);
    expect(qualityFlags({ ...good, clippingRatio: 0.0011 })).toEqual(["clipping"]);
    expect(qualityFlags({ ...good, silenceRatio: 0.8 })).toEqual([]);
    expect(qualityFlags({ ...good, silenceRatio: 0.81 })).toEqual(["mostly-silent"]);
    expect(qualityFlags({ ...good, rmsDbfs: -45 })).toEqual([]);
    expect(qualityFlags({ ...good, rmsDbfs: -45.1 })).toEqual(["very-quiet"]);
    expect(qualityFlags({ ...good, durationSeconds: 1 })).toEqual([]);
    expect(qualityFlags({ ...good, durationSeconds: 0.99 })).toEqual(["very-short"]);
  });

  it("lists every flag that applies, in a fixed order", () => {
    expect(qualityFlags({ durationSeconds: 0, peakDbfs: -120, rmsDbfs: -120, clippingRatio: 0.5, silenceRatio: 1 })).toEqual([
      "clipping",
      "mostly-silent",
      "very-quiet",
      "very-short",
    ]);
  });
});
