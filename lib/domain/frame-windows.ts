import { ArrayShapeError } from "./array-shape-error";

/** Frame i of a model covers samples [i * hopSamples, i * hopSamples + windowSamples). */
export interface FrameGeometry {
  hopSamples: number;
  windowSamples: number;
}

/** Frames a model yields for `samples` input samples: max(0, floor((samples - window) / hop) + 1). */
export function frameCountFor(samples: number, geometry: FrameGeometry): number {
  if (samples < geometry.windowSamples) return 0;
  return Math.floor((samples - geometry.windowSamples) / geometry.hopSamples) + 1;
}

/**
 * One stretch of the recording given to the model. `startSample` is a multiple
 * of the hop, so the window's frame j is exactly the recording's frame
 * `firstFrame + j`.
 */
export interface AnalysisWindow {
  startSample: number;
  sampleCount: number;
  firstFrame: number;
  frameCount: number;
}

export interface WindowPlanOptions {
  geometry: FrameGeometry;
  /** The longest input the model takes (manifest maxWindowSeconds × sample rate). */
  maxWindowSamples: number;
  /** Wanted overlap of consecutive windows; rounded to whole frames (hops). */
  overlapSamples: number;
}

/**
 * Cuts a recording into windows the model can take. Properties the stitcher
 * and the inference engine rely on:
 * - together the windows yield exactly frames [0, frameCountFor(totalSamples));
 * - every window but the last is maxWindowSamples long (so they batch), each
 *   starts later and ends later than the one before, and no frame lies in more
 *   than two windows;
 * - consecutive windows share round(overlapSamples / hop) frames. The last
 *   window is moved back to end at the last frame with a full window's frames
 *   rather than being a sliver with little context; it then overlaps its
 *   predecessor more (but never reaches the window before that).
 * A recording shorter than one frame gives [] (the caller says so).
 * Throws RangeError for impossible options (overlap over half a window).
 */
export function planWindows(totalSamples: number, options: WindowPlanOptions): AnalysisWindow[] {
  const { geometry, maxWindowSamples, overlapSamples } = options;
  const { hopSamples: hop, windowSamples } = geometry;
  if (!isPositiveInteger(hop) || !isPositiveInteger(windowSamples)) {
    throw new RangeError(`frame geometry must be positive whole samples, got hop ${hop} and window ${windowSamples}`);
  }
  if (!Number.isSafeInteger(totalSamples) || totalSamples < 0) throw new RangeError(`totalSamples must be a whole number ≥ 0, got ${totalSamples}`);
  if (!Number.isSafeInteger(maxWindowSamples) || maxWindowSamples < windowSamples) {
    throw new RangeError(`maxWindowSamples must be a whole number ≥ the frame window (${windowSamples}), got ${maxWindowSamples}`);
  }
  if (!(overlapSamples >= 0)) throw new RangeError(`overlapSamples must be ≥ 0, got ${overlapSamples}`);

  const totalFrames = frameCountFor(totalSamples, geometry);
  if (totalFrames === 0) return [];
  const framesPerWindow = frameCountFor(maxWindowSamples, geometry);
  const window = (firstFrame: number): AnalysisWindow => {
    const startSample = firstFrame * hop;
    const sampleCount = Math.min(maxWindowSamples, totalSamples - startSample);
    return { startSample, sampleCount, firstFrame, frameCount: frameCountFor(sampleCount, geometry) };
  };
  if (totalFrames <= framesPerWindow) return [window(0)];

  const overlapFrames = Math.round(overlapSamples / hop);
  // More than half a window would put some frames in three windows, which the cross-fade does not define.
  if (overlapFrames > Math.floor(framesPerWindow / 2)) {
    throw new RangeError(
      `an overlap of ${overlapSamples} samples (${overlapFrames} frames) is more than half of a ${maxWindowSamples}-sample window (${framesPerWindow} frames)`,
    );
  }
  const stride = framesPerWindow - overlapFrames;
  const starts: number[] = [];
  for (let first = 0; first + framesPerWindow < totalFrames; first += stride) starts.push(first);
  // starts is non-empty because totalFrames > framesPerWindow.
  const beforePrevious = starts.length >= 2 ? starts[starts.length - 2]! : -Infinity;
  starts.push(Math.max(totalFrames - framesPerWindow, beforePrevious + framesPerWindow));
  return starts.map(window);
}

/**
 * Joins per-window frame outputs (each frameCount × width, row-major) into one
 * totalFrames × width matrix. Where two windows overlap in L frames, frame j of
 * the overlap (0-based) is (L - j)/(L + 1) of the earlier window plus
 * (j + 1)/(L + 1) of the later, so the weights sum to 1 and each window fades
 * out towards its edge, where the model saw the least context. Elsewhere a
 * frame is its one window's value, copied exactly.
 *
 * Throws ArrayShapeError when an output's length is not frameCount × width or
 * the windows do not tile [0, totalFrames) as planWindows does (in order, no
 * gap, no frame in three windows).
 */
export function stitchFrames(windows: readonly AnalysisWindow[], outputs: readonly Float32Array[], width: number, totalFrames: number): Float32Array {
  if (!isPositiveInteger(width)) throw new ArrayShapeError(`stitchFrames: width must be a positive whole number, got ${width}`);
  if (outputs.length !== windows.length) {
    throw new ArrayShapeError(`stitchFrames: ${outputs.length} window outputs for ${windows.length} windows`);
  }
  checkTiling(windows, totalFrames);
  windows.forEach((window, index) => {
    const expected = window.frameCount * width;
    const actual = outputs[index]!.length;
    if (actual !== expected) {
      throw new ArrayShapeError(
        `stitchFrames: window ${index} (frames ${window.firstFrame}–${window.firstFrame + window.frameCount - 1}) has ${actual} values; ${window.frameCount} frames × ${width} need ${expected}`,
      );
    }
  });

  const stitched = new Float32Array(totalFrames * width);
  for (let index = 0; index < windows.length; index++) {
    const window = windows[index]!;
    const values = outputs[index]!;
    const end = window.firstFrame + window.frameCount;
    const previousEnd = index > 0 ? endOf(windows[index - 1]!) : 0;
    const next = windows[index + 1];
    const soloStart = Math.max(window.firstFrame, previousEnd);
    const soloEnd = next ? Math.min(end, next.firstFrame) : end;
    if (soloEnd > soloStart) {
      stitched.set(values.subarray((soloStart - window.firstFrame) * width, (soloEnd - window.firstFrame) * width), soloStart * width);
    }
    if (next && next.firstFrame < end) {
      crossFade(stitched, width, values, window.firstFrame, outputs[index + 1]!, next.firstFrame, next.firstFrame, end);
    }
  }
  return stitched;
}

/** Writes frames [from, to) as the earlier window fading into the later one. */
function crossFade(
  target: Float32Array,
  width: number,
  earlier: Float32Array,
  earlierFirst: number,
  later: Float32Array,
  laterFirst: number,
  from: number,
  to: number,
): void {
  const steps = to - from + 1;
  for (let frame = from; frame < to; frame++) {
    const laterWeight = (frame - from + 1) / steps;
    const earlierWeight = (to - frame) / steps;
    const earlierRow = (frame - earlierFirst) * width;
    const laterRow = (frame - laterFirst) * width;
    const targetRow = frame * width;
    for (let column = 0; column < width; column++) {
      target[targetRow + column] = earlierWeight * earlier[earlierRow + column]! + laterWeight * later[laterRow + column]!;
    }
  }
}

function checkTiling(windows: readonly AnalysisWindow[], totalFrames: number): void {
  const fail = (reason: string): never => {
    throw new ArrayShapeError(`stitchFrames: the windows do not tile frames 0–${totalFrames - 1}: ${reason}`);
  };
  if (windows.length === 0) {
    if (totalFrames !== 0) fail("there are no windows");
    return;
  }
  windows.forEach((window, index) => {
    if (!Number.isSafeInteger(window.firstFrame) || !isPositiveInteger(window.frameCount) || window.firstFrame < 0) {
      fail(`window ${index} has firstFrame ${window.firstFrame} and frameCount ${window.frameCount}`);
    }
    if (index === 0) {
      if (window.firstFrame !== 0) fail(`the first window starts at frame ${window.firstFrame}`);
      return;
    }
    const previous = windows[index - 1]!;
    if (window.firstFrame <= previous.firstFrame || endOf(window) <= endOf(previous)) fail(`window ${index} does not start and end after window ${index - 1}`);
    if (window.firstFrame > endOf(previous)) fail(`frames ${endOf(previous)}–${window.firstFrame - 1} lie between windows ${index - 1} and ${index}`);
    if (index >= 2 && window.firstFrame < endOf(windows[index - 2]!)) fail(`window ${index} overlaps window ${index - 2}`);
  });
  const last = endOf(windows[windows.length - 1]!);
  if (last !== totalFrames) fail(`the last window ends at frame ${last - 1}`);
}

function endOf(window: AnalysisWindow): number {
  return window.firstFrame + window.frameCount;
}

function isPositiveInteger(value: number): boolean {
  return Number.isSafeInteger(value) && value > 0;
}
