import { z } from "zod";
import { compareRegions } from "../domain/apply-label-edit";
import { CANONICAL_LABELS, type CanonicalLabel } from "../domain/emotion-labels";
import { labelEditTitle, type TimeSpan } from "../domain/label-edit-title";
import type { LabelEditKind, LabelSourceKind, LabelView, ModelPrediction, RecordingLabelState } from "../domain/label-state";
import { labelStatusOfState } from "../domain/label-status";
import { utteranceModelLabel } from "./model-label";

/**
 * One recording's labelling data as the label repository reads it in one
 * query: every region (deleted ones too, so undo can bring them back), the
 * current label of the recording and of each region, the model's prediction
 * and the ends of the undo and redo stacks. Plain data, so planning an edit
 * and building the editor's state are pure functions.
 */

export type StoredEditKind = Exclude<LabelEditKind, "label.accept-model">;

export interface StoredRegion extends TimeSpan {
  id: string;
  note: string;
  deleted: boolean;
}

/** What a label says, as stored in a Label row and in a label edit's before/after. */
export interface LabelValue {
  emotion: CanonicalLabel | null;
  source: LabelSourceKind;
  confidence: number | null;
  modelId: string | null;
  modelKey: string | null;
  authorId: string | null;
  /** For display only; the row keeps authorId. */
  authorName: string | null;
}

export interface StoredLabel extends LabelValue {
  id: string;
  regionId: string | null;
  createdAt: string;
}

export interface StoredEdit {
  id: string;
  version: number;
  kind: StoredEditKind;
  regionId: string | null;
  source: LabelSourceKind;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

export interface LabelSnapshot {
  recordingId: string;
  originalName: string;
  version: number;
  durationSeconds: number;
  analysisHash: string | null;
  note: string;
  reviewedAt: string | null;
  regions: StoredRegion[];
  /** The current (not superseded) label rows. */
  labels: StoredLabel[];
  prediction: ModelPrediction | null;
  /** The newest done edits, newest first (the undo stack's top two). */
  done: StoredEdit[];
  /** The oldest undone edits, oldest first (the redo stack's top two). */
  undone: StoredEdit[];
}

export function stateOfSnapshot(snapshot: LabelSnapshot): RecordingLabelState {
  const labelOf = (regionId: string | null) => {
    const label = snapshot.labels.find((candidate) => candidate.regionId === regionId);
    return label ? toLabelView(label) : null;
  };
  const regions = snapshot.regions
    .filter((region) => !region.deleted)
    .map((region) => ({ id: region.id, startSeconds: region.startSeconds, endSeconds: region.endSeconds, note: region.note, label: labelOf(region.id) }))
    .sort(compareRegions);
  const state = {
    recordingId: snapshot.recordingId,
    version: snapshot.version,
    reviewedAt: snapshot.reviewedAt,
    note: snapshot.note,
    recordingLabel: labelOf(null),
    regions,
    modelPrediction: snapshot.prediction,
  };
  const title = (edit: StoredEdit | undefined) => (edit ? titleOfStoredEdit(edit, snapshot.regions) : null);
  return { ...state, status: labelStatusOfState(state), undoTitle: title(snapshot.done[0]), redoTitle: title(snapshot.undone[0]) };
}

/** An edit's title, naming its region where the region lies now. */
export function titleOfStoredEdit(edit: StoredEdit, regions: readonly StoredRegion[]): string {
  const region = edit.regionId ? regions.find((candidate) => candidate.id === edit.regionId) : undefined;
  return labelEditTitle({
    kind: edit.kind,
    source: edit.source,
    region: region ? { startSeconds: region.startSeconds, endSeconds: region.endSeconds } : null,
    before: edit.before,
    after: edit.after,
  });
}

export function toLabelView(label: StoredLabel): LabelView {
  return {
    id: label.id,
    emotion: label.emotion,
    source: label.source,
    confidence: label.confidence,
    modelKey: label.modelKey,
    authorName: label.authorName,
    createdAt: label.createdAt,
  };
}

export function labelValueOf(label: LabelValue): LabelValue {
  const { emotion, source, confidence, modelId, modelKey, authorId, authorName } = label;
  return { emotion, source, confidence, modelId, modelKey, authorId, authorName };
}

const spanSchema = z.object({ startSeconds: z.number(), endSeconds: z.number() });
const labelValueSchema = z.object({
  emotion: z.enum(CANONICAL_LABELS).nullable(),
  source: z.enum(["human", "model"]),
  confidence: z.number().nullable(),
  modelId: z.string().nullable(),
  modelKey: z.string().nullable(),
  authorId: z.string().nullable(),
  authorName: z.string().nullable(),
});

/**
 * The values an edit stored (before or after), read back for undo or redo.
 * Null means "no region" (deleted or not yet created) or "no label". Throws
 * when a row holds values of another shape, which only a bug writes.
 */
export function regionValues(values: unknown): TimeSpan | null {
  return values === null ? null : spanSchema.parse(values);
}

export function labelValues(values: unknown): LabelValue | null {
  return values === null ? null : labelValueSchema.parse(values);
}

export function noteValues(values: unknown): string {
  return z.object({ note: z.string() }).parse(values).note;
}

export function reviewValues(values: unknown): string | null {
  return z.object({ reviewedAt: z.string().nullable() }).parse(values).reviewedAt;
}

// ── Reading the repository's snapshot row ─────────────────────────────────

const storedEditSchema = z.object({
  id: z.string(),
  version: z.number().int(),
  kind: z.enum(["region.create", "region.update", "region.delete", "label.set", "note.set", "review.set"]),
  regionId: z.string().nullable(),
  source: z.enum(["human", "model"]),
  before: z.record(z.string(), z.unknown()).nullable(),
  after: z.record(z.string(), z.unknown()).nullable(),
}) satisfies z.ZodType<StoredEdit>;

const snapshotSchema = z.object({
  id: z.string(),
  version: z.number().int(),
  durationSeconds: z.number(),
  originalName: z.string(),
  note: z.string(),
  reviewedAt: z.string().nullable(),
  analysisHash: z.string().nullable(),
  regions: z.array(z.object({ id: z.string(), startSeconds: z.number(), endSeconds: z.number(), note: z.string(), deleted: z.boolean() })),
  labels: z.array(
    z.object({
      id: z.string(),
      regionId: z.string().nullable(),
      emotion: z.enum(CANONICAL_LABELS).nullable(),
      source: z.enum(["human", "model"]),
      confidence: z.number().nullable(),
      modelId: z.string().nullable(),
      modelKey: z.string().nullable(),
      authorId: z.string().nullable(),
      authorName: z.string().nullable(),
      createdAt: z.string(),
    }),
  ),
  prediction: z.object({ modelKey: z.string(), scores: z.unknown() }).nullable(),
  done: z.array(storedEditSchema),
  undone: z.array(storedEditSchema),
  authorName: z.string().nullable(),
});

/** A LabelEdit row's fields as a StoredEdit; throws for a kind or source this version does not write. */
export function parseStoredEdit(row: unknown): StoredEdit {
  return storedEditSchema.parse(row);
}

/**
 * The label repository's snapshot query row (json columns as text or parsed,
 * whichever the driver hands back) as a snapshot, with the display name of
 * the author the query was asked about.
 */
export function snapshotFromRow(raw: Record<string, unknown>): LabelSnapshot & { authorName: string | null } {
  const parsed: Record<string, unknown> = { ...raw };
  for (const key of ["regions", "labels", "prediction", "done", "undone"]) {
    const value = parsed[key];
    if (typeof value === "string") parsed[key] = JSON.parse(value);
  }
  const row = snapshotSchema.parse(parsed);
  const predicted = row.prediction ? utteranceModelLabel(row.prediction.scores) : null;
  return {
    recordingId: row.id,
    originalName: row.originalName,
    version: row.version,
    durationSeconds: row.durationSeconds,
    analysisHash: row.analysisHash,
    note: row.note,
    reviewedAt: row.reviewedAt,
    regions: row.regions,
    labels: row.labels,
    prediction: predicted && row.prediction ? { ...predicted, modelKey: row.prediction.modelKey } : null,
    done: row.done,
    undone: row.undone,
    authorName: row.authorName,
  };
}
