"use client";

import { useCallback, useEffect, useLayoutEffect, useRef } from "react";
import type WaveSurfer from "wavesurfer.js";
import type RegionsPluginClass from "wavesurfer.js/dist/plugins/regions.esm.js";
import type { Region } from "wavesurfer.js/dist/plugins/regions.esm.js";
import type { RegionView } from "@/lib/domain/label-state";
import { checkRegion, type RegionCheck } from "@/lib/domain/region-rules";
import { regionAtTime } from "./region-navigation";
import { newRegionId } from "./region-id";
import { constraintsOf, type RegionSettings } from "./region-settings";
import { overlaysOf, planRegionSync, type RegionOverlay } from "./region-sync";

/** The Regions plugin instance the editor creates and registers on its WaveSurfer. */
export type RegionsPlugin = InstanceType<typeof RegionsPluginClass>;

export interface RegionOverlayHandlers {
  /** A region was drawn and passed the local checks; it already carries `id` on the waveform. */
  onCreate: (id: string, startSeconds: number, endSeconds: number) => void;
  /** A region was moved or resized and passed the local checks. */
  onMove: (id: string, startSeconds: number, endSeconds: number) => void;
  /** A click on the waveform picked this region (null: between regions). */
  onPick: (id: string | null) => void;
  /** A drawing or move was refused locally; the waveform is back as it was. */
  onRefuse: (message: string) => void;
}

interface Options extends RegionOverlayHandlers {
  wavesurfer: WaveSurfer | null;
  regions: RegionsPlugin | null;
  liveRegions: readonly RegionView[];
  selectedId: string | null;
  settings: RegionSettings;
  durationSeconds: number;
  /** Why this researcher may not draw or move regions (their role), or null when they may. */
  regionEditsRefused: string | null;
}

const DRAWING_COLOR = "rgba(128, 128, 128, 0.25)";

/**
 * Keeps the Regions plugin showing the label state: adds, changes and
 * removes overlays by id (planRegionSync) rather than redrawing them all.
 * Only the selected region takes the pointer (to move or resize it); the
 * others let it through to the waveform, so a drag that starts inside an
 * existing region draws a new one, and a click selects the region under it.
 */
const refusalOf = (verdict: RegionCheck): string | null => (verdict.ok ? null : verdict.message);

export function useRegionOverlays(options: Options): void {
  const { wavesurfer, regions } = options;
  const latest = useRef(options);
  useLayoutEffect(() => {
    latest.current = options;
  });
  /** What the plugin shows, by id: written here and when the researcher drags a region. */
  const applied = useRef(new Map<string, RegionOverlay>());

  const sync = useCallback(() => {
    const { regions: plugin, wavesurfer: surfer, liveRegions, selectedId, settings } = latest.current;
    // Before the audio is decoded the plugin clamps every time to a duration of 0.
    if (!plugin || !surfer || !(surfer.getDuration() > 0)) return;
    const plan = planRegionSync(applied.current, overlaysOf(liveRegions, selectedId));
    const byId = new Map(plugin.getRegions().map((region) => [region.id, region]));
    for (const id of plan.remove) {
      byId.get(id)?.remove();
      applied.current.delete(id);
    }
    for (const overlay of plan.update) {
      const region = byId.get(overlay.id);
      if (!region) {
        plan.add.push(overlay);
        continue;
      }
      region.setOptions({ start: overlay.start, end: overlay.end, color: overlay.color, content: contentOf(overlay), drag: overlay.selected, resize: overlay.selected });
      dress(region, overlay);
      applied.current.set(overlay.id, overlay);
    }
    for (const overlay of plan.add) {
      // Recorded first: the plugin announces the region synchronously, and it must not read as a drawing.
      applied.current.set(overlay.id, overlay);
      const region = plugin.addRegion({
        id: overlay.id,
        start: overlay.start,
        end: overlay.end,
        color: overlay.color,
        content: contentOf(overlay),
        drag: overlay.selected,
        resize: overlay.selected,
        minLength: settings.minSeconds,
      });
      dress(region, overlay);
    }
    for (const region of plugin.getRegions()) if (applied.current.has(region.id)) region.minLength = settings.minSeconds;
  }, []);

  useEffect(() => {
    if (!regions || !wavesurfer) return;
    applied.current = new Map();
    const check = (id: string, start: number, end: number): RegionCheck => {
      const { liveRegions, durationSeconds, settings } = latest.current;
      return checkRegion({ id, startSeconds: start, endSeconds: end }, { liveRegions, durationSeconds, constraints: constraintsOf(settings) });
    };
    const stopDrawing = regions.enableDragSelection({ color: DRAWING_COLOR, drag: false, resize: false });
    const offCreated = regions.on("region-created", (region: Region) => {
      if (applied.current.has(region.id)) return;
      const refused = latest.current.regionEditsRefused;
      if (refused !== null) {
        region.remove();
        latest.current.onRefuse(refused);
        return;
      }
      const id = newRegionId();
      const verdict = check(id, region.start, region.end);
      if (!verdict.ok) {
        region.remove();
        latest.current.onRefuse(verdict.message);
        return;
      }
      region.setOptions({ id });
      applied.current.set(id, { id, start: region.start, end: region.end, color: DRAWING_COLOR, text: "", title: "", selected: false });
      latest.current.onCreate(id, region.start, region.end);
    });
    const offUpdated = regions.on("region-updated", (region: Region) => {
      const shown = applied.current.get(region.id);
      if (!shown) return;
      applied.current.set(region.id, { ...shown, start: region.start, end: region.end });
      const refused = latest.current.regionEditsRefused;
      const problem = refused ?? refusalOf(check(region.id, region.start, region.end));
      if (problem !== null) {
        latest.current.onRefuse(problem);
        sync();
        return;
      }
      latest.current.onMove(region.id, region.start, region.end);
    });
    const offClick = wavesurfer.on("click", (relativeX: number) => {
      const { liveRegions, selectedId } = latest.current;
      latest.current.onPick(regionAtTime(liveRegions, relativeX * wavesurfer.getDuration(), selectedId));
    });
    const offReady = wavesurfer.on("ready", sync);
    sync();
    return () => {
      stopDrawing();
      offCreated();
      offUpdated();
      offClick();
      offReady();
    };
  }, [regions, wavesurfer, sync]);

  useEffect(sync, [sync, options.liveRegions, options.selectedId, options.settings]);
}

function contentOf(overlay: RegionOverlay): HTMLElement {
  const label = document.createElement("span");
  label.textContent = overlay.text;
  Object.assign(label.style, {
    display: "block",
    padding: "1px 4px",
    fontSize: "11px",
    lineHeight: "14px",
    whiteSpace: "nowrap",
    overflow: "hidden",
    textOverflow: "ellipsis",
    color: "var(--fg, #1f2328)",
    pointerEvents: "none",
  });
  return label;
}

/** What the plugin's options do not cover: who takes the pointer, the outline of the selection, names for tests and tooltips. */
function dress(region: Region, overlay: RegionOverlay): void {
  const element = region.element;
  if (!element) return;
  element.style.pointerEvents = overlay.selected ? "auto" : "none";
  element.style.outline = overlay.selected ? "2px solid var(--accent, #0969da)" : "";
  element.style.outlineOffset = "-2px";
  element.title = overlay.title;
  element.dataset["testid"] = "waveform-region";
  element.dataset["regionId"] = overlay.id;
  element.dataset["selected"] = String(overlay.selected);
}
