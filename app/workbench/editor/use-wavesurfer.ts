"use client";

import { type RefObject, useEffect, useRef, useState } from "react";
import type { AmplitudeScale, PeaksWindow } from "./waveform-peaks";
import { type WaveformColors, WaveformController } from "./waveform-controller";

/**
 * The one place the editor creates wavesurfer.js: a WaveformController made
 * once the container and the whole-recording peaks are there, destroyed on
 * unmount (or when the recording changes). Returns null until then, so the
 * labelling seam and the lanes see "no waveform yet" rather than a half-made one.
 */
export interface UseWavesurferOptions {
  containerRef: RefObject<HTMLElement | null>;
  minimapRef: RefObject<HTMLElement | null>;
  mediaUrl: string;
  base: PeaksWindow | undefined;
  durationSeconds: number;
  height: number;
  amplitude: AmplitudeScale;
  pixelsPerSecond: number | null;
  fetchPeaks: (range: { startSeconds: number; endSeconds: number }, pixelsPerSecond: number, signal: AbortSignal) => Promise<PeaksWindow>;
  onZoom: (pixelsPerSecond: number | null) => void;
  onFirstDraw: () => void;
  onError: (message: string) => void;
}

export function useWavesurfer(options: UseWavesurferOptions): WaveformController | null {
  const [controller, setController] = useState<WaveformController | null>(null);
  // Callbacks and settings read at creation time only; later changes go through the controller's setters.
  const latest = useRef(options);
  useEffect(() => {
    latest.current = options;
  });
  const { containerRef, minimapRef, mediaUrl, base, durationSeconds } = options;

  useEffect(() => {
    const container = containerRef.current;
    if (!container || !base || !(durationSeconds > 0)) return;
    const current = latest.current;
    const media = document.createElement("audio");
    // Nothing is downloaded until the first paint is done (then metadata) or playback starts.
    media.preload = "none";
    media.src = mediaUrl;
    const made = new WaveformController({
      container,
      minimapContainer: minimapRef.current ?? undefined,
      media,
      base,
      durationSeconds,
      height: current.height,
      amplitude: current.amplitude,
      pixelsPerSecond: current.pixelsPerSecond,
      colors: waveformColors(container),
      fetchPeaks: (...args) => latest.current.fetchPeaks(...args),
      onZoom: (pps) => latest.current.onZoom(pps),
      onFirstDraw: () => {
        media.preload = "metadata";
        latest.current.onFirstDraw();
      },
      onError: (message) => latest.current.onError(message),
    });
    setController(made);
    const stopWatchingTheme = watchTheme(() => made.setColors(waveformColors(container)));
    return () => {
      stopWatchingTheme();
      made.destroy();
      media.pause();
      media.removeAttribute("src");
      media.load();
      setController(null);
    };
  }, [containerRef, minimapRef, mediaUrl, base, durationSeconds]);

  return controller;
}

/** Colours from the editor's CSS variables, so the waveform follows the light and dark themes. */
function waveformColors(element: HTMLElement): WaveformColors {
  const style = getComputedStyle(element);
  const read = (name: string, fallback: string) => style.getPropertyValue(name).trim() || fallback;
  return {
    wave: read("--editor-wave", "#7c8a99"),
    progress: read("--editor-wave-progress", "#3d6fb4"),
    cursor: read("--editor-playhead", "#e5484d"),
    hover: read("--editor-hover", "rgba(128,128,128,0.7)"),
    hoverLabel: read("--editor-hover-label", "#ffffff"),
    hoverBackground: read("--editor-hover-background", "rgba(0,0,0,0.7)"),
    minimapOverlay: read("--editor-minimap-overlay", "rgba(128,128,128,0.25)"),
  };
}

/** Calls `changed` when the colour scheme or the theme class on <html> changes. */
function watchTheme(changed: () => void): () => void {
  const media = window.matchMedia("(prefers-color-scheme: dark)");
  media.addEventListener("change", changed);
  const observer = new MutationObserver(changed);
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ["class"] });
  return () => {
    media.removeEventListener("change", changed);
    observer.disconnect();
  };
}
