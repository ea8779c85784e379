"use client";

import { type RefObject, useEffect, useRef } from "react";
import type { TimeView } from "./time-scale";
import { frameBatcher, type TimelineSource } from "./timeline-source";

export interface LaneSize {
  width: number;
  height: number;
  pixelRatio: number;
}

export type LaneDraw = (context: CanvasRenderingContext2D, view: TimeView, size: LaneSize) => void;

/**
 * Keeps a lane's canvas as wide as the waveform's viewport and redraws it in
 * the next animation frame whenever the view moves or `draw` changes, never
 * through a React render. Returns the scheduler, for lanes whose data
 * arrives between view changes.
 */
export function useLaneDrawing(source: TimelineSource | null, canvasRef: RefObject<HTMLCanvasElement | null>, height: number, draw: LaneDraw): () => void {
  const drawRef = useRef(draw);
  const batcher = useRef<ReturnType<typeof frameBatcher> | null>(null);
  useEffect(() => {
    drawRef.current = draw;
    batcher.current?.schedule();
  }, [draw]);

  useEffect(() => {
    const canvas = canvasRef.current;
    if (!source || !canvas) return;
    const context = canvas.getContext("2d");
    if (!context) return;
    const paint = () => {
      const view = source.getView();
      if (!view) return;
      const pixelRatio = window.devicePixelRatio || 1;
      const width = Math.round(view.widthPx * pixelRatio);
      const tall = Math.round(height * pixelRatio);
      if (canvas.width !== width || canvas.height !== tall) {
        canvas.width = width;
        canvas.height = tall;
        canvas.style.width = `${view.widthPx}px`;
        canvas.style.height = `${height}px`;
      }
      drawRef.current(context, view, { width: view.widthPx, height, pixelRatio });
    };
    const current = frameBatcher(paint);
    batcher.current = current;
    const unsubscribe = source.subscribeView(current.schedule);
    current.schedule();
    return () => {
      unsubscribe();
      current.cancel();
      if (batcher.current === current) batcher.current = null;
    };
  }, [source, canvasRef, height]);

  return () => batcher.current?.schedule();
}

/** The time under a pointer event on an element spanning the lanes' width, or null without a view. */
export function timeAtPointer(source: TimelineSource, element: HTMLElement, clientX: number): { seconds: number; x: number } | null {
  const view = source.getView();
  if (!view) return null;
  const x = clientX - element.getBoundingClientRect().left;
  return { seconds: Math.min(view.durationSeconds, Math.max(0, view.startSeconds + x / view.pixelsPerSecond)), x };
}
