import type { CanonicalLabel } from "./emotion-labels";

/**
 * The labelling state of one recording as the editor sees it, and the edits
 * it sends. Shared by the label repository (which applies edits in one
 * transaction) and the editor (which applies them optimistically before the
 * server answers), so both read the same shapes.
 */

export const LABEL_STATUSES = ["unlabelled", "predicted", "in_progress", "labelled", "reviewed"] as const;
/**
 * unlabelled: no model result and no human label. predicted: a model result,
 * no human label. in_progress: some human labels, but not the whole recording
 * and not every region. labelled: the whole recording, or every region, has a
 * human label. reviewed: marked reviewed (whatever else holds).
 */
export type LabelStatus = (typeof LABEL_STATUSES)[number];

export type LabelSourceKind = "human" | "model";

export interface LabelView {
  id: string;
  /** null: the label was cleared. */
  emotion: CanonicalLabel | null;
  source: LabelSourceKind;
  /** The model's score for `emotion` when the source is a model. */
  confidence: number | null;
  /** The model's key (manifest id) when the source is a model. */
  modelKey: string | null;
  authorName: string | null;
  createdAt: string;
}

export interface RegionView {
  id: string;
  startSeconds: number;
  endSeconds: number;
  note: string;
  label: LabelView | null;
}

export interface RecordingLabelState {
  recordingId: string;
  /** Bumped by every edit, undo and redo; an edit names the version it was based on. */
  version: number;
  reviewedAt: string | null;
  note: string;
  /** The label of the whole recording. */
  recordingLabel: LabelView | null;
  /** Live regions, sorted by start then end. */
  regions: RegionView[];
  status: LabelStatus;
  /**
   * The top class of the latest whole-recording analysis (any model), which
   * `label.accept-model` without a region and without a modelKey takes; null
   * without one. It also decides "unlabelled" against "predicted".
   */
  modelPrediction: ModelPrediction | null;
  /** Title of the edit an undo would revert ("Label region 0:12.3–0:15.0 as sad"), null when there is none. */
  undoTitle: string | null;
  redoTitle: string | null;
}

export interface ModelPrediction {
  emotion: CanonicalLabel;
  confidence: number;
  modelKey: string;
}

/** Settings the editor applies when regions are drawn; the server checks them again. */
export interface RegionConstraints {
  noOverlap: boolean;
  /** Shortest region allowed, in seconds (0: any). */
  minSeconds: number;
}

export type LabelEdit =
  | {
      kind: "region.create";
      /** Chosen by the client (a UUID) so an optimistic region keeps its id once saved. */
      regionId: string;
      startSeconds: number;
      endSeconds: number;
      constraints?: RegionConstraints;
    }
  | { kind: "region.update"; regionId: string; startSeconds: number; endSeconds: number; constraints?: RegionConstraints }
  | { kind: "region.delete"; regionId: string }
  /** regionId null: the whole recording. emotion null clears the label. */
  | { kind: "label.set"; regionId: string | null; emotion: CanonicalLabel | null }
  /**
   * Take the model's top class as the label: for the whole recording its
   * utterance scores, for a region the mean of its frame scores over the
   * region. The server computes it from the stored analysis of `modelKey`
   * (the latest analysed model when absent).
   */
  | { kind: "label.accept-model"; regionId: string | null; modelKey?: string }
  | { kind: "note.set"; regionId: string | null; note: string }
  | { kind: "review.set"; reviewed: boolean };

export type LabelEditKind = LabelEdit["kind"];

/** One row of the visible history. `before`/`after` are the changed fields, e.g. { emotion, source, confidence } or { startSeconds, endSeconds }. */
export interface LabelHistoryEntry {
  id: string;
  version: number;
  kind: Exclude<LabelEditKind, "label.accept-model">;
  regionId: string | null;
  source: LabelSourceKind;
  authorName: string | null;
  createdAt: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  state: "done" | "undone" | "discarded";
  undoneAt: string | null;
  /** One line for the history list, e.g. "Labelled region 0:12.3–0:15.0: neutral → sad". */
  title: string;
}

/** Why a recording is offered by "next recording that needs attention". */
export type AttentionReason = "disagreement" | "low-confidence" | "no-human-label";

export interface AttentionTarget {
  recordingId: string;
  reason: AttentionReason;
}
