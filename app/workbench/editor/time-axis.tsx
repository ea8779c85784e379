"use client";

import { useCallback, useRef } from "react";
import styles from "./editor.module.css";
import { formatClock, tickDecimals, tickStep, ticksBetween } from "./time-format";
import { timeToX, viewEndSeconds } from "./time-scale";
import type { TimelineSource } from "./timeline-source";
import { type LaneDraw, useLaneDrawing } from "./use-lane-drawing";

const HEIGHT = 20;

/**
 * The time ruler under the waveform. Drawn on a canvas for the visible window
 * only (wavesurfer's timeline plugin lays out a DOM node per tick over the
 * whole recording on every redraw: thousands for an hour at deep zoom, and
 * no finer than a second), with steps from 10 ms to hours.
 */
export function TimeAxis({ source }: { source: TimelineSource | null }) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const draw = useCallback<LaneDraw>((context, view, size) => {
    context.setTransform(size.pixelRatio, 0, 0, size.pixelRatio, 0, 0);
    context.clearRect(0, 0, size.width, size.height);
    const color = getComputedStyle(context.canvas).color || "#888";
    context.strokeStyle = color;
    context.fillStyle = color;
    context.font = "10px system-ui, sans-serif";
    context.textBaseline = "top";
    const step = tickStep(view.pixelsPerSecond);
    const decimals = tickDecimals(step);
    const minor = step / 5;
    context.beginPath();
    context.globalAlpha = 0.4;
    if (minor * view.pixelsPerSecond >= 6) {
      for (const tick of ticksBetween(view.startSeconds, viewEndSeconds(view), minor)) {
        const x = Math.round(timeToX(view, tick)) + 0.5;
        context.moveTo(x, 0);
        context.lineTo(x, 4);
      }
    }
    context.stroke();
    context.globalAlpha = 1;
    context.beginPath();
    for (const tick of ticksBetween(view.startSeconds, viewEndSeconds(view), step)) {
      const x = Math.round(timeToX(view, tick)) + 0.5;
      context.moveTo(x, 0);
      context.lineTo(x, 8);
      context.fillText(formatClock(tick, decimals), x + 3, 8);
    }
    context.stroke();
  }, []);
  useLaneDrawing(source, canvasRef, HEIGHT, draw);
  return (
    <div className={styles.timeAxis} data-testid="time-axis" aria-hidden="true">
      <canvas ref={canvasRef} />
    </div>
  );
}
