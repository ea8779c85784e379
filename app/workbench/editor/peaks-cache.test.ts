import { describe, expect, it } from "vitest";
import { PeaksCache, peaksFetchRange } from "./peaks-cache";
import type { PeaksWindow } from "./waveform-peaks";

const window = (samplesPerPixel: number, startSeconds: number, endSeconds: number): PeaksWindow => ({
  sampleRate: 16_000,
  samplesPerPixel,
  lengthSamples: 16_000 * 3600,
  startSeconds,
  endSeconds,
  pairCount: 0,
  pairs: new Float32Array(0),
});

describe("PeaksCache", () => {
  // An hour at 1024 samples per pair: 15.6 pairs per second.
  const base = window(1024, 0, 3600);

  it("draws from the whole-recording level while it has a pair per pixel", () => {
    const cache = new PeaksCache(base);
    expect(cache.pick(0, 3600, 1 / 3)).toEqual({ window: base, adequate: true });
    expect(cache.pick(100, 110, 15)).toEqual({ window: base, adequate: true });
  });

  it("asks for finer data when zoomed past it, and uses a finer window that covers the stretch", () => {
    const cache = new PeaksCache(base);
    expect(cache.pick(100, 101, 500)).toEqual({ window: base, adequate: false });
    const fine = window(16, 99, 103);
    cache.add(fine, 500);
    expect(cache.pick(100, 101, 500)).toEqual({ window: fine, adequate: true });
    // Outside the window: back to the base, and still wanting more.
    expect(cache.pick(200, 201, 500)).toEqual({ window: base, adequate: false });
  });

  it("prefers the coarsest adequate window, and the finest inadequate one", () => {
    const cache = new PeaksCache(base);
    const mid = window(64, 0, 600);
    const fine = window(16, 0, 600);
    cache.add(fine, 1000);
    cache.add(mid, 250);
    expect(cache.pick(10, 20, 200).window).toBe(mid);
    expect(cache.pick(10, 20, 900).window).toBe(fine);
  });

  it("learns the finest level from a coarser answer and stops asking past it", () => {
    const cache = new PeaksCache(base);
    const finest = window(16, 0, 10);
    // Asked for 2000 pairs per second, got 1000: that is all there is.
    cache.add(finest, 2000);
    expect(cache.neededPairsPerSecond(2000)).toBe(1000);
    expect(cache.pick(1, 2, 2000)).toEqual({ window: finest, adequate: true });
  });
});

describe("peaksFetchRange", () => {
  it("covers the viewport's canvases plus one on each side", () => {
    // Viewport 1000 px at 100 px/s scrolled to 2500 px: canvases 1–4 (1000–5000 px).
    expect(peaksFetchRange(2500, 1000, 100, 3600)).toEqual({ startSeconds: 10, endSeconds: 50 });
  });

  it("clamps to the recording", () => {
    expect(peaksFetchRange(0, 1000, 100, 30)).toEqual({ startSeconds: 0, endSeconds: 30 });
  });
});
