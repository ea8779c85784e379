import type { LabelledInterval, LabelSource, RecordingAnnotations } from "../export-item";
import { AnnotationExportError } from "./annotation-export-error";

/**
 * What every annotation writer does before formatting: check the intervals,
 * clamp them to the recording, round them to the format's resolution, and
 * spread overlapping ones over extra tiers (Praat and ELAN tiers cannot hold
 * overlapping intervals). Rounding first, then laying out, means the numbers a
 * writer prints are the numbers it compared, so neighbours stay contiguous.
 */

/** Rounds seconds to a grid of `stepsPerSecond` (1e6 for microseconds, 1000 for milliseconds). */
export function roundTime(seconds: number, stepsPerSecond: number): number {
  return Math.round(seconds * stepsPerSecond) / stepsPerSecond;
}

/** The recording's duration, checked and rounded; every writer's time axis ends here. */
export function checkedDuration(annotations: RecordingAnnotations, stepsPerSecond: number): number {
  const duration = roundTime(annotations.durationSeconds, stepsPerSecond);
  if (!Number.isFinite(annotations.durationSeconds) || duration <= 0) {
    throw new AnnotationExportError(
      `cannot export labels of ${annotations.recordingName}: its duration is ${annotations.durationSeconds} s; annotation files need a positive duration`,
    );
  }
  return duration;
}

/**
 * One source's intervals, checked, clamped to 0..duration, rounded and sorted
 * by start, end and label. Intervals that round to nothing (shorter than the
 * format's resolution, or wholly past the end) are left out: no tool can show them.
 */
export function checkedIntervals(annotations: RecordingAnnotations, source: LabelSource, stepsPerSecond: number): LabelledInterval[] {
  const duration = checkedDuration(annotations, stepsPerSecond);
  const result: LabelledInterval[] = [];
  annotations[source].forEach((interval, index) => {
    const where = `cannot export labels of ${annotations.recordingName}: ${source} interval ${index + 1}`;
    if (!Number.isFinite(interval.start) || !Number.isFinite(interval.end)) {
      throw new AnnotationExportError(`${where} has a time that is not a number (${interval.start} s to ${interval.end} s)`);
    }
    if (interval.end < interval.start) {
      throw new AnnotationExportError(`${where} ends (${interval.end} s) before it starts (${interval.start} s)`);
    }
    if (interval.label.trim() === "") throw new AnnotationExportError(`${where} (${interval.start} s to ${interval.end} s) has an empty label`);
    const start = roundTime(Math.min(Math.max(interval.start, 0), duration), stepsPerSecond);
    const end = roundTime(Math.min(Math.max(interval.end, 0), duration), stepsPerSecond);
    if (end > start) result.push({ start, end, label: interval.label });
  });
  return result.sort(compareIntervals);
}

/**
 * Spreads intervals over as few overlap-free layers as first-fit allows: each
 * interval goes to the first layer whose last interval has ended by its start.
 * Intervals that only touch (one ends where the next starts) share a layer.
 * Always returns at least one layer, so an empty source still gets its tier.
 */
export function overlapFreeLayers(intervals: readonly LabelledInterval[]): LabelledInterval[][] {
  const layers: LabelledInterval[][] = [[]];
  for (const interval of [...intervals].sort(compareIntervals)) {
    const layer = layers.find((candidate) => (candidate[candidate.length - 1]?.end ?? -Infinity) <= interval.start);
    if (layer) layer.push(interval);
    else layers.push([interval]);
  }
  return layers;
}

/** Tier names for a source's layers: "human", "human 2", "human 3", … */
export function layerName(base: string, layerIndex: number): string {
  return layerIndex === 0 ? base : `${base} ${layerIndex + 1}`;
}

/** The tiers a writer emits, in order: human layers, then model layers when the recording has a model result. */
export function annotationTiers(annotations: RecordingAnnotations, stepsPerSecond: number): { name: string; source: LabelSource; intervals: LabelledInterval[] }[] {
  const tiers: { name: string; source: LabelSource; intervals: LabelledInterval[] }[] = [];
  const sources: LabelSource[] = hasModelResult(annotations) ? ["human", "model"] : ["human"];
  for (const source of sources) {
    overlapFreeLayers(checkedIntervals(annotations, source, stepsPerSecond)).forEach((intervals, index) => {
      tiers.push({ name: layerName(source, index), source, intervals });
    });
  }
  return tiers;
}

/** A model tier is written when the recording has a model result, even if its intervals are empty, so files of one export share tiers. */
export function hasModelResult(annotations: RecordingAnnotations): boolean {
  return annotations.modelName !== null || annotations.model.length > 0;
}

function compareIntervals(a: LabelledInterval, b: LabelledInterval): number {
  return a.start - b.start || a.end - b.end || (a.label < b.label ? -1 : a.label > b.label ? 1 : 0);
}
