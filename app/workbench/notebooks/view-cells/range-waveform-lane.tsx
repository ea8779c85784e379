"use client";

import { useQuery } from "@tanstack/react-query";
import { useCallback, useEffect, useRef } from "react";
import { timeAtPointer, type LaneDraw, useLaneDrawing } from "../../editor/use-lane-drawing";
import { viewEndSeconds } from "../../editor/time-scale";
import type { TimelineSource } from "../../editor/timeline-source";
import { scaleAmplitude, waveformColumns } from "../../editor/waveform-peaks";
import type { TimeRange } from "./range-timeline";
import { rangePeaksQuery } from "./view-cell-queries";
import styles from "./view-cells.module.css";

export interface RangeWaveformLaneProps {
  recordingId: string;
  range: TimeRange;
  source: TimelineSource | null;
  /** Device pixels across the lane: how fine the peaks must be. */
  pixels: number;
  height: number;
  label: string;
  /** Called once the waveform has drawn, or when its peaks cannot be loaded (with the message). */
  onSettled?: (error: string | null) => void;
}

/**
 * The waveform of a pinned range, drawn from stored peaks on a canvas as the
 * editor's waveform is (min/max per pixel column, a hairline where silent),
 * but without wavesurfer: the range never scrolls or zooms. A click seeks.
 */
export function RangeWaveformLane({ recordingId, range, source, pixels, height, label, onSettled }: RangeWaveformLaneProps) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const bodyRef = useRef<HTMLDivElement>(null);
  const peaks = useQuery(rangePeaksQuery(recordingId, range, pixels));
  const data = peaks.data;

  const draw = useCallback<LaneDraw>(
    (context, view, size) => {
      const canvas = context.canvas;
      context.setTransform(1, 0, 0, 1, 0, 0);
      context.clearRect(0, 0, canvas.width, canvas.height);
      if (!data) return;
      const columns = canvas.width;
      const { min, max } = waveformColumns(data, view.startSeconds, viewEndSeconds(view), columns);
      const half = canvas.height / 2;
      context.fillStyle = getComputedStyle(canvas).color || "#8c99a6";
      for (let x = 0; x < columns; x++) {
        const high = max[x]!;
        const low = min[x]!;
        if (Number.isNaN(high) || Number.isNaN(low)) continue;
        const top = half - scaleAmplitude(high, "linear") * half;
        const bottom = half - scaleAmplitude(low, "linear") * half;
        context.fillRect(x, Math.min(top, half - 0.5 * size.pixelRatio), 1, Math.max(size.pixelRatio, bottom - top));
      }
    },
    [data],
  );
  useLaneDrawing(source, canvasRef, height, draw);

  const settled = useRef(onSettled);
  useEffect(() => {
    settled.current = onSettled;
  });
  useEffect(() => {
    if (peaks.isSuccess) settled.current?.(null);
    else if (peaks.isError) settled.current?.(peaks.error.message);
  }, [peaks.isSuccess, peaks.isError, peaks.error]);

  const seek = (event: React.MouseEvent<HTMLDivElement>) => {
    const body = bodyRef.current;
    if (!source || !body) return;
    const at = timeAtPointer(source, body, event.clientX);
    if (at) source.seekTo(at.seconds);
  };

  return (
    <div ref={bodyRef} className={styles.waveform} style={{ height }} onClick={seek} data-testid="view-waveform" data-state={peaks.isError ? "error" : data ? "ready" : "loading"}>
      <canvas ref={canvasRef} role="img" aria-label={label} />
    </div>
  );
}
