import { describe, expect, it } from "vitest";
import { labelStatusOf, labelStatusOfState, type LabelStatusInput } from "./label-status";

const none: LabelStatusInput = { reviewed: false, hasModelResult: false, recordingLabelled: false, regionsLabelled: [] };

describe("labelStatusOf", () => {
  it("is unlabelled without labels or a model result, predicted with only a model result", () => {
    expect(labelStatusOf(none)).toBe("unlabelled");
    expect(labelStatusOf({ ...none, hasModelResult: true })).toBe("predicted");
    expect(labelStatusOf({ ...none, hasModelResult: true, regionsLabelled: [false, false] })).toBe("predicted");
    expect(labelStatusOf({ ...none, regionsLabelled: [false] })).toBe("unlabelled");
  });

  it("is in progress when some but not all regions are labelled and the recording is not", () => {
    expect(labelStatusOf({ ...none, regionsLabelled: [true, false] })).toBe("in_progress");
    expect(labelStatusOf({ ...none, hasModelResult: true, regionsLabelled: [false, true, false] })).toBe("in_progress");
  });

  it("is labelled when the whole recording, or every region, has a label", () => {
    expect(labelStatusOf({ ...none, recordingLabelled: true })).toBe("labelled");
    expect(labelStatusOf({ ...none, recordingLabelled: true, regionsLabelled: [false] })).toBe("labelled");
    expect(labelStatusOf({ ...none, regionsLabelled: [true, true] })).toBe("labelled");
  });

  it("is reviewed once marked, whatever else holds", () => {
    expect(labelStatusOf({ ...none, reviewed: true })).toBe("reviewed");
    expect(labelStatusOf({ ...none, reviewed: true, hasModelResult: true, regionsLabelled: [true, false] })).toBe("reviewed");
  });
});

describe("labelStatusOfState", () => {
  const label = (emotion: "sad" | null) => ({ id: "l", emotion, source: "human" as const, confidence: null, modelKey: null, authorName: null, createdAt: "" });
  const region = (emotion: "sad" | null | undefined) => ({ id: "r", startSeconds: 0, endSeconds: 1, note: "", label: emotion === undefined ? null : label(emotion) });

  it("reads the status off a state, counting a cleared label as none", () => {
    const state = { reviewedAt: null, modelPrediction: null, recordingLabel: null, regions: [] };
    expect(labelStatusOfState(state)).toBe("unlabelled");
    expect(labelStatusOfState({ ...state, modelPrediction: { emotion: "sad", confidence: 0.5, modelKey: "m" } })).toBe("predicted");
    expect(labelStatusOfState({ ...state, recordingLabel: label(null) })).toBe("unlabelled");
    expect(labelStatusOfState({ ...state, recordingLabel: label("sad") })).toBe("labelled");
    expect(labelStatusOfState({ ...state, regions: [region("sad"), region(null)] })).toBe("in_progress");
    expect(labelStatusOfState({ ...state, regions: [region("sad"), region(undefined)] })).toBe("in_progress");
    expect(labelStatusOfState({ ...state, regions: [region("sad"), region("sad")] })).toBe("labelled");
    expect(labelStatusOfState({ ...state, reviewedAt: "2026-01-01T00:00:00.000Z" })).toBe("reviewed");
  });
});
