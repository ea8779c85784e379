"use client";

import { type RefObject, useCallback, useEffect, useRef } from "react";
import { normalisePairs, type ScatterTransform } from "../../../../lib/domain/scatter/scatter-fit";
import type { ScatterEngine } from "./regl-scatter-adapter";
import { normalisedToScreen } from "./scatter-camera";
import { drawOverlay, isEmptyScene, type OverlayScene } from "./scatter-overlay";

export interface OverlayInput {
  engine: ScatterEngine | null;
  transform: ScatterTransform | null;
  coordinates: Float32Array;
  outlines: readonly { polygon: Float32Array; color: string; label?: string }[] | undefined;
  highlightPath: { indices: readonly number[]; color: string } | undefined;
  haloColor: string;
}

/**
 * The 2D canvas over the points: outlines and the highlighted path, kept in
 * normalised coordinates and mapped through the camera on each frame whose
 * view differs from the last one drawn (or on resize, or new geometry).
 * Returns `redraw`, stable across renders, for the engine's frame callback.
 */
export function useScatterOverlay(canvasRef: RefObject<HTMLCanvasElement | null>, overlayRef: RefObject<HTMLCanvasElement | null>, input: OverlayInput) {
  const { engine, transform, coordinates, outlines, highlightPath, haloColor } = input;
  const scene = useRef<OverlayScene>({ outlines: [], path: null, haloColor });
  const lastMap = useRef("");

  const redraw = useCallback(
    (view: ArrayLike<number> | null, force = false) => {
      const overlay = overlayRef.current;
      const canvas = canvasRef.current;
      if (!overlay || !canvas || !view) return;
      const width = canvas.clientWidth;
      const height = canvas.clientHeight;
      const ratio = window.devicePixelRatio || 1;
      // The same pixel size as the plot's canvas, so the PNG export can stack the two.
      const pixelWidth = Math.floor(width * ratio);
      const pixelHeight = Math.floor(height * ratio);
      const resized = overlay.width !== pixelWidth || overlay.height !== pixelHeight;
      if (resized) {
        overlay.width = pixelWidth;
        overlay.height = pixelHeight;
      }
      const affine = normalisedToScreen(view, width, height);
      const key = affine.join(",");
      if (!force && !resized && key === lastMap.current) return;
      lastMap.current = key;
      const context = overlay.getContext("2d");
      if (!context) return;
      if (isEmptyScene(scene.current)) context.clearRect(0, 0, overlay.width, overlay.height);
      else drawOverlay(context, scene.current, affine, ratio);
    },
    [canvasRef, overlayRef],
  );

  useEffect(() => {
    let path: OverlayScene["path"] = null;
    if (transform && highlightPath && highlightPath.indices.length >= 2) {
      const pairs = new Float32Array(highlightPath.indices.length * 2);
      highlightPath.indices.forEach((index, position) => {
        pairs[2 * position] = coordinates[2 * index] ?? Number.NaN;
        pairs[2 * position + 1] = coordinates[2 * index + 1] ?? Number.NaN;
      });
      path = { points: normalisePairs(pairs, transform), color: highlightPath.color };
    }
    scene.current = {
      outlines: transform ? (outlines ?? []).map((outline) => ({ ...outline, polygon: normalisePairs(outline.polygon, transform) })) : [],
      path,
      haloColor,
    };
    if (engine) redraw(engine.view(), true);
  }, [engine, transform, coordinates, outlines, highlightPath, haloColor, redraw]);

  // The library resizes its own canvas; the overlay follows the same box.
  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas || !engine) return;
    const observer = new ResizeObserver(() => redraw(engine.view(), true));
    observer.observe(canvas);
    return () => observer.disconnect();
  }, [canvasRef, engine, redraw]);

  return redraw;
}
