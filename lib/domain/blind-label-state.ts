import type { RecordingLabelState } from "./label-state";

/**
 * The label state as a blinded annotator sees it: the regions to annotate
 * (their times and notes) and the recording's status, without the final
 * labels (made from other annotators' labels), the model's prediction, or
 * the undo and redo titles (which name labels). "Model only" would say the
 * model has spoken, so it reads as unlabelled.
 */
export function blindLabelState(state: RecordingLabelState): RecordingLabelState {
  return {
    ...state,
    recordingLabel: null,
    regions: state.regions.map((region) => ({ ...region, label: null })),
    status: state.status === "predicted" ? "unlabelled" : state.status,
    modelPrediction: null,
    undoTitle: null,
    redoTitle: null,
  };
}
