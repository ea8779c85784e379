import type { RegionView } from "@/lib/domain/label-state";
import { regionAppearance } from "./region-appearance";

/**
 * What the waveform's region overlays should show, and the smallest set of
 * changes that gets the Regions plugin there: a label change recolours one
 * region instead of clearing and redrawing hundreds, and a region being
 * dragged is not torn out from under the pointer.
 */
export interface RegionOverlay {
  id: string;
  start: number;
  end: number;
  color: string;
  text: string;
  title: string;
  selected: boolean;
}

export interface RegionSyncPlan {
  add: RegionOverlay[];
  update: RegionOverlay[];
  remove: string[];
}

export function overlaysOf(regions: readonly RegionView[], selectedId: string | null): RegionOverlay[] {
  return regions.map((region) => {
    const selected = region.id === selectedId;
    return { id: region.id, start: region.startSeconds, end: region.endSeconds, selected, ...regionAppearance(region, selected) };
  });
}

/** `applied`: what the plugin shows now, by id (kept up to date when the researcher drags a region). */
export function planRegionSync(applied: ReadonlyMap<string, RegionOverlay>, desired: readonly RegionOverlay[]): RegionSyncPlan {
  const plan: RegionSyncPlan = { add: [], update: [], remove: [] };
  const wanted = new Set<string>();
  for (const overlay of desired) {
    wanted.add(overlay.id);
    const current = applied.get(overlay.id);
    if (!current) plan.add.push(overlay);
    else if (!sameOverlay(current, overlay)) plan.update.push(overlay);
  }
  for (const id of applied.keys()) if (!wanted.has(id)) plan.remove.push(id);
  return plan;
}

function sameOverlay(a: RegionOverlay, b: RegionOverlay): boolean {
  return a.start === b.start && a.end === b.end && a.color === b.color && a.text === b.text && a.title === b.title && a.selected === b.selected;
}
