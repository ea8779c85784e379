import type { NotebookViewKind, NotebookViewSpec } from "@/lib/domain/notebook/notebook-cell";

/**
 * The view cell settings form's state: every kind's parameters at once (so
 * switching the kind back and forth keeps what was typed), the range as the
 * text in its inputs, and the check that turns it into a NotebookViewSpec
 * or says, for the researcher, what is still wrong.
 */

/** The comparison route's limit (MAX_COMPARED_COHORTS in lib/cohorts, which the browser bundle may not import). */
export const MAX_VIEW_COHORTS = 12;
export const MIN_VIEW_COHORTS = 2;

export interface ViewDraft {
  kind: NotebookViewKind;
  recordingId: string | null;
  /** The "From (s)" and "To (s)" inputs as typed. */
  from: string;
  to: string;
  projectionId: string | null;
  cohortIds: readonly string[];
  patientId: string | null;
}

export type DraftField = "recording" | "from" | "to" | "projection" | "cohorts" | "patient";

export type DraftCheck = { ok: true; view: NotebookViewSpec } | { ok: false; field: DraftField; message: string };

/** What the form knows from the server that the check needs. */
export interface DraftFacts {
  /** The chosen recording's length; undefined while it loads. */
  recordingDurationSeconds?: number;
  /** Projections that finished; undefined while the list loads (then any id passes). */
  finishedProjectionIds?: ReadonlySet<string>;
}

export function draftFromView(view: NotebookViewSpec | null): ViewDraft {
  const draft: ViewDraft = { kind: view?.kind ?? "recording", recordingId: null, from: "", to: "", projectionId: null, cohortIds: [], patientId: null };
  switch (view?.kind) {
    case "recording":
      return { ...draft, recordingId: view.recordingId, from: String(view.startSeconds), to: String(view.endSeconds) };
    case "projection":
      return { ...draft, projectionId: view.projectionId };
    case "comparison":
      return { ...draft, cohortIds: [...view.cohortIds] };
    case "trajectory":
      return { ...draft, patientId: view.patientId };
    default:
      return draft;
  }
}

export function checkDraft(draft: ViewDraft, facts: DraftFacts = {}): DraftCheck {
  switch (draft.kind) {
    case "recording":
      return checkRecording(draft, facts);
    case "projection": {
      if (!draft.projectionId) return { ok: false, field: "projection", message: "Choose a projection." };
      if (facts.finishedProjectionIds && !facts.finishedProjectionIds.has(draft.projectionId)) {
        return { ok: false, field: "projection", message: "That projection has not finished (or no longer exists): choose a finished one." };
      }
      return { ok: true, view: { kind: "projection", projectionId: draft.projectionId } };
    }
    case "comparison": {
      const cohortIds = [...new Set(draft.cohortIds)];
      if (cohortIds.length < MIN_VIEW_COHORTS) return { ok: false, field: "cohorts", message: "Choose at least two cohorts to compare." };
      if (cohortIds.length > MAX_VIEW_COHORTS) return { ok: false, field: "cohorts", message: `Choose at most ${MAX_VIEW_COHORTS} cohorts: a comparison takes no more.` };
      return { ok: true, view: { kind: "comparison", cohortIds } };
    }
    case "trajectory":
      if (!draft.patientId) return { ok: false, field: "patient", message: "Choose a patient." };
      return { ok: true, view: { kind: "trajectory", patientId: draft.patientId } };
  }
}

function checkRecording(draft: ViewDraft, facts: DraftFacts): DraftCheck {
  if (!draft.recordingId) return { ok: false, field: "recording", message: "Choose a recording." };
  const from = parseSeconds(draft.from);
  const to = parseSeconds(draft.to);
  if (from === null) return { ok: false, field: "from", message: "From (s) must be a number of seconds, e.g. 12.5." };
  if (to === null) return { ok: false, field: "to", message: "To (s) must be a number of seconds, e.g. 18.5." };
  if (from < 0) return { ok: false, field: "from", message: "From (s) must be 0 or more." };
  if (to <= from) return { ok: false, field: "to", message: "To (s) must be after From (s)." };
  const duration = facts.recordingDurationSeconds;
  if (duration === undefined) return { ok: false, field: "recording", message: "Waiting for the recording's length…" };
  if (to > duration) return { ok: false, field: "to", message: `To (s) must be at most ${duration.toFixed(2)}, the recording's length.` };
  return { ok: true, view: { kind: "recording", recordingId: draft.recordingId, startSeconds: from, endSeconds: to } };
}

/** A number of seconds as typed ("12.5", " 3 ", "1e1"), or null; an empty input is not 0. */
export function parseSeconds(text: string): number | null {
  const trimmed = text.trim().replace(",", ".");
  if (trimmed === "") return null;
  const value = Number(trimmed);
  return Number.isFinite(value) ? value : null;
}
