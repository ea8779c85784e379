import type { CanonicalLabel } from "../domain/emotion-labels";
import type { TimeSpan } from "../domain/label-edit-title";
import type { LabelEdit, LabelSourceKind, LabelStatus, RegionConstraints } from "../domain/label-state";
import { checkRegion } from "../domain/region-rules";
import { LabelEditError } from "./label-edit-error";
import {
  labelValueOf,
  labelValues,
  type LabelSnapshot,
  type LabelValue,
  noteValues,
  regionValues,
  reviewValues,
  stateOfSnapshot,
  type StoredEdit,
  type StoredEditKind,
  type StoredLabel,
} from "./label-snapshot";

/**
 * Turns an edit, an undo or a redo into the rows to write and the snapshot
 * that results, without touching the database: the repository runs the
 * writes in one transaction and answers with the resulting state, so a save
 * costs no second read. Refusals throw LabelEditError before anything is
 * written.
 */

export type LabelWrite =
  | { kind: "region.create"; id: string; startSeconds: number; endSeconds: number }
  | { kind: "region.update"; id: string; data: { startSeconds?: number; endSeconds?: number; deletedAt?: Date | null; note?: string } }
  | {
      kind: "label.append";
      label: {
        id: string;
        regionId: string | null;
        emotion: CanonicalLabel | null;
        source: LabelSourceKind;
        confidence: number | null;
        modelId: string | null;
        authorId: string | null;
        createdAt: Date;
      };
      /** The current label this one replaces (its supersededById points here). */
      supersedes: string | null;
    };

export interface LabelEditPlan {
  next: LabelSnapshot;
  writes: LabelWrite[];
  /** Recording columns to set together with the version bump. */
  recording: { note?: string; reviewedAt?: Date | null; labelStatus: LabelStatus; humanEmotion: CanonicalLabel | null };
}

export interface PlanContext {
  now: Date;
  author: { id: string; name: string | null };
  /** Ids for new label and edit rows (UUIDs). */
  newId: () => string;
}

/** The model's label for `label.accept-model`, read from the analysis before the transaction. */
export interface AcceptedModelLabel {
  emotion: CanonicalLabel;
  confidence: number;
  modelId: string;
  modelKey: string;
}

export interface NewEditRecord {
  id: string;
  kind: StoredEditKind;
  regionId: string | null;
  source: LabelSourceKind;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

export function planEdit(
  snapshot: LabelSnapshot,
  edit: LabelEdit,
  context: PlanContext,
  modelLabel?: AcceptedModelLabel,
): { plan: LabelEditPlan; record: NewEditRecord } {
  const { before, after, source } = describeEdit(snapshot, edit, context, modelLabel);
  const kind: StoredEditKind = edit.kind === "label.accept-model" ? "label.set" : edit.kind;
  const regionId = "regionId" in edit ? edit.regionId : null;
  const record: NewEditRecord = { id: context.newId(), kind, regionId, source, before, after };
  const stored: StoredEdit = { ...record, version: snapshot.version + 1 };
  const plan = finish(applyValues(snapshot, kind, regionId, after, context), {
    version: snapshot.version + 1,
    done: [stored, ...snapshot.done].slice(0, 2),
    undone: [],
  });
  return { plan, record };
}

/** Applies the newest done edit's `before`; throws NOTHING_TO_UNDO without one. */
export function planUndo(snapshot: LabelSnapshot, context: PlanContext): { plan: LabelEditPlan; edit: StoredEdit } {
  const edit = snapshot.done[0];
  if (!edit) throw new LabelEditError("NOTHING_TO_UNDO", `${snapshot.originalName} has no edit to undo.`);
  const applied = applyValues(snapshot, edit.kind, edit.regionId, edit.before, context);
  return { plan: finish(applied, { version: snapshot.version + 1, done: snapshot.done.slice(1), undone: [edit, ...snapshot.undone] }), edit };
}

/** Applies the oldest undone edit's `after` again; throws NOTHING_TO_REDO without one. */
export function planRedo(snapshot: LabelSnapshot, context: PlanContext): { plan: LabelEditPlan; edit: StoredEdit } {
  const edit = snapshot.undone[0];
  if (!edit) throw new LabelEditError("NOTHING_TO_REDO", `${snapshot.originalName} has no undone edit to redo.`);
  const applied = applyValues(snapshot, edit.kind, edit.regionId, edit.after, context);
  return { plan: finish(applied, { version: snapshot.version + 1, done: [edit, ...snapshot.done], undone: snapshot.undone.slice(1) }), edit };
}

type Values = Record<string, unknown> | null;

/** Checks an edit against the snapshot and says what it changes. */
function describeEdit(
  snapshot: LabelSnapshot,
  edit: LabelEdit,
  context: PlanContext,
  modelLabel: AcceptedModelLabel | undefined,
): { before: Values; after: Values; source: LabelSourceKind } {
  const human = (before: Values, after: Values) => ({ before, after, source: "human" as const });
  const currentLabel = (regionId: string | null) => {
    const label = snapshot.labels.find((candidate) => candidate.regionId === regionId);
    return label ? (labelValueOf(label) as unknown as Record<string, unknown>) : null;
  };
  const author = { authorId: context.author.id, authorName: context.author.name };
  switch (edit.kind) {
    case "region.create": {
      if (snapshot.regions.some((region) => region.id === edit.regionId)) {
        throw new LabelEditError("REGION_INVALID", `${snapshot.originalName} already has a region with id ${edit.regionId}; create it with a new id.`);
      }
      const span = { startSeconds: edit.startSeconds, endSeconds: edit.endSeconds };
      checkSpan(snapshot, edit.regionId, span, edit.constraints);
      return human(null, span);
    }
    case "region.update": {
      const region = liveRegion(snapshot, edit.regionId);
      const span = { startSeconds: edit.startSeconds, endSeconds: edit.endSeconds };
      checkSpan(snapshot, edit.regionId, span, edit.constraints);
      return human({ startSeconds: region.startSeconds, endSeconds: region.endSeconds }, span);
    }
    case "region.delete": {
      const region = liveRegion(snapshot, edit.regionId);
      return human({ startSeconds: region.startSeconds, endSeconds: region.endSeconds }, null);
    }
    case "label.set": {
      if (edit.regionId !== null) liveRegion(snapshot, edit.regionId);
      const value: LabelValue = { emotion: edit.emotion, source: "human", confidence: null, modelId: null, modelKey: null, ...author };
      return human(currentLabel(edit.regionId), value as unknown as Record<string, unknown>);
    }
    case "label.accept-model": {
      if (edit.regionId !== null) liveRegion(snapshot, edit.regionId);
      if (!modelLabel) throw new LabelEditError("NO_MODEL_RESULT", `${snapshot.originalName} has no model result to accept.`);
      const value: LabelValue = { ...modelLabel, source: "model", ...author };
      return { before: currentLabel(edit.regionId), after: value as unknown as Record<string, unknown>, source: "model" };
    }
    case "note.set": {
      const note = edit.regionId === null ? snapshot.note : liveRegion(snapshot, edit.regionId).note;
      return human({ note }, { note: edit.note });
    }
    case "review.set":
      return human(
        { reviewedAt: snapshot.reviewedAt },
        // Marking an already reviewed recording again keeps when it was first reviewed.
        { reviewedAt: edit.reviewed ? (snapshot.reviewedAt ?? context.now.toISOString()) : null },
      );
  }
}

function liveRegion(snapshot: LabelSnapshot, regionId: string) {
  const region = snapshot.regions.find((candidate) => candidate.id === regionId && !candidate.deleted);
  if (!region) throw new LabelEditError("REGION_NOT_FOUND", `${snapshot.originalName} has no region ${regionId}; it may have been deleted in another tab.`);
  return region;
}

function checkSpan(snapshot: LabelSnapshot, id: string, span: TimeSpan, constraints: RegionConstraints | undefined) {
  const check = checkRegion(
    { id, ...span },
    { liveRegions: snapshot.regions.filter((region) => !region.deleted), durationSeconds: snapshot.durationSeconds, ...(constraints ? { constraints } : {}) },
  );
  if (!check.ok) throw new LabelEditError("REGION_INVALID", `${check.message} in ${snapshot.originalName}.`);
}

interface Applied {
  snapshot: LabelSnapshot;
  writes: LabelWrite[];
  recording: { note?: string; reviewedAt?: Date | null };
}

/** Sets what `values` (an edit's before or after) describe. */
function applyValues(snapshot: LabelSnapshot, kind: StoredEditKind, regionId: string | null, values: Values, context: PlanContext): Applied {
  const unchanged: Applied = { snapshot, writes: [], recording: {} };
  switch (kind) {
    case "region.create":
    case "region.update":
    case "region.delete": {
      const id = regionId!;
      const span = regionValues(values);
      const existing = snapshot.regions.find((region) => region.id === id);
      if (!existing) {
        if (!span) throw new LabelEditError("REGION_NOT_FOUND", `${snapshot.originalName} has no region ${id}.`);
        return {
          ...unchanged,
          snapshot: { ...snapshot, regions: [...snapshot.regions, { id, ...span, note: "", deleted: false }] },
          writes: [{ kind: "region.create", id, ...span }],
        };
      }
      const data = span ? { ...span, deletedAt: null } : { deletedAt: context.now };
      const regions = snapshot.regions.map((region) => (region.id === id ? { ...region, ...(span ?? {}), deleted: !span } : region));
      return { ...unchanged, snapshot: { ...snapshot, regions }, writes: [{ kind: "region.update", id, data }] };
    }
    case "label.set": {
      const value = labelValues(values) ?? cleared(context);
      const current = snapshot.labels.find((label) => label.regionId === regionId);
      const label: StoredLabel = { ...value, id: context.newId(), regionId, createdAt: context.now.toISOString() };
      const row = {
        id: label.id,
        regionId,
        emotion: value.emotion,
        source: value.source,
        confidence: value.confidence,
        modelId: value.modelId,
        authorId: value.authorId,
        createdAt: context.now,
      };
      return {
        ...unchanged,
        snapshot: { ...snapshot, labels: [...snapshot.labels.filter((other) => other !== current), label] },
        writes: [{ kind: "label.append", label: row, supersedes: current?.id ?? null }],
      };
    }
    case "note.set": {
      const note = noteValues(values);
      if (regionId === null) return { ...unchanged, snapshot: { ...snapshot, note }, recording: { note } };
      const regions = snapshot.regions.map((region) => (region.id === regionId ? { ...region, note } : region));
      return { ...unchanged, snapshot: { ...snapshot, regions }, writes: [{ kind: "region.update", id: regionId, data: { note } }] };
    }
    case "review.set": {
      const reviewedAt = reviewValues(values);
      return { ...unchanged, snapshot: { ...snapshot, reviewedAt }, recording: { reviewedAt: reviewedAt === null ? null : new Date(reviewedAt) } };
    }
  }
}

/** Undoing a recording's or region's first label: there was none, so the restored label is a cleared one. */
function cleared(context: PlanContext): LabelValue {
  return { emotion: null, source: "human", confidence: null, modelId: null, modelKey: null, authorId: context.author.id, authorName: context.author.name };
}

function finish(applied: Applied, stack: Pick<LabelSnapshot, "version" | "done" | "undone">): LabelEditPlan {
  const next = { ...applied.snapshot, ...stack };
  const state = stateOfSnapshot(next);
  return {
    next,
    writes: applied.writes,
    recording: { ...applied.recording, labelStatus: state.status, humanEmotion: state.recordingLabel?.emotion ?? null },
  };
}
