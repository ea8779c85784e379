import { describe, expect, it } from "vitest";
import type { RegionView } from "@/lib/domain/label-state";
import { overlaysOf, planRegionSync, type RegionOverlay } from "./region-sync";

const regions: RegionView[] = [
  { id: "a", startSeconds: 0, endSeconds: 1, note: "", label: null },
  { id: "b", startSeconds: 2, endSeconds: 3, note: "", label: null },
];

function appliedOf(overlays: RegionOverlay[]): Map<string, RegionOverlay> {
  return new Map(overlays.map((overlay) => [overlay.id, overlay]));
}

describe("planRegionSync", () => {
  it("adds every region to an empty waveform", () => {
    const plan = planRegionSync(new Map(), overlaysOf(regions, null));
    expect(plan.add.map((overlay) => overlay.id)).toEqual(["a", "b"]);
    expect(plan.update).toEqual([]);
    expect(plan.remove).toEqual([]);
  });

  it("changes nothing when the waveform already shows the state", () => {
    const overlays = overlaysOf(regions, "a");
    expect(planRegionSync(appliedOf(overlays), overlaysOf(regions, "a"))).toEqual({ add: [], update: [], remove: [] });
  });

  it("updates only the regions whose selection, label or times changed, and removes deleted ones", () => {
    const applied = appliedOf(overlaysOf(regions, "a"));
    const next: RegionView[] = [
      { id: "b", startSeconds: 2, endSeconds: 3.5, note: "", label: null },
      { id: "c", startSeconds: 4, endSeconds: 5, note: "", label: null },
    ];
    const plan = planRegionSync(applied, overlaysOf(next, "c"));
    expect(plan.add.map((overlay) => overlay.id)).toEqual(["c"]);
    expect(plan.update.map((overlay) => [overlay.id, overlay.end])).toEqual([["b", 3.5]]);
    expect(plan.remove).toEqual(["a"]);
  });

  it("moves a dragged region back when the state still has it where it was", () => {
    const applied = appliedOf(overlaysOf(regions, null));
    applied.set("a", { ...applied.get("a")!, start: 0.5, end: 1.5 });
    expect(planRegionSync(applied, overlaysOf(regions, null)).update.map((overlay) => [overlay.id, overlay.start, overlay.end])).toEqual([["a", 0, 1]]);
  });
});
