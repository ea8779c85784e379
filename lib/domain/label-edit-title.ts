import type { LabelEditKind, LabelSourceKind } from "./label-state";

/**
 * One-line titles of label edits, for the history list and the undo and redo
 * commands ("Undo Label region 0:12.30–0:15.00 as sad"). The editor (from the
 * edit it is about to send) and the server (from the stored history row) both
 * describe an edit in this shape, so their titles agree.
 */

export interface TimeSpan {
  startSeconds: number;
  endSeconds: number;
}

export interface EditTitleInput {
  kind: LabelEditKind;
  source: LabelSourceKind;
  /**
   * The region the edit is about, where it lies now (a deleted region: where
   * it lay); null for the whole recording.
   */
  region: TimeSpan | null;
  /** The changed fields before and after, as stored with the edit. */
  before: Readonly<Record<string, unknown>> | null;
  after: Readonly<Record<string, unknown>> | null;
}

export function labelEditTitle(input: EditTitleInput): string {
  const { kind, before, after } = input;
  switch (kind) {
    case "region.create":
      return `Create region ${spanText(spanOf(after) ?? input.region)}`;
    case "region.update": {
      const from = spanOf(before);
      const to = spanOf(after) ?? input.region;
      return from ? `Move region ${formatSpan(from)} to ${spanText(to)}` : `Move region ${spanText(to)}`;
    }
    case "region.delete":
      return `Delete region ${spanText(spanOf(before) ?? input.region)}`;
    case "label.set":
    case "label.accept-model": {
      const target = input.region ? `region ${formatSpan(input.region)}` : "recording";
      const emotion = emotionOf(after);
      if (kind === "label.accept-model" || input.source === "model") {
        return emotion ? `Accept model label ${emotion} for ${target}` : `Accept model label for ${target}`;
      }
      return emotion ? `Label ${target} as ${emotion}` : `Clear label of ${target}`;
    }
    case "note.set":
      return input.region ? `Edit note of region ${formatSpan(input.region)}` : "Edit note";
    case "review.set":
      return after?.["reviewedAt"] ? "Mark reviewed" : "Mark not reviewed";
  }
}

/** 12.3 → "0:12.30"; 3725.5 → "1:02:05.50". Rounded to hundredths first, so 59.999 reads "1:00.00". */
export function formatTimecode(seconds: number): string {
  if (!Number.isFinite(seconds)) return String(seconds);
  const sign = seconds < 0 ? "-" : "";
  const hundredths = Math.round(Math.abs(seconds) * 100);
  const cc = hundredths % 100;
  const totalSeconds = Math.floor(hundredths / 100);
  const ss = totalSeconds % 60;
  const totalMinutes = Math.floor(totalSeconds / 60);
  const fraction = `${pad(ss)}.${pad(cc)}`;
  if (totalMinutes < 60) return `${sign}${totalMinutes}:${fraction}`;
  return `${sign}${Math.floor(totalMinutes / 60)}:${pad(totalMinutes % 60)}:${fraction}`;
}

/** "0:12.30–0:15.00" (an en dash between). */
export function formatSpan(span: TimeSpan): string {
  return `${formatTimecode(span.startSeconds)}–${formatTimecode(span.endSeconds)}`;
}

function spanText(span: TimeSpan | null): string {
  return span ? formatSpan(span) : "(unknown times)";
}

function spanOf(values: Readonly<Record<string, unknown>> | null): TimeSpan | null {
  const start = values?.["startSeconds"];
  const end = values?.["endSeconds"];
  return typeof start === "number" && typeof end === "number" ? { startSeconds: start, endSeconds: end } : null;
}

function emotionOf(values: Readonly<Record<string, unknown>> | null): string | null {
  const emotion = values?.["emotion"];
  return typeof emotion === "string" ? emotion : null;
}

function pad(value: number): string {
  return String(value).padStart(2, "0");
}
