import type { CanonicalLabel } from "@/lib/domain/emotion-labels";
import { formatTimecode } from "@/lib/domain/label-edit-title";
import type { RegionView } from "@/lib/domain/label-state";

/**
 * The segment list: one row per region, read like a transcript of a long
 * session. Rows have one fixed height, so only the visible ones need to be
 * in the page (an hour of speech easily has several hundred regions).
 */
export interface SegmentRow {
  id: string;
  /** 1-based position, for aria-rowindex and the "#" column. */
  index: number;
  startSeconds: number;
  start: string;
  end: string;
  duration: string;
  emotion: CanonicalLabel | null;
  label: string;
  source: string;
  confidence: string;
  note: string;
}

export function segmentRows(regions: readonly RegionView[]): SegmentRow[] {
  return regions.map((region, position) => {
    const label = region.label;
    const emotion = label?.emotion ?? null;
    return {
      id: region.id,
      index: position + 1,
      startSeconds: region.startSeconds,
      start: formatTimecode(region.startSeconds),
      end: formatTimecode(region.endSeconds),
      duration: `${(region.endSeconds - region.startSeconds).toFixed(2)} s`,
      emotion,
      label: emotion ?? (label ? "cleared" : "—"),
      source: label && emotion !== null ? label.source : "—",
      confidence: label?.confidence != null ? `${Math.round(label.confidence * 100)}%` : "—",
      note: region.note.replace(/\s+/g, " ").trim(),
    };
  });
}

export interface RowWindow {
  /** First row to render (0-based). */
  first: number;
  /** One past the last row to render. */
  last: number;
  /** Space above and below the rendered rows, in pixels. */
  paddingTop: number;
  paddingBottom: number;
}

/** The rows in view plus `overscan` on each side, so scrolling does not show blank rows before React catches up. */
export function visibleRowWindow(scrollTop: number, viewportHeight: number, rowHeight: number, count: number, overscan = 8): RowWindow {
  if (count === 0 || rowHeight <= 0) return { first: 0, last: 0, paddingTop: 0, paddingBottom: 0 };
  const firstVisible = Math.floor(Math.max(0, scrollTop) / rowHeight);
  const visibleCount = Math.ceil(Math.max(0, viewportHeight) / rowHeight) + 1;
  const first = Math.min(count, Math.max(0, firstVisible - overscan));
  const last = Math.min(count, firstVisible + visibleCount + overscan);
  return { first, last, paddingTop: first * rowHeight, paddingBottom: (count - last) * rowHeight };
}

/** Where the grid's keyboard focus goes for a key, from `current` (-1: none yet); null for keys the list does not handle. */
export function rowForKey(key: string, current: number, count: number, pageSize: number): number | null {
  if (count === 0) return null;
  const clamp = (index: number) => Math.min(count - 1, Math.max(0, index));
  switch (key) {
    case "ArrowDown":
      return current < 0 ? 0 : clamp(current + 1);
    case "ArrowUp":
      return current < 0 ? 0 : clamp(current - 1);
    case "PageDown":
      return clamp(current + Math.max(1, pageSize));
    case "PageUp":
      return clamp(current - Math.max(1, pageSize));
    case "Home":
      return 0;
    case "End":
      return count - 1;
    default:
      return null;
  }
}

/** The scrollTop that brings row `index` fully into view, or the current one when it already is. */
export function scrollTopFor(index: number, rowHeight: number, scrollTop: number, viewportHeight: number): number {
  const top = index * rowHeight;
  if (top < scrollTop) return top;
  const bottom = top + rowHeight;
  if (bottom > scrollTop + viewportHeight) return bottom - viewportHeight;
  return scrollTop;
}
