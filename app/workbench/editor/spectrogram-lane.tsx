"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import styles from "./editor.module.css";
import { fetchSpectrogram } from "./editor-queries";
import { spectrogramPixels, viridisPalette } from "./spectrogram-image";
import { MAX_SPECTROGRAM_SPAN_SECONDS, type SpectrogramRange, spectrogramCoversView, spectrogramRangeFor } from "./spectrogram-window";
import { timeToX } from "./time-scale";
import type { TimelineSource } from "./timeline-source";
import { timeAtPointer, type LaneDraw, useLaneDrawing } from "./use-lane-drawing";

/** Ask for the new range this long after scrolling or zooming stops. */
const FETCH_DELAY_MS = 180;

interface SpectrogramImage extends SpectrogramRange {
  bitmap: HTMLCanvasElement;
}

/**
 * The spectrogram of the visible range, computed by the server one column per
 * pixel. The last image stays on screen, stretched and shifted to the
 * current view, while the next one loads: the lane is never blank and never
 * waits on the network to follow a scroll.
 */
export function SpectrogramLane({ recordingId, source, height, enabled }: { recordingId: string; source: TimelineSource | null; height: number; enabled: boolean }) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const [image, setImage] = useState<SpectrogramImage | null>(null);
  // The first image stays under later ones, so a zoom-out shows the overview stretched at once, never an empty lane.
  const [overview, setOverview] = useState<SpectrogramImage | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const [tooWide, setTooWide] = useState(false);

  const draw = useCallback<LaneDraw>(
    (context, view, size) => {
      context.setTransform(size.pixelRatio, 0, 0, size.pixelRatio, 0, 0);
      context.clearRect(0, 0, size.width, size.height);
      context.imageSmoothingEnabled = true;
      for (const layer of overview === image ? [image] : [overview, image]) {
        if (!layer) continue;
        const x0 = timeToX(view, layer.startSeconds);
        const x1 = timeToX(view, layer.endSeconds);
        context.drawImage(layer.bitmap, x0, 0, Math.max(1, x1 - x0), size.height);
      }
    },
    [image, overview],
  );
  useLaneDrawing(source, canvasRef, height, draw);

  useEffect(() => {
    if (!source || !enabled) return;
    const palette = viridisPalette();
    let timer: ReturnType<typeof setTimeout> | null = null;
    let inFlight: AbortController | null = null;
    let shown: SpectrogramRange | null = null;
    let pendingKey = "";
    const load = () => {
      const view = source.getView();
      if (!view) return;
      const range = spectrogramRangeFor(view);
      setTooWide(range === null);
      if (!range || (shown && spectrogramCoversView(shown, view))) return;
      const key = `${range.startSeconds}:${range.endSeconds}:${range.columns}`;
      if (key === pendingKey || !(range.endSeconds > range.startSeconds)) return;
      pendingKey = key;
      inFlight?.abort();
      const controller = new AbortController();
      inFlight = controller;
      setLoading(true);
      fetchSpectrogram(recordingId, range, controller.signal).then(
        (response) => {
          if (controller.signal.aborted) return;
          const bitmap = document.createElement("canvas");
          bitmap.width = response.columns;
          bitmap.height = response.bins;
          const pixels = spectrogramPixels(response.levels, response.columns, response.bins, palette);
          bitmap.getContext("2d")?.putImageData(new ImageData(pixels, response.columns, response.bins), 0, 0);
          const first = shown === null;
          shown = { startSeconds: response.startSeconds, endSeconds: response.endSeconds, columns: response.columns };
          const next = { ...shown, bitmap };
          setImage(next);
          if (first) setOverview(next);
          setError(null);
          setLoading(false);
        },
        (failure: unknown) => {
          if (controller.signal.aborted) return;
          pendingKey = "";
          setError(failure instanceof Error ? failure.message : String(failure));
          setLoading(false);
        },
      );
    };
    const onView = () => {
      if (timer) clearTimeout(timer);
      timer = setTimeout(load, FETCH_DELAY_MS);
    };
    const unsubscribe = source.subscribeView(onView);
    onView();
    return () => {
      unsubscribe();
      if (timer) clearTimeout(timer);
      inFlight?.abort();
    };
  }, [source, recordingId, enabled]);

  const onClick = (event: React.MouseEvent<HTMLCanvasElement>) => {
    const canvas = canvasRef.current;
    if (!source || !canvas) return;
    const at = timeAtPointer(source, canvas, event.clientX);
    if (at) source.seekTo(at.seconds);
  };

  return (
    <section className={styles.lane} aria-label="Spectrogram" data-testid="spectrogram-lane" data-state={error ? "error" : image ? "ready" : "loading"} aria-busy={loading}>
      <div className={styles.laneLabel}>
        <span>
          Spectrogram · 0–8 kHz{loading ? " · loading…" : ""}
          {tooWide ? ` · zoom in to ${MAX_SPECTROGRAM_SPAN_SECONDS / 60} minutes or less to update it` : ""}
        </span>
        {error && (
          <span className={styles.laneError} role="alert">
            {error}
          </span>
        )}
      </div>
      <div className={styles.laneBody} style={{ height }}>
        <canvas ref={canvasRef} role="img" aria-label="Spectrogram of the visible range, low frequencies at the bottom" onClick={onClick} />
      </div>
    </section>
  );
}
