import { describe, expect, it } from "vitest";
import { applyLabelEditOptimistically } from "./apply-label-edit";
import type { LabelView, RecordingLabelState } from "./label-state";

const NOW = new Date("2026-11-21T12:00:00.000Z");
const EARLIER = "2026-11-20T09:00:00.000Z";

const human = (emotion: LabelView["emotion"]): LabelView => ({
  id: "label-1",
  emotion,
  source: "human",
  confidence: null,
  modelKey: null,
  authorName: "Someone else",
  createdAt: EARLIER,
});

const start: RecordingLabelState = {
  recordingId: "rec",
  version: 4,
  reviewedAt: null,
  note: "",
  recordingLabel: null,
  regions: [
    { id: "r1", startSeconds: 1, endSeconds: 2, note: "", label: human("sad") },
    { id: "r2", startSeconds: 5, endSeconds: 6, note: "", label: null },
  ],
  status: "in_progress",
  modelPrediction: { emotion: "happy", confidence: 0.7, modelKey: "emotion2vec-plus-base" },
  undoTitle: "Label region 0:01.00–0:02.00 as sad",
  redoTitle: "Delete region 0:08.00–0:09.00",
};

const apply = (edit: Parameters<typeof applyLabelEditOptimistically>[1], state = start) => applyLabelEditOptimistically(state, edit, NOW, "Local researcher");

describe("applyLabelEditOptimistically", () => {
  it("adds a created region in start order, bumps the version and replaces the redo step", () => {
    const next = apply({ kind: "region.create", regionId: "r0", startSeconds: 0.5, endSeconds: 0.9 });
    expect(next.regions.map((region) => region.id)).toEqual(["r0", "r1", "r2"]);
    expect(next.regions[0]).toEqual({ id: "r0", startSeconds: 0.5, endSeconds: 0.9, note: "", label: null });
    expect(next).toMatchObject({ version: 5, undoTitle: "Create region 0:00.50–0:00.90", redoTitle: null, status: "in_progress" });
    expect(start.regions).toHaveLength(2);
  });

  it("moves and re-sorts a region, and deletes one", () => {
    const moved = apply({ kind: "region.update", regionId: "r1", startSeconds: 7, endSeconds: 8 });
    expect(moved.regions.map((region) => [region.id, region.startSeconds, region.endSeconds])).toEqual([
      ["r2", 5, 6],
      ["r1", 7, 8],
    ]);
    expect(moved.regions[1]?.label?.emotion).toBe("sad");
    expect(moved.undoTitle).toBe("Move region 0:01.00–0:02.00 to 0:07.00–0:08.00");
    const deleted = apply({ kind: "region.delete", regionId: "r2" });
    expect(deleted.regions.map((region) => region.id)).toEqual(["r1"]);
    // Its one live region is labelled now.
    expect(deleted.status).toBe("labelled");
    expect(deleted.undoTitle).toBe("Delete region 0:05.00–0:06.00");
  });

  it("labels a region or the recording as the researcher, and clears a label", () => {
    const region = apply({ kind: "label.set", regionId: "r2", emotion: "angry" });
    expect(region.regions[1]?.label).toEqual({
      id: "pending-5",
      emotion: "angry",
      source: "human",
      confidence: null,
      modelKey: null,
      authorName: "Local researcher",
      createdAt: NOW.toISOString(),
    });
    expect(region.status).toBe("labelled");
    expect(region.undoTitle).toBe("Label region 0:05.00–0:06.00 as angry");
    const recording = apply({ kind: "label.set", regionId: null, emotion: "neutral" });
    expect(recording.recordingLabel?.emotion).toBe("neutral");
    expect(recording.status).toBe("labelled");
    const cleared = apply({ kind: "label.set", regionId: "r1", emotion: null });
    expect(cleared.regions[0]?.label).toMatchObject({ emotion: null, source: "human" });
    expect(cleared.status).toBe("predicted");
    expect(cleared.undoTitle).toBe("Clear label of region 0:01.00–0:02.00");
  });

  it("takes the shown prediction when accepting the model for the whole recording", () => {
    const next = apply({ kind: "label.accept-model", regionId: null });
    expect(next.recordingLabel).toMatchObject({ emotion: "happy", source: "model", confidence: 0.7, modelKey: "emotion2vec-plus-base", authorName: "Local researcher" });
    expect(next.undoTitle).toBe("Accept model label happy for recording");
    expect(apply({ kind: "label.accept-model", regionId: null, modelKey: "emotion2vec-plus-base" }).recordingLabel?.emotion).toBe("happy");
  });

  it("leaves labels as they are where it cannot know the model's answer, without throwing", () => {
    const region = apply({ kind: "label.accept-model", regionId: "r2" });
    expect(region.regions).toEqual(start.regions);
    expect(region).toMatchObject({ version: 5, undoTitle: "Accept model label for region 0:05.00–0:06.00" });
    expect(apply({ kind: "label.accept-model", regionId: null, modelKey: "other-model" }).recordingLabel).toBeNull();
    expect(apply({ kind: "label.accept-model", regionId: null }, { ...start, modelPrediction: null }).recordingLabel).toBeNull();
  });

  it("sets notes on the recording and on regions", () => {
    expect(apply({ kind: "note.set", regionId: null, note: "background music" }).note).toBe("background music");
    const region = apply({ kind: "note.set", regionId: "r2", note: "laughs" });
    expect(region.regions[1]?.note).toBe("laughs");
    expect(region.undoTitle).toBe("Edit note of region 0:05.00–0:06.00");
  });

  it("marks reviewed (keeping the first review time) and unmarks", () => {
    const reviewed = apply({ kind: "review.set", reviewed: true });
    expect(reviewed).toMatchObject({ reviewedAt: NOW.toISOString(), status: "reviewed", undoTitle: "Mark reviewed" });
    expect(apply({ kind: "review.set", reviewed: true }, { ...start, reviewedAt: EARLIER }).reviewedAt).toBe(EARLIER);
    const unreviewed = apply({ kind: "review.set", reviewed: false }, reviewed);
    expect(unreviewed).toMatchObject({ reviewedAt: null, status: "in_progress", undoTitle: "Mark not reviewed" });
  });

  it("leaves the state as it is for a region the server will not find", () => {
    for (const edit of [
      { kind: "region.update", regionId: "gone", startSeconds: 1, endSeconds: 2 },
      { kind: "region.delete", regionId: "gone" },
      { kind: "label.set", regionId: "gone", emotion: "sad" },
      { kind: "note.set", regionId: "gone", note: "x" },
    ] as const) {
      const next = apply(edit);
      expect(next.regions).toEqual(start.regions);
      expect(next.version).toBe(5);
    }
    expect(apply({ kind: "region.create", regionId: "r1", startSeconds: 9, endSeconds: 10 }).regions).toEqual(start.regions);
  });
});
