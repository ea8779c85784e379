import { type CanonicalLabel, toCanonicalLabel } from "@/lib/domain/emotion-labels";

/**
 * The ground truth a corpus may carry in a recording's metadata as
 * `truth_spans` (the demo corpus: a JSON string of [{start, end, emotion}]),
 * read forgivingly: whatever is not a usable span is skipped, and a value
 * that is not a list at all means "no reference lane", never an error.
 */
export interface TruthSpan {
  startSeconds: number;
  endSeconds: number;
  /** The label as written. */
  emotion: string;
  /** Its canonical label, for the colour; null when it names none. */
  canonical: CanonicalLabel | null;
}

export const TRUTH_SPANS_KEY = "truth_spans";

/** Spans sorted by start, or null when the value holds none. */
export function parseTruthSpans(value: unknown): TruthSpan[] | null {
  let list: unknown = value;
  if (typeof value === "string") {
    try {
      list = JSON.parse(value);
    } catch {
      return null;
    }
  }
  if (!Array.isArray(list)) return null;
  const spans: TruthSpan[] = [];
  for (const entry of list) {
    if (typeof entry !== "object" || entry === null) continue;
    const record = entry as Record<string, unknown>;
    const start = seconds(record.start);
    const end = seconds(record.end);
    const emotion = typeof record.emotion === "string" ? record.emotion.trim() : typeof record.label === "string" ? record.label.trim() : "";
    if (start === null || end === null || !(end > start) || emotion === "") continue;
    spans.push({ startSeconds: start, endSeconds: end, emotion, canonical: toCanonicalLabel(emotion) });
  }
  spans.sort((a, b) => a.startSeconds - b.startSeconds || a.endSeconds - b.endSeconds);
  return spans.length > 0 ? spans : null;
}

/** The span at a time (the last that starts at or before it), or null. */
export function truthSpanAt(spans: readonly TruthSpan[], seconds: number): TruthSpan | null {
  let found: TruthSpan | null = null;
  for (const span of spans) {
    if (span.startSeconds > seconds) break;
    if (span.endSeconds > seconds) found = span;
  }
  return found;
}

function seconds(value: unknown): number | null {
  const number = typeof value === "number" ? value : typeof value === "string" && value.trim() !== "" ? Number(value) : Number.NaN;
  return Number.isFinite(number) && number >= 0 ? number : null;
}
