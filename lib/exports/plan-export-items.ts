import type { ExportModelResult, ExportSourceRecording } from "../db/export.repository";
import { CANONICAL_LABELS, type CanonicalLabel, isCanonicalLabel } from "../domain/emotion-labels";
import type { ExportDefinition } from "../domain/export/export-definition";
import { clipPath, exportItemId } from "../domain/export/export-item-id";
import type { ExportItem, ExportSplit } from "../domain/export/export-item";
import type { LabelMapper } from "../domain/export/label-mapping";
import { isSkippedItemLabel, resolveItemLabel } from "../domain/export/label-policy";
import { parseUtteranceScores } from "../inference/serve-analyses";
import { utteranceModelLabel } from "../labels/model-label";

/**
 * Turns the selection's recordings into export items: one per recording, or
 * one per live region, each labelled by the definition's policy and mapping.
 * Items that cannot be exported are counted by reason rather than dropped
 * silently. The same function serves both passes of the export: the first
 * collects what the split assignment needs, the second builds the items.
 */

export type SkipReason = "no-human-label" | "no-model-result" | "below-threshold" | "dropped-by-mapping" | "no-audio" | "empty-span";

export interface ItemCandidate {
  key: string;
  recording: ExportSourceRecording;
  regionId: string | null;
  offsetSeconds: number;
  durationSeconds: number;
  label: string;
  originalLabel: CanonicalLabel;
  labelSource: "human" | "model";
  confidence: number | null;
  /** The model result for this span (its embedding and scores), if any. */
  model: ExportModelResult | null;
  authorId: string | null;
}

export function candidatesOf(
  recording: ExportSourceRecording,
  definition: ExportDefinition,
  mapper: LabelMapper,
  regionRangeKey: (region: { startSeconds: number; endSeconds: number }) => string,
  skipped: Map<SkipReason, number>,
): ItemCandidate[] {
  const skip = (reason: SkipReason) => {
    skipped.set(reason, (skipped.get(reason) ?? 0) + 1);
    return [];
  };
  const spans =
    definition.level === "recording"
      ? [{ regionId: null, start: 0, end: recording.durationSeconds, human: recording.humanLabel, model: recording.model, authorId: recording.humanAuthorId }]
      : recording.regions.map((region) => ({
          regionId: region.id,
          start: region.startSeconds,
          end: Math.min(region.endSeconds, recording.durationSeconds),
          human: region.humanLabel,
          model: recording.regionModels.get(regionRangeKey(region)) ?? null,
          authorId: region.authorId,
        }));
  return spans.flatMap((span): ItemCandidate[] => {
    if (!recording.analysisHash) return skip("no-audio");
    if (!(span.end > span.start)) return skip("empty-span");
    const modelLabel = span.model ? utteranceModelLabel(span.model.utteranceScores) : null;
    const resolved = resolveItemLabel(
      { human: span.human && isCanonicalLabel(span.human) ? span.human : null, model: modelLabel ? { label: modelLabel.emotion, confidence: modelLabel.confidence } : null },
      definition.labelPolicy,
    );
    if (isSkippedItemLabel(resolved)) return skip(resolved.skip);
    const mapped = mapper.map(resolved.label);
    if (mapped === null) return skip("dropped-by-mapping");
    return [
      {
        key: exportItemId(recording.recordingId, span.regionId),
        recording,
        regionId: span.regionId,
        offsetSeconds: span.start,
        durationSeconds: span.end - span.start,
        label: mapped,
        originalLabel: resolved.label,
        labelSource: resolved.source,
        confidence: resolved.confidence,
        model: span.model,
        authorId: resolved.source === "human" ? span.authorId : null,
      },
    ];
  });
}

/** Patients are what must not cross splits; a recording without one is its own group. */
export function splitGroupOf(candidate: ItemCandidate): string {
  return candidate.recording.patientId ?? `recording:${candidate.recording.recordingId}`;
}

export function itemOf(candidate: ItemCandidate, split: ExportSplit, includeModelScores: boolean, sampleRate: number): ExportItem {
  const scores = includeModelScores && candidate.model ? parseUtteranceScores(candidate.model.utteranceScores) : null;
  return {
    id: candidate.key,
    recordingId: candidate.recording.recordingId,
    regionId: candidate.regionId,
    recordingName: candidate.recording.name,
    audioPath: clipPath(split, candidate.key, "audiofolder"),
    offsetSeconds: candidate.offsetSeconds,
    durationSeconds: candidate.durationSeconds,
    sampleCount: Math.max(0, Math.ceil((candidate.offsetSeconds + candidate.durationSeconds) * sampleRate) - Math.floor(candidate.offsetSeconds * sampleRate)),
    label: candidate.label,
    originalLabel: candidate.originalLabel,
    labelSource: candidate.labelSource,
    confidence: candidate.confidence,
    split,
    patient: candidate.recording.patientCode,
    cohort: candidate.recording.cohorts,
    sessionCode: candidate.recording.sessionCode,
    modelScores: scores && scores.scores.length === CANONICAL_LABELS.length ? scores.scores : null,
  };
}
