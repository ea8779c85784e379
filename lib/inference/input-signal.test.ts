import { describe, expect, it } from "vitest";
import { layerNormalize } from "../domain/emotion-scores";
import { float32Signal, pcm16Signal, PrefetchFailedError, prefetchedSignal } from "./input-signal";

describe("input signals", () => {
  const pcm = Int16Array.from({ length: 1000 }, (_, index) => Math.round(8000 * Math.sin(index / 5) + 300));
  const floats = Float32Array.from(pcm, (value) => value / 32768);

  it("normalise the same way whether the audio is Int16, float or read ahead", () => {
    const expected = layerNormalize(floats);
    const shared = new Float32Array(new SharedArrayBuffer(floats.length * 4));
    shared.set(floats);
    const progress = new Int32Array(new SharedArrayBuffer(4));
    progress[0] = floats.length;
    for (const signal of [pcm16Signal(pcm), float32Signal(floats), prefetchedSignal(shared, progress)]) {
      const { mean, scale } = signal.normalisation();
      const window = new Float32Array(200);
      signal.copyWindow(window, 400, mean, scale);
      for (let k = 0; k < window.length; k++) expect(window[k]).toBeCloseTo(expected[400 + k]!, 5);
    }
  });

  it("waits for samples still being read, and fails clearly when the read failed", () => {
    const shared = new Float32Array(new SharedArrayBuffer(400));
    const progress = new Int32Array(new SharedArrayBuffer(4));
    progress[0] = 50;
    const signal = prefetchedSignal(shared, progress);
    // The first 50 samples are there: no wait.
    signal.copyWindow(new Float32Array(50), 0, 0, 1);
    progress[0] = -1;
    expect(() => signal.copyWindow(new Float32Array(50), 50, 0, 1)).toThrow(PrefetchFailedError);
  });
});
