import type { LabelStatus, RecordingLabelState } from "./label-state";

/** "Model only" would tell a blinded annotator the model has spoken: it reads as unlabelled. */
export function blindLabelStatus(status: LabelStatus): LabelStatus {
  return status === "predicted" ? "unlabelled" : status;
}

/** A group's status counts with "model only" counted as unlabelled. */
export function blindStatusCounts(counts: Readonly<Record<LabelStatus, number>>): Record<LabelStatus, number> {
  return { ...counts, unlabelled: counts.unlabelled + counts.predicted, predicted: 0 };
}

/**
 * The label state as a blinded annotator sees it: the regions to annotate
 * (their times and notes) and the recording's status, without the final
 * labels (made from other annotators' labels), the model's prediction, or
 * the undo and redo titles (which name labels), and "model only" reads as
 * unlabelled.
 */
export function blindLabelState(state: RecordingLabelState): RecordingLabelState {
  return {
    ...state,
    recordingLabel: null,
    regions: state.regions.map((region) => ({ ...region, label: null })),
    status: blindLabelStatus(state.status),
    modelPrediction: null,
    undoTitle: null,
    redoTitle: null,
  };
}
