import { describe, expect, it } from "vitest";
import { ArrayShapeError } from "./array-shape-error";
import { type AnalysisWindow, type FrameGeometry, frameCountFor, planWindows, stitchFrames } from "./frame-windows";

const emotion2vec: FrameGeometry = { hopSamples: 320, windowSamples: 400 };

/** Cuts each window's rows out of one full matrix, as a model that sees all context would produce them. */
function cut(matrix: Float32Array, width: number, windows: readonly AnalysisWindow[]): Float32Array[] {
  return windows.map((window) => matrix.slice(window.firstFrame * width, (window.firstFrame + window.frameCount) * width));
}

describe("frameCountFor", () => {
  it("follows floor((n - window) / hop) + 1 and is 0 below one window", () => {
    expect([0, 399, 400, 719, 720, 16000, 16_000 * 30].map((n) => frameCountFor(n, emotion2vec))).toEqual([0, 0, 1, 1, 2, 49, 1499]);
  });
});

describe("planWindows", () => {
  it("gives one window holding everything when the recording fits", () => {
    expect(planWindows(16_000 * 10, { geometry: emotion2vec, maxWindowSamples: 16_000 * 30, overlapSamples: 16_000 })).toEqual([
      { startSample: 0, sampleCount: 160_000, firstFrame: 0, frameCount: 499 },
    ]);
  });

  it("gives no window for a recording shorter than one frame", () => {
    expect(planWindows(399, { geometry: emotion2vec, maxWindowSamples: 480_000, overlapSamples: 16_000 })).toEqual([]);
    expect(planWindows(0, { geometry: emotion2vec, maxWindowSamples: 480_000, overlapSamples: 16_000 })).toEqual([]);
  });

  it("overlaps windows by the asked-for frames and moves the last one back to a full window", () => {
    // 10 frames per window (hop 10, window 10, max 100), 3 frames overlap, 22 frames in all.
    const windows = planWindows(220, { geometry: { hopSamples: 10, windowSamples: 10 }, maxWindowSamples: 100, overlapSamples: 31 });
    expect(windows.map((window) => [window.firstFrame, window.frameCount])).toEqual([
      [0, 10],
      [7, 10],
      [12, 10],
    ]);
    expect(windows.map((window) => [window.startSample, window.sampleCount])).toEqual([
      [0, 100],
      [70, 100],
      [120, 100],
    ]);
  });

  it("keeps the moved-back last window clear of the window before its predecessor", () => {
    // 16 frames, 10 per window, overlap 5: a full last window (frames 6–15) would also overlap window 0 (0–9).
    const windows = planWindows(160, { geometry: { hopSamples: 10, windowSamples: 10 }, maxWindowSamples: 100, overlapSamples: 50 });
    expect(windows.map((window) => [window.firstFrame, window.frameCount])).toEqual([
      [0, 10],
      [5, 10],
      [10, 6],
    ]);
  });

  it("covers every frame exactly, aligned to the hop, for many lengths and settings (property)", () => {
    const geometries: FrameGeometry[] = [emotion2vec, { hopSamples: 160, windowSamples: 400 }, { hopSamples: 7, windowSamples: 7 }, { hopSamples: 5, windowSamples: 13 }];
    const problems: string[] = [];
    let plans = 0;
    for (const geometry of geometries) {
      const { hopSamples: hop, windowSamples } = geometry;
      for (const maxFrames of [1, 2, 3, 10, 37]) {
        // Not always a whole number of hops: samples past the last frame must not matter.
        const maxWindowSamples = (maxFrames - 1) * hop + windowSamples + (maxFrames % 3);
        const half = Math.floor(frameCountFor(maxWindowSamples, geometry) / 2);
        for (const overlapFrames of new Set([0, Math.min(1, half), Math.floor(half / 2), half])) {
          for (let frames = 0; frames <= maxFrames * 6; frames++) {
            for (const extra of [-1, 0, 1, hop - 1]) {
              const total = Math.max(0, windowSamples + (frames - 1) * hop + extra);
              const problem = planProblem(total, geometry, maxWindowSamples, overlapFrames * hop, overlapFrames);
              if (problem) problems.push(problem);
              plans++;
            }
          }
        }
      }
    }
    expect(problems.slice(0, 5)).toEqual([]);
    expect(plans).toBeGreaterThan(2000);
  });

  it("plans an hour of 16 kHz audio into 30 s windows with 1 s overlap", () => {
    const total = 16_000 * 3600;
    const windows = planWindows(total, { geometry: emotion2vec, maxWindowSamples: 480_000, overlapSamples: 16_000 });
    expect(planProblem(total, emotion2vec, 480_000, 16_000, 50)).toBeNull();
    expect(windows.length).toBe(125);
    expect(windows.every((window) => window.sampleCount === 480_000)).toBe(true);
  });

  it("refuses impossible options", () => {
    const geometry = emotion2vec;
    expect(() => planWindows(100_000, { geometry, maxWindowSamples: 399, overlapSamples: 0 })).toThrow(RangeError);
    expect(() => planWindows(100_000, { geometry, maxWindowSamples: 16_000, overlapSamples: 8_000 })).toThrow("more than half");
    expect(() => planWindows(100_000, { geometry: { hopSamples: 0, windowSamples: 400 }, maxWindowSamples: 16_000, overlapSamples: 0 })).toThrow(RangeError);
    expect(() => planWindows(-1, { geometry, maxWindowSamples: 16_000, overlapSamples: 0 })).toThrow(RangeError);
  });
});

/** What is wrong with the plan for these settings, or null: coverage, alignment, sizes, overlaps. */
function planProblem(total: number, geometry: FrameGeometry, maxWindowSamples: number, overlapSamples: number, overlapFrames: number): string | null {
  const windows = planWindows(total, { geometry, maxWindowSamples, overlapSamples });
  const totalFrames = frameCountFor(total, geometry);
  const where = `total ${total}, hop ${geometry.hopSamples}, window ${geometry.windowSamples}, max ${maxWindowSamples}, overlap ${overlapSamples}`;
  if (totalFrames === 0) return windows.length === 0 ? null : `${where}: windows for a recording without frames`;
  const hits = new Uint8Array(totalFrames);
  for (const [index, window] of windows.entries()) {
    const at = `${where}, window ${index}`;
    if (window.startSample !== window.firstFrame * geometry.hopSamples) return `${at}: start not on frame ${window.firstFrame}`;
    if (window.sampleCount > maxWindowSamples) return `${at}: ${window.sampleCount} samples`;
    if (window.startSample + window.sampleCount > total) return `${at}: ends past the recording`;
    if (window.frameCount < 1 || window.frameCount !== frameCountFor(window.sampleCount, geometry)) return `${at}: frameCount ${window.frameCount}`;
    if (index < windows.length - 1 && window.sampleCount !== maxWindowSamples) return `${at}: not a full window`;
    if (index > 0) {
      const previous = windows[index - 1]!;
      const shared = previous.firstFrame + previous.frameCount - window.firstFrame;
      const last = index === windows.length - 1;
      if (last ? shared < overlapFrames : shared !== overlapFrames) return `${at}: shares ${shared} frames with its predecessor`;
    }
    for (let frame = window.firstFrame; frame < window.firstFrame + window.frameCount; frame++) hits[frame]! += 1;
  }
  const last = windows[windows.length - 1]!;
  if (last.firstFrame + last.frameCount !== totalFrames) return `${where}: the last window ends at frame ${last.firstFrame + last.frameCount - 1}`;
  // Every frame in one or two windows, never none or three.
  const bad = hits.findIndex((count) => count !== 1 && count !== 2);
  return bad >= 0 ? `${where}: frame ${bad} is in ${hits[bad]} windows` : null;
}

describe("stitchFrames", () => {
  it("reproduces a smooth matrix exactly from windows cut out of it (no seam)", () => {
    const width = 9;
    const total = 16_000 * 95 + 123;
    const windows = planWindows(total, { geometry: emotion2vec, maxWindowSamples: 480_000, overlapSamples: 16_000 });
    const frames = frameCountFor(total, emotion2vec);
    const matrix = new Float32Array(frames * width);
    for (let frame = 0; frame < frames; frame++) {
      for (let column = 0; column < width; column++) matrix[frame * width + column] = Math.sin(frame / 40 + column) * (column + 1);
    }
    expect(windows.length).toBe(4);
    expect(stitchFrames(windows, cut(matrix, width, windows), width, frames)).toEqual(matrix);
  });

  it("cross-fades linearly from the earlier window to the later one", () => {
    const windows: AnalysisWindow[] = [
      { startSample: 0, sampleCount: 60, firstFrame: 0, frameCount: 6 },
      { startSample: 30, sampleCount: 60, firstFrame: 3, frameCount: 6 },
    ];
    // Earlier window all 0, later all 1 (two columns): the stitched value is the later window's weight.
    const stitched = stitchFrames(windows, [new Float32Array(12), new Float32Array(12).fill(1)], 2, 9);
    const later = Array.from({ length: 9 }, (_, frame) => stitched[frame * 2]);
    expect(later).toEqual([0, 0, 0, 0.25, 0.5, 0.75, 1, 1, 1].map(Math.fround));
    expect(Array.from(stitched.filter((_, index) => index % 2 === 1))).toEqual(later);
  });

  it("weights sum to 1 in every overlap (constant input stays constant)", () => {
    const total = 16_000 * 200;
    const windows = planWindows(total, { geometry: emotion2vec, maxWindowSamples: 480_000, overlapSamples: 24_000 });
    const frames = frameCountFor(total, emotion2vec);
    const outputs = windows.map((window) => new Float32Array(window.frameCount * 3).fill(0.3));
    const stitched = stitchFrames(windows, outputs, 3, frames);
    expect(stitched.every((value) => value === Math.fround(0.3))).toBe(true);
  });

  it("refuses outputs of the wrong length and windows that do not tile the frames", () => {
    const windows: AnalysisWindow[] = [
      { startSample: 0, sampleCount: 40, firstFrame: 0, frameCount: 4 },
      { startSample: 30, sampleCount: 40, firstFrame: 3, frameCount: 4 },
    ];
    const ok = [new Float32Array(8), new Float32Array(8)];
    expect(() => stitchFrames(windows, [new Float32Array(8), new Float32Array(7)], 2, 7)).toThrow(ArrayShapeError);
    expect(() => stitchFrames(windows, [new Float32Array(8), new Float32Array(7)], 2, 7)).toThrow("window 1 (frames 3–6) has 7 values; 4 frames × 2 need 8");
    expect(() => stitchFrames(windows, [new Float32Array(8)], 2, 7)).toThrow("1 window outputs for 2 windows");
    expect(() => stitchFrames(windows, ok, 2, 8)).toThrow("the last window ends at frame 6");
    const gap = [windows[0]!, { ...windows[1]!, firstFrame: 5 }];
    expect(() => stitchFrames(gap, ok, 2, 9)).toThrow("frames 4–4 lie between windows 0 and 1");
    const triple: AnalysisWindow[] = [0, 1, 2].map((first) => ({ startSample: first * 10, sampleCount: 40, firstFrame: first, frameCount: 4 }));
    expect(() => stitchFrames(triple, [ok[0]!, ok[0]!, ok[0]!], 2, 6)).toThrow("window 2 overlaps window 0");
  });

  it("stitches an hour of 9-class frames (180,000) well under a second", () => {
    const total = 16_000 * 3600;
    const width = 9;
    const started = performance.now();
    const windows = planWindows(total, { geometry: emotion2vec, maxWindowSamples: 480_000, overlapSamples: 16_000 });
    const outputs = windows.map((window) => new Float32Array(window.frameCount * width).fill(0.5));
    const frames = frameCountFor(total, emotion2vec);
    const stitched = stitchFrames(windows, outputs, width, frames);
    const elapsed = performance.now() - started;
    expect(frames).toBe(179_999);
    expect(stitched.length).toBe(frames * width);
    expect(elapsed).toBeLessThan(300);
  });
});
