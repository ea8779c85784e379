import { labelEditTitle } from "./label-edit-title";
import type { LabelEdit, LabelView, RecordingLabelState, RegionView } from "./label-state";
import { labelStatusOfState } from "./label-status";

/**
 * What the editor shows between sending an edit and the server's answer. The
 * label repository applies the same edit in a transaction; for every edit
 * kind its answer matches this one in regions, labels, notes, review and
 * status (label ids and timestamps aside), which the repository's
 * integration test checks. An edit the server will refuse (an unknown
 * region) leaves the state as it is apart from the version, and nothing here
 * throws: the server's answer replaces this state either way.
 */
export function applyLabelEditOptimistically(state: RecordingLabelState, edit: LabelEdit, now: Date, authorName: string): RecordingLabelState {
  const version = state.version + 1;
  const undoTitle = labelEditTitle(titleInputOf(state, edit));
  const next = applyChange(state, edit, now, authorName, version);
  return { ...next, version, status: labelStatusOfState(next), undoTitle, redoTitle: null };
}

/** Live regions in the order the editor lists them: by start, then end, then id (so equal spans keep one order). */
export function compareRegions(a: Pick<RegionView, "id" | "startSeconds" | "endSeconds">, b: Pick<RegionView, "id" | "startSeconds" | "endSeconds">): number {
  return a.startSeconds - b.startSeconds || a.endSeconds - b.endSeconds || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

function applyChange(state: RecordingLabelState, edit: LabelEdit, now: Date, authorName: string, version: number): RecordingLabelState {
  const hasRegion = (id: string) => state.regions.some((region) => region.id === id);
  const withRegions = (regions: RegionView[]) => ({ ...state, regions: regions.sort(compareRegions) });
  const updateRegion = (id: string, change: (region: RegionView) => RegionView) =>
    withRegions(state.regions.map((region) => (region.id === id ? change(region) : region)));
  const labelOf = (emotion: LabelView["emotion"], extra: Partial<LabelView> = {}): LabelView => ({
    id: `pending-${version}`,
    emotion,
    source: "human",
    confidence: null,
    modelKey: null,
    authorName,
    createdAt: now.toISOString(),
    ...extra,
  });
  const setLabel = (regionId: string | null, label: LabelView): RecordingLabelState =>
    regionId === null ? { ...state, recordingLabel: label } : updateRegion(regionId, (region) => ({ ...region, label }));

  switch (edit.kind) {
    case "region.create":
      if (hasRegion(edit.regionId)) return state;
      return withRegions([...state.regions, { id: edit.regionId, startSeconds: edit.startSeconds, endSeconds: edit.endSeconds, note: "", label: null }]);
    case "region.update":
      return updateRegion(edit.regionId, (region) => ({ ...region, startSeconds: edit.startSeconds, endSeconds: edit.endSeconds }));
    case "region.delete":
      return withRegions(state.regions.filter((region) => region.id !== edit.regionId));
    case "label.set":
      if (edit.regionId !== null && !hasRegion(edit.regionId)) return state;
      return setLabel(edit.regionId, labelOf(edit.emotion));
    case "label.accept-model": {
      // A region's model label is the mean of frame scores the editor does
      // not hold; the whole recording's is the prediction it already shows.
      const prediction = state.modelPrediction;
      if (edit.regionId !== null || !prediction || (edit.modelKey !== undefined && edit.modelKey !== prediction.modelKey)) return state;
      return setLabel(null, labelOf(prediction.emotion, { source: "model", confidence: prediction.confidence, modelKey: prediction.modelKey }));
    }
    case "note.set":
      if (edit.regionId === null) return { ...state, note: edit.note };
      return updateRegion(edit.regionId, (region) => ({ ...region, note: edit.note }));
    case "review.set":
      return { ...state, reviewedAt: edit.reviewed ? (state.reviewedAt ?? now.toISOString()) : null };
  }
}

/** The title an edit will have in the history, from the edit and the state it applies to. */
function titleInputOf(state: RecordingLabelState, edit: LabelEdit): Parameters<typeof labelEditTitle>[0] {
  const regionId = "regionId" in edit ? edit.regionId : null;
  const region = state.regions.find((candidate) => candidate.id === regionId) ?? null;
  const span = region && { startSeconds: region.startSeconds, endSeconds: region.endSeconds };
  const base = { kind: edit.kind, source: "human" as const, region: span, before: null, after: null };
  switch (edit.kind) {
    case "region.create":
    case "region.update":
      return { ...base, before: span, after: { startSeconds: edit.startSeconds, endSeconds: edit.endSeconds } };
    case "region.delete":
      return { ...base, before: span };
    case "label.set":
      return { ...base, after: { emotion: edit.emotion } };
    case "label.accept-model": {
      const prediction = edit.regionId === null && (edit.modelKey === undefined || edit.modelKey === state.modelPrediction?.modelKey) ? state.modelPrediction : null;
      return { ...base, source: "model", after: prediction ? { emotion: prediction.emotion } : null };
    }
    case "note.set":
      return { ...base, after: { note: edit.note } };
    case "review.set":
      return { ...base, after: { reviewedAt: edit.reviewed ? (state.reviewedAt ?? "now") : null } };
  }
}
