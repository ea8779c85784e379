import { CANONICAL_LABELS, type CanonicalLabel } from "../emotion-labels";
import type { LabelledInterval } from "./export-item";

/**
 * The model's top label over time, as annotation tools show a tier: each
 * frame's top class (ties to the first in canonical order), consecutive
 * frames with the same exported label merged into one interval, frames whose
 * label the mapping drops left as gaps. Frame i covers
 * [offset + (i − ½)/rate, offset + (i + ½)/rate), clamped to the recording.
 */
export function modelLabelRuns(
  frameScores: Float32Array,
  timing: { readonly frameRate: number; readonly frameOffsetSeconds: number },
  durationSeconds: number,
  map: (label: CanonicalLabel) => string | null,
): LabelledInterval[] {
  const classes = CANONICAL_LABELS.length;
  const frames = Math.floor(frameScores.length / classes);
  if (frames === 0 || !(timing.frameRate > 0)) return [];
  const half = 0.5 / timing.frameRate;
  const startOf = (frame: number) => Math.min(durationSeconds, Math.max(0, timing.frameOffsetSeconds + frame / timing.frameRate - half));
  const runs: LabelledInterval[] = [];
  let current: string | null = null;
  let runStart = 0;
  const close = (frame: number) => {
    const end = startOf(frame);
    if (current !== null && end > runStart) runs.push({ start: runStart, end, label: current });
  };
  for (let frame = 0; frame < frames; frame++) {
    let best = 0;
    for (let c = 1; c < classes; c++) if (frameScores[frame * classes + c]! > frameScores[frame * classes + best]!) best = c;
    const label = map(CANONICAL_LABELS[best]!);
    if (label !== current) {
      close(frame);
      current = label;
      runStart = startOf(frame);
    }
  }
  close(frames);
  return runs;
}
