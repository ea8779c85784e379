"use client";

import { type RefObject, useEffect, useState } from "react";
import { createScatterEngine, probeWebGl, type ScatterEngine } from "./regl-scatter-adapter";

/** What the engine reports; read through a ref, so the engine is created once and always calls the latest handlers. */
export interface ScatterEngineListeners {
  /** The user selected (lasso, box, click) or deselected (double click on empty space). */
  onSelection(points: number[], engine: ScatterEngine): void;
  /** The point under the pointer, at most once per animation frame. */
  onHover(index: number | null, clientX: number, clientY: number): void;
  onPointClick(index: number): void;
  /** The user panned or zoomed, at most once per animation frame. */
  onViewChange(matrix: number[]): void;
  /** Inside every drawn frame, with the camera's view matrix. */
  onFrame(view: ArrayLike<number>): void;
}

const CLICK_TOLERANCE_PX = 4;

/**
 * The WebGL engine for one mounted canvas: created once (after checking that
 * WebGL exists, so a missing GPU gives a message rather than a TypeError),
 * destroyed on unmount. Hover and view changes are coalesced to animation
 * frames; a click that did not drag reports the point under the pointer.
 */
export function useScatterEngine(canvasRef: RefObject<HTMLCanvasElement | null>, listeners: RefObject<ScatterEngineListeners>) {
  const [engine, setEngine] = useState<ScatterEngine | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas) return;
    const reason = probeWebGl();
    if (reason) {
      setFailure(`The scatter plot needs WebGL: ${reason}. Turn on hardware acceleration in the browser's settings, or open the workbench in a browser with WebGL.`);
      return;
    }
    let cancelled = false;
    let created: ScatterEngine | null = null;
    let hoverFrame = 0;
    let viewFrame = 0;
    let pendingHover: number | null = null;
    let pendingView: number[] | null = null;
    const pointer = { x: 0, y: 0, downX: 0, downY: 0 };
    const onPointerMove = (event: PointerEvent) => {
      pointer.x = event.clientX;
      pointer.y = event.clientY;
    };
    const onPointerDown = (event: PointerEvent) => {
      pointer.downX = event.clientX;
      pointer.downY = event.clientY;
    };
    const onClick = (event: MouseEvent) => {
      if (!created || Math.hypot(event.clientX - pointer.downX, event.clientY - pointer.downY) > CLICK_TOLERANCE_PX) return;
      const index = created.hoveredPoint();
      if (index !== null) listeners.current.onPointClick(index);
    };
    canvas.addEventListener("pointermove", onPointerMove, { passive: true });
    canvas.addEventListener("pointerdown", onPointerDown, { passive: true });
    canvas.addEventListener("click", onClick);

    createScatterEngine(canvas, {
      onSelect: (points) => created && listeners.current.onSelection(points, created),
      onDeselect: () => created && listeners.current.onSelection([], created),
      onHover: (index) => {
        pendingHover = index;
        if (hoverFrame) return;
        hoverFrame = requestAnimationFrame(() => {
          hoverFrame = 0;
          listeners.current.onHover(pendingHover, pointer.x, pointer.y);
        });
      },
      onFrame: (view) => listeners.current.onFrame(view),
      onViewChange: (view) => {
        pendingView = Array.from(view);
        if (viewFrame) return;
        viewFrame = requestAnimationFrame(() => {
          viewFrame = 0;
          if (pendingView) listeners.current.onViewChange(pendingView);
        });
      },
    }).then(
      (ready) => {
        if (cancelled) {
          ready.destroy();
          return;
        }
        created = ready;
        setEngine(ready);
      },
      (error: unknown) => {
        if (!cancelled) setFailure(`The scatter plot could not start WebGL: ${error instanceof Error ? error.message : String(error)}`);
      },
    );
    return () => {
      cancelled = true;
      cancelAnimationFrame(hoverFrame);
      cancelAnimationFrame(viewFrame);
      canvas.removeEventListener("pointermove", onPointerMove);
      canvas.removeEventListener("pointerdown", onPointerDown);
      canvas.removeEventListener("click", onClick);
      created?.destroy();
      setEngine(null);
    };
  }, [canvasRef, listeners]);

  return { engine, failure, setFailure };
}
