import { CANONICAL_LABELS, type CanonicalLabel } from "../domain/emotion-labels";
import { topLabel } from "../domain/emotion-scores";
import type { TimeSpan } from "../domain/label-edit-title";
import { parseUtteranceScores } from "../inference/serve-analyses";

/**
 * The label a model gives a recording or a region, from a stored analysis:
 * the top canonical class and its score. "Accept model label" stores exactly
 * this, and the recording's denormalised model prediction is the same
 * computation, so the two never disagree about what the model said.
 */
export interface ModelLabel {
  emotion: CanonicalLabel;
  confidence: number;
}

/** From an analysis row's utteranceScores; null when they are not nine canonical scores (a row of an older shape). */
export function utteranceModelLabel(storedUtteranceScores: unknown): ModelLabel | null {
  const parsed = parseUtteranceScores(storedUtteranceScores);
  if (!parsed) return null;
  const top = topLabel(parsed.scores, CANONICAL_LABELS);
  return Number.isFinite(top.score) ? { emotion: top.label, confidence: top.score } : null;
}

export interface FrameTiming {
  frameRate: number;
  /** Where frame 0's centre lies, in seconds. */
  frameOffsetSeconds: number;
}

/** Frame centres land on exact multiples of 1/rate; float error must not move a frame across a region edge. */
const EDGE_EPSILON = 1e-6;

/**
 * The mean of the frame scores (frames × 9, canonical order) over the frames
 * whose centres lie in the region, and its top class. A region narrower than
 * one frame takes the frame nearest its middle. Null without frames.
 */
export function regionModelLabel(frameScores: Float32Array, timing: FrameTiming, span: TimeSpan): ModelLabel | null {
  const classes = CANONICAL_LABELS.length;
  const frames = Math.floor(frameScores.length / classes);
  if (frames === 0 || !(timing.frameRate > 0)) return null;
  const position = (seconds: number) => (seconds - timing.frameOffsetSeconds) * timing.frameRate;
  let first = Math.max(0, Math.ceil(position(span.startSeconds) - EDGE_EPSILON));
  let last = Math.min(frames - 1, Math.ceil(position(span.endSeconds) - EDGE_EPSILON) - 1);
  if (last < first) {
    const nearest = Math.min(frames - 1, Math.max(0, Math.round(position((span.startSeconds + span.endSeconds) / 2))));
    first = nearest;
    last = nearest;
  }
  const sums = new Float64Array(classes);
  for (let frame = first; frame <= last; frame++) {
    for (let k = 0; k < classes; k++) sums[k]! += frameScores[frame * classes + k]!;
  }
  const count = last - first + 1;
  const means = Array.from(sums, (sum) => sum / count);
  const top = topLabel(means, CANONICAL_LABELS);
  return Number.isFinite(top.score) ? { emotion: top.label, confidence: top.score } : null;
}
