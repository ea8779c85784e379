import { ArrayShapeError } from "../array-shape-error";
import { CANONICAL_INDEX, CANONICAL_LABELS, isCanonicalLabel } from "../emotion-labels";

/**
 * One recording's emotion mix for the cohort statistics and the patient
 * trajectory: human labels where a person gave any, the model otherwise, and
 * always which of the two (and from what) it came.
 */

export type ProportionSource = "human" | "model";

/**
 * "regions": labelled duration per emotion over the total labelled duration;
 * "recording-label": one-hot of the whole-recording label; "frames": share of
 * frames whose top class is each emotion; "utterance": one-hot of the
 * utterance scores' top class.
 */
export type ProportionBasis = "regions" | "recording-label" | "frames" | "utterance";

export interface RecordingProportions {
  /** Nine shares summing to 1, canonical order. */
  proportions: number[];
  source: ProportionSource;
  basis: ProportionBasis;
}

export interface LabelledSpan {
  startSeconds: number;
  endSeconds: number;
  /** The region's current label; anything not a canonical label is ignored. */
  emotion: string;
}

export interface RecordingEvidence {
  /** Live regions with a current, non-cleared label. */
  regionLabels: readonly LabelledSpan[];
  /** The current whole-recording label, or null. */
  recordingLabel: string | null;
  /** The chosen model's whole-recording analysis, or null when it has none. */
  model: {
    /** frames × 9 canonical scores, or null when the analysis has none (imported results) or the file is gone. */
    frameScores: Float32Array | null;
    /** The nine canonical utterance scores, or null when the stored row has another shape. */
    utteranceScores: readonly number[] | null;
  } | null;
}

const CLASSES = CANONICAL_LABELS.length;

/**
 * The rule, in order: labelled regions (each region counts with its full
 * duration, so where two labelled regions overlap that stretch counts twice,
 * once per label); the whole-recording label; the model's frames; the model's
 * utterance. Null when none applies: the caller excludes the recording and
 * counts it as "without labels or analysis".
 */
export function recordingProportions(evidence: RecordingEvidence): RecordingProportions | null {
  const regions = fromRegions(evidence.regionLabels);
  if (regions) return { proportions: regions, source: "human", basis: "regions" };
  const label = evidence.recordingLabel;
  if (label !== null && isCanonicalLabel(label)) return { proportions: oneHot(CANONICAL_INDEX[label]), source: "human", basis: "recording-label" };
  const model = evidence.model;
  if (!model) return null;
  const frames = model.frameScores ? frameTopShares(model.frameScores) : null;
  if (frames) return { proportions: frames, source: "model", basis: "frames" };
  const top = model.utteranceScores ? topIndex(model.utteranceScores, 0) : -1;
  return top >= 0 ? { proportions: oneHot(top), source: "model", basis: "utterance" } : null;
}

/** Share of frames whose top class is each emotion (ties go to the first class in canonical order); null without usable frames. */
export function frameTopShares(frameScores: Float32Array): number[] | null {
  if (frameScores.length % CLASSES !== 0) {
    throw new ArrayShapeError(`frame scores have ${frameScores.length} values, not a whole number of frames × ${CLASSES} classes`);
  }
  const counts = new Array<number>(CLASSES).fill(0);
  let frames = 0;
  for (let offset = 0; offset < frameScores.length; offset += CLASSES) {
    const top = topIndex(frameScores, offset);
    // A frame of NaN (an overflowed model) says nothing about the mix.
    if (top < 0) continue;
    counts[top]!++;
    frames++;
  }
  return frames === 0 ? null : counts.map((count) => count / frames);
}

function fromRegions(regions: readonly LabelledSpan[]): number[] | null {
  const seconds = new Array<number>(CLASSES).fill(0);
  let total = 0;
  for (const region of regions) {
    if (!isCanonicalLabel(region.emotion)) continue;
    const length = region.endSeconds - region.startSeconds;
    if (!(length > 0) || !Number.isFinite(length)) continue;
    seconds[CANONICAL_INDEX[region.emotion]]! += length;
    total += length;
  }
  return total > 0 ? seconds.map((value) => value / total) : null;
}

/** Index of the largest of the nine values starting at `offset`; −1 when none is finite. */
function topIndex(values: ArrayLike<number>, offset: number): number {
  let best = -1;
  for (let k = 0; k < CLASSES; k++) {
    const value = values[offset + k]!;
    if (!Number.isFinite(value)) continue;
    if (best < 0 || value > values[offset + best]!) best = k;
  }
  return best;
}

function oneHot(index: number): number[] {
  return Array.from({ length: CLASSES }, (_, k) => (k === index ? 1 : 0));
}
