import type { RegionView } from "@/lib/domain/label-state";

/**
 * Which region a key or click means. Regions arrive sorted by start then end
 * (as the label state lists them), so "next" follows the timeline.
 */

type Span = Pick<RegionView, "id" | "startSeconds" | "endSeconds">;

/**
 * The region after (step 1) or before (step -1) the selected one. Without a
 * selection, the first region that starts at or after the playhead (or the
 * last one that starts before it, going back), so the keys pick up where
 * the researcher is listening.
 */
export function adjacentRegion(regions: readonly Span[], selectedId: string | null, step: 1 | -1, playheadSeconds: number): string | null {
  if (regions.length === 0) return null;
  const index = selectedId === null ? -1 : regions.findIndex((region) => region.id === selectedId);
  if (index >= 0) return regions[Math.min(regions.length - 1, Math.max(0, index + step))]!.id;
  if (step === 1) return (regions.find((region) => region.startSeconds >= playheadSeconds) ?? regions[regions.length - 1]!).id;
  return (regions.findLast((region) => region.startSeconds < playheadSeconds) ?? regions[0]!).id;
}

/**
 * The region a click at `seconds` selects: the shortest one under the
 * pointer (a short region drawn inside a long one stays reachable); clicking
 * again where several overlap moves on to the next-longer one.
 */
export function regionAtTime(regions: readonly Span[], seconds: number, selectedId: string | null): string | null {
  const under = regions
    .filter((region) => region.startSeconds <= seconds && seconds <= region.endSeconds)
    .sort((a, b) => a.endSeconds - a.startSeconds - (b.endSeconds - b.startSeconds) || a.startSeconds - b.startSeconds);
  if (under.length === 0) return null;
  const current = under.findIndex((region) => region.id === selectedId);
  return under[(current + 1) % under.length]!.id;
}

/** What to select after deleting a region: the one that took its place in the list, else the one before. */
export function selectionAfterDelete(regions: readonly Span[], deletedId: string): string | null {
  const index = regions.findIndex((region) => region.id === deletedId);
  if (index < 0) return null;
  return regions[index + 1]?.id ?? regions[index - 1]?.id ?? null;
}
