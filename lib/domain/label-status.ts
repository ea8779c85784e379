import type { LabelStatus, RecordingLabelState } from "./label-state";

/**
 * A recording's labelling status, kept in Recording.labelStatus so the
 * explorer and "next recording that needs attention" read one column instead
 * of resolving label chains. A label counts when a person put it there, by
 * choosing an emotion or by accepting the model's; a cleared label does not
 * count. The model's own prediction is not a label: it only makes an
 * unlabelled recording "predicted".
 */
export interface LabelStatusInput {
  reviewed: boolean;
  hasModelResult: boolean;
  /** The whole recording has a (not cleared) label. */
  recordingLabelled: boolean;
  /** One entry per live region: whether it has a (not cleared) label. */
  regionsLabelled: readonly boolean[];
}

export function labelStatusOf(input: LabelStatusInput): LabelStatus {
  if (input.reviewed) return "reviewed";
  const regions = input.regionsLabelled;
  if (input.recordingLabelled || (regions.length > 0 && regions.every(Boolean))) return "labelled";
  if (regions.some(Boolean)) return "in_progress";
  return input.hasModelResult ? "predicted" : "unlabelled";
}

/** The status a label state shows: what the server stores and the editor predicts. */
export function labelStatusOfState(state: Pick<RecordingLabelState, "reviewedAt" | "modelPrediction" | "recordingLabel" | "regions">): LabelStatus {
  return labelStatusOf({
    reviewed: state.reviewedAt !== null,
    hasModelResult: state.modelPrediction !== null,
    recordingLabelled: (state.recordingLabel?.emotion ?? null) !== null,
    regionsLabelled: state.regions.map((region) => (region.label?.emotion ?? null) !== null),
  });
}
