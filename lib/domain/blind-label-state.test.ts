import { describe, expect, it } from "vitest";
import { blindLabelState, blindLabelStatus, blindStatusCounts } from "./blind-label-state";
import type { RecordingLabelState } from "./label-state";

const label = { emotion: "sad", source: "model", confidence: 0.8, modelKey: "m", authorName: "rita", updatedAt: "2026-11-21T10:00:00.000Z" } as unknown as RecordingLabelState["recordingLabel"];

const state: RecordingLabelState = {
  recordingId: "r",
  version: 4,
  reviewedAt: null,
  note: "speaker changes at 0:40",
  recordingLabel: label,
  regions: [{ id: "g", startSeconds: 1, endSeconds: 2.5, note: "laughter", label }],
  status: "labelled",
  modelPrediction: { emotion: "sad", confidence: 0.8, modelKey: "m" },
  undoTitle: "Label the recording as sad",
  redoTitle: null,
};

describe("blindLabelState", () => {
  it("keeps the regions, notes, version and status, and drops every label, the prediction and the undo titles", () => {
    const blinded = blindLabelState(state);
    expect(blinded).toEqual({
      ...state,
      recordingLabel: null,
      regions: [{ id: "g", startSeconds: 1, endSeconds: 2.5, note: "laughter", label: null }],
      modelPrediction: null,
      undoTitle: null,
    });
    expect(JSON.stringify(blinded)).not.toContain("sad");
  });

  it("reads a recording the model alone has labelled as unlabelled", () => {
    expect(blindLabelState({ ...state, recordingLabel: null, status: "predicted" }).status).toBe("unlabelled");
    expect(blindLabelStatus("reviewed")).toBe("reviewed");
    expect(blindStatusCounts({ unlabelled: 2, predicted: 5, in_progress: 1, labelled: 3, reviewed: 4 })).toEqual({ unlabelled: 7, predicted: 0, in_progress: 1, labelled: 3, reviewed: 4 });
  });
});
