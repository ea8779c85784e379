import { describe, expect, it } from "vitest";
import { LabelEditError } from "./label-edit-error";
import type { LabelSnapshot, StoredLabel } from "./label-snapshot";
import { planEdit, planRedo, planUndo, type PlanContext } from "./plan-label-edit";

const NOW = new Date("2026-11-21T12:00:00.000Z");

function context(): PlanContext {
  let next = 0;
  return { now: NOW, author: { id: "author-1", name: "Local researcher" }, newId: () => `id-${++next}` };
}

const sadLabel: StoredLabel = {
  id: "label-0",
  regionId: "r1",
  emotion: "sad",
  source: "model",
  confidence: 0.7,
  modelId: "model-1",
  modelKey: "emotion2vec-plus-base",
  authorId: "author-0",
  authorName: "Someone",
  createdAt: "2026-11-20T00:00:00.000Z",
};

const snapshot: LabelSnapshot = {
  recordingId: "rec",
  originalName: "interview-03.wav",
  version: 3,
  durationSeconds: 60,
  analysisHash: null,
  note: "",
  reviewedAt: null,
  regions: [
    { id: "r1", startSeconds: 10, endSeconds: 20, note: "", deleted: false },
    { id: "gone", startSeconds: 30, endSeconds: 40, note: "was here", deleted: true },
  ],
  labels: [sadLabel],
  prediction: null,
  done: [],
  undone: [],
};

const refusal = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(LabelEditError);
    return error as LabelEditError;
  }
  throw new Error("expected a refusal");
};

describe("planEdit", () => {
  it("appends a label that supersedes the current one, and records what it replaced", () => {
    const { plan, record } = planEdit(snapshot, { kind: "label.set", regionId: "r1", emotion: "angry" }, context());
    expect(plan.writes).toEqual([
      {
        kind: "label.append",
        label: { id: "id-2", regionId: "r1", emotion: "angry", source: "human", confidence: null, modelId: null, authorId: "author-1", createdAt: NOW },
        supersedes: "label-0",
      },
    ]);
    expect(record).toMatchObject({ id: "id-1", kind: "label.set", regionId: "r1", source: "human", before: { emotion: "sad", source: "model", confidence: 0.7, modelId: "model-1" } });
    expect(plan.recording).toEqual({ labelStatus: "labelled", humanEmotion: null });
    expect(plan.next).toMatchObject({ version: 4, undone: [] });
    expect(plan.next.done[0]).toMatchObject({ id: "id-1", version: 4 });
  });

  it("creates a region with one insert and moves one with one update", () => {
    expect(planEdit(snapshot, { kind: "region.create", regionId: "r2", startSeconds: 25, endSeconds: 28 }, context()).plan.writes).toEqual([
      { kind: "region.create", id: "r2", startSeconds: 25, endSeconds: 28 },
    ]);
    expect(planEdit(snapshot, { kind: "region.update", regionId: "r1", startSeconds: 11, endSeconds: 19 }, context()).plan.writes).toEqual([
      { kind: "region.update", id: "r1", data: { startSeconds: 11, endSeconds: 19, deletedAt: null } },
    ]);
  });

  it("sets recording fields with the version bump, not as separate writes", () => {
    const note = planEdit(snapshot, { kind: "note.set", regionId: null, note: "music" }, context()).plan;
    expect(note.writes).toEqual([]);
    expect(note.recording).toMatchObject({ note: "music" });
    const review = planEdit(snapshot, { kind: "review.set", reviewed: true }, context()).plan;
    expect(review.recording).toEqual({ reviewedAt: NOW, labelStatus: "reviewed", humanEmotion: null });
  });

  it("refuses before writing anything: a taken region id, a deleted region, a region that breaks the rules, no model label", () => {
    expect(refusal(() => planEdit(snapshot, { kind: "region.create", regionId: "gone", startSeconds: 1, endSeconds: 2 }, context())).code).toBe("REGION_INVALID");
    expect(refusal(() => planEdit(snapshot, { kind: "label.set", regionId: "gone", emotion: "sad" }, context())).message).toBe(
      "interview-03.wav has no region gone; it may have been deleted in another tab.",
    );
    const overlap = refusal(() =>
      planEdit(snapshot, { kind: "region.create", regionId: "r3", startSeconds: 15, endSeconds: 25, constraints: { noOverlap: true, minSeconds: 0 } }, context()),
    );
    expect(overlap).toMatchObject({ code: "REGION_INVALID", message: "Region 0:15.00–0:25.00 overlaps region 0:10.00–0:20.00 in interview-03.wav." });
    expect(refusal(() => planEdit(snapshot, { kind: "label.accept-model", regionId: null }, context())).code).toBe("NO_MODEL_RESULT");
  });

  it("stores an accepted model label as a label.set from the model", () => {
    const { plan, record } = planEdit(snapshot, { kind: "label.accept-model", regionId: null }, context(), {
      emotion: "happy",
      confidence: 0.9,
      modelId: "model-1",
      modelKey: "emotion2vec-plus-base",
    });
    expect(record).toMatchObject({ kind: "label.set", source: "model", before: null, after: { emotion: "happy", source: "model", confidence: 0.9 } });
    expect(plan.recording.humanEmotion).toBe("happy");
  });
});

describe("planUndo and planRedo", () => {
  it("restores a deleted region by clearing deletedAt, with its old times", () => {
    const deleted = { ...snapshot, done: [{ id: "e1", version: 3, kind: "region.delete" as const, regionId: "gone", source: "human" as const, before: { startSeconds: 30, endSeconds: 40 }, after: null }] };
    const { plan, edit } = planUndo(deleted, context());
    expect(edit.id).toBe("e1");
    expect(plan.writes).toEqual([{ kind: "region.update", id: "gone", data: { startSeconds: 30, endSeconds: 40, deletedAt: null } }]);
    expect(plan.next.regions.find((region) => region.id === "gone")).toMatchObject({ deleted: false, note: "was here" });
    expect(plan.next).toMatchObject({ version: 4, done: [], undone: [{ id: "e1" }] });
    expect(planRedo(plan.next, context()).plan.writes).toEqual([{ kind: "region.update", id: "gone", data: { deletedAt: NOW } }]);
  });

  it("restores 'no label' as a cleared label, since rows are never deleted", () => {
    const first = { ...snapshot, labels: [], done: [{ id: "e1", version: 3, kind: "label.set" as const, regionId: null, source: "human" as const, before: null, after: { emotion: "sad" } }] };
    const { plan } = planUndo(first, context());
    expect(plan.writes).toEqual([
      {
        kind: "label.append",
        label: { id: "id-1", regionId: null, emotion: null, source: "human", confidence: null, modelId: null, authorId: "author-1", createdAt: NOW },
        supersedes: null,
      },
    ]);
  });

  it("says when there is nothing to undo or redo", () => {
    expect(refusal(() => planUndo(snapshot, context())).code).toBe("NOTHING_TO_UNDO");
    expect(refusal(() => planRedo(snapshot, context())).code).toBe("NOTHING_TO_REDO");
  });
});
