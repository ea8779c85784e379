import { formatSpan } from "@/lib/domain/label-edit-title";
import type { LabelHistoryEntry } from "@/lib/domain/label-state";

/**
 * One history entry as the sidebar lists it: who, when, what it was before
 * and after, whether a person or a model made it, and whether it was undone.
 */
export interface HistoryRow {
  id: string;
  title: string;
  who: string;
  when: string;
  /** Full timestamp for the tooltip. */
  at: string;
  /** "neutral → sad"; null when the entry has nothing to compare (e.g. a region created). */
  change: string | null;
  source: "human" | "model";
  state: LabelHistoryEntry["state"];
}

export function historyRow(entry: LabelHistoryEntry, now: Date): HistoryRow {
  return {
    id: entry.id,
    title: entry.title,
    who: entry.authorName ?? (entry.source === "model" ? "model" : "unknown author"),
    when: relativeTime(entry.createdAt, now),
    at: entry.createdAt,
    change: describeChange(entry.before, entry.after),
    source: entry.source,
    state: entry.state,
  };
}

/** The changed fields as "before → after", several joined by "; ". */
export function describeChange(before: Readonly<Record<string, unknown>> | null, after: Readonly<Record<string, unknown>> | null): string | null {
  const parts: string[] = [];
  const span = (values: Readonly<Record<string, unknown>> | null) => {
    const start = values?.["startSeconds"];
    const end = values?.["endSeconds"];
    return typeof start === "number" && typeof end === "number" ? formatSpan({ startSeconds: start, endSeconds: end }) : null;
  };
  const spanBefore = span(before);
  const spanAfter = span(after);
  if (spanBefore !== null || spanAfter !== null) parts.push(arrow(spanBefore ?? "none", spanAfter ?? "deleted"));
  if (has(before, "emotion") || has(after, "emotion")) {
    const label = (values: Readonly<Record<string, unknown>> | null) => {
      const emotion = values?.["emotion"];
      const confidence = values?.["confidence"];
      if (typeof emotion !== "string") return "none";
      return values?.["source"] === "model" && typeof confidence === "number" ? `${emotion} (model ${Math.round(confidence * 100)}%)` : emotion;
    };
    parts.push(arrow(label(before), label(after)));
  }
  if (has(before, "note") || has(after, "note")) parts.push(arrow(quote(before?.["note"]), quote(after?.["note"])));
  if (has(before, "reviewedAt") || has(after, "reviewedAt")) {
    const reviewed = (values: Readonly<Record<string, unknown>> | null) => (values?.["reviewedAt"] ? "reviewed" : "not reviewed");
    parts.push(arrow(reviewed(before), reviewed(after)));
  }
  return parts.length > 0 ? parts.join("; ") : null;
}

/** "just now", "5 min ago", "3 h ago", "yesterday", else the date (UTC, so it reads the same for everyone sharing a screenshot). */
export function relativeTime(iso: string, now: Date): string {
  const then = Date.parse(iso);
  if (Number.isNaN(then)) return iso;
  const seconds = Math.max(0, (now.getTime() - then) / 1000);
  if (seconds < 45) return "just now";
  if (seconds < 3600) return `${Math.round(seconds / 60)} min ago`;
  if (seconds < 86_400) return `${Math.round(seconds / 3600)} h ago`;
  if (seconds < 2 * 86_400) return "yesterday";
  return new Date(then).toISOString().slice(0, 10);
}

function has(values: Readonly<Record<string, unknown>> | null, key: string): boolean {
  return values !== null && Object.hasOwn(values, key);
}

function arrow(from: string, to: string): string {
  return `${from} → ${to}`;
}

const NOTE_PREVIEW = 40;

function quote(note: unknown): string {
  if (typeof note !== "string" || note.trim() === "") return "no note";
  const text = note.replace(/\s+/g, " ").trim();
  return `“${text.length > NOTE_PREVIEW ? `${text.slice(0, NOTE_PREVIEW - 1)}…` : text}”`;
}
