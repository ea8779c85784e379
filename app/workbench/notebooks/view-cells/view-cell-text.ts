import type { NotebookViewKind, NotebookViewSpec } from "@/lib/domain/notebook/notebook-cell";

/** The words a view cell shows about what it embeds, kept out of the components so the heading, the form and the errors agree. */

export const VIEW_KIND_TITLES: Readonly<Record<NotebookViewKind, string>> = {
  recording: "Recording range",
  projection: "Projection",
  comparison: "Cohort comparison",
  trajectory: "Patient trajectory",
};

/** The kinds in the order the settings form offers them. */
export const VIEW_KINDS: readonly NotebookViewKind[] = ["recording", "projection", "comparison", "trajectory"];

/** "3f2a9c1e…": enough of an id to tell views apart in a message, short enough to read. */
export function shortId(id: string): string {
  return id.length > 8 ? `${id.slice(0, 8)}…` : id;
}

/** Seconds with one decimal, or two where one would hide the difference: "12.0", "12.25". */
export function formatSeconds(seconds: number): string {
  return seconds.toFixed(decimalsFor(seconds));
}

/** "12.0–18.5 s"; both ends with the same decimals: "12.25–18.50 s". */
export function formatRange(startSeconds: number, endSeconds: number): string {
  const decimals = Math.max(decimalsFor(startSeconds), decimalsFor(endSeconds));
  return `${startSeconds.toFixed(decimals)}–${endSeconds.toFixed(decimals)} s`;
}

function decimalsFor(seconds: number): number {
  return Math.abs(seconds * 10 - Math.round(seconds * 10)) < 1e-6 ? 1 : 2;
}

/** What the heading names once the view's data has arrived; absent parts fall back to short ids (the frame already says the kind). */
export interface ViewNames {
  recording?: string;
  projection?: string;
  cohorts?: readonly string[];
  patient?: string;
}

/** The cell's heading: "interview-03.wav · 12.0–18.5 s", the projection's name, "Intake vs Follow-up", "P-014". */
export function viewHeading(view: NotebookViewSpec, names: ViewNames = {}): string {
  switch (view.kind) {
    case "recording":
      return `${names.recording ?? shortId(view.recordingId)} · ${formatRange(view.startSeconds, view.endSeconds)}`;
    case "projection":
      return names.projection ?? shortId(view.projectionId);
    case "comparison":
      return names.cohorts && names.cohorts.length > 0 ? names.cohorts.join(" vs ") : `${view.cohortIds.length} cohorts`;
    case "trajectory":
      return names.patient ?? shortId(view.patientId);
  }
}

/** A failed request as the cell needs it: the status says whether the thing is gone. */
export interface ViewFailure {
  message: string;
  status?: number;
}

/**
 * The cell's error line. A 404 means what the cell was pinned to has been
 * deleted since ("Projection 3f2a9c1e… no longer exists"); anything else
 * carries the server's message.
 */
export function viewErrorMessage(view: NotebookViewSpec, failure: ViewFailure): string {
  if (failure.status === 404) {
    switch (view.kind) {
      case "recording":
        return `Recording ${shortId(view.recordingId)} no longer exists.`;
      case "projection":
        return `Projection ${shortId(view.projectionId)} no longer exists.`;
      case "comparison":
        return `A cohort of this comparison no longer exists: ${failure.message}`;
      case "trajectory":
        return `Patient ${shortId(view.patientId)} no longer exists.`;
    }
  }
  return `Cannot show ${describeView(view)}: ${failure.message}`;
}

/** "projection 3f2a9c1e…", for sentences. */
export function describeView(view: NotebookViewSpec): string {
  switch (view.kind) {
    case "recording":
      return `recording ${shortId(view.recordingId)} (${formatRange(view.startSeconds, view.endSeconds)})`;
    case "projection":
      return `projection ${shortId(view.projectionId)}`;
    case "comparison":
      return `the comparison of ${view.cohortIds.length} cohorts`;
    case "trajectory":
      return `the trajectory of patient ${shortId(view.patientId)}`;
  }
}

/** Any thrown value as a ViewFailure (ApiRequestError carries the status). */
export function failureOf(error: unknown): ViewFailure {
  const message = error instanceof Error ? error.message : String(error);
  const status = typeof error === "object" && error !== null && "status" in error && typeof error.status === "number" ? error.status : undefined;
  return status === undefined ? { message } : { message, status };
}
