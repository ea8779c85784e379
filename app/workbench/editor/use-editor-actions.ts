"use client";

import { useEffect, useMemo, useRef } from "react";
import type { CanonicalLabel } from "@/lib/domain/emotion-labels";
import { type EditorActions, seekStep, stepRate } from "./editor-commands";
import { type EditorPreferences, PLAYBACK_RATES, SMOOTHING_MAX, WAVEFORM_HEIGHTS } from "./editor-preferences";
import { viewEndSeconds, ZOOM_STEP } from "./time-scale";
import type { WaveformController } from "./waveform-controller";

export interface EditorActionInputs {
  controller: WaveformController | null;
  rate: number;
  setRate: (rate: number) => void;
  toggleLoop: () => void;
  playChannel: (channel: number | null) => void;
  update: (change: (current: EditorPreferences) => Partial<EditorPreferences>) => void;
  compareModel: () => void;
  stopComparing: () => void;
  analyse: () => void;
  clearSelection: () => void;
}

/**
 * The editor's commands' behaviour. The returned object is stable and reads
 * the latest inputs when run, so registering the commands does not churn on
 * every render (only their titles' inputs re-register them).
 */
export function useEditorActions(inputs: EditorActionInputs): EditorActions {
  const latest = useRef(inputs);
  useEffect(() => {
    latest.current = inputs;
  });
  return useMemo<EditorActions>(() => {
    const current = () => latest.current;
    const seek = (direction: 1 | -1) => {
      const controller = current().controller;
      const view = controller?.getView();
      if (!controller || !view) return;
      controller.seekTo(controller.getCurrentTime() + direction * seekStep(viewEndSeconds(view) - view.startSeconds));
    };
    const toggle = (key: "showSpectrogram" | "showCurves" | "showReference" | "confidenceBand") => current().update((p) => ({ [key]: !p[key] }));
    const clamp = (value: number, low: number, high: number) => Math.min(high, Math.max(low, value));
    return {
      playPause: () => current().controller?.playPause(),
      seekBack: () => seek(-1),
      seekForward: () => seek(1),
      zoomIn: () => current().controller?.zoomBy(ZOOM_STEP),
      zoomOut: () => current().controller?.zoomBy(1 / ZOOM_STEP),
      zoomToFit: () => current().controller?.zoomToFit(),
      zoomToFrames: () => current().controller?.zoomToFrames(),
      slower: () => current().setRate(stepRate(current().rate, -1)),
      faster: () => current().setRate(stepRate(current().rate, 1)),
      normalSpeed: () => current().setRate(clamp(1, PLAYBACK_RATES.min, PLAYBACK_RATES.max)),
      toggleLoop: () => current().toggleLoop(),
      playChannel: (channel) => current().playChannel(channel),
      toggleSpectrogram: () => toggle("showSpectrogram"),
      toggleCurves: () => toggle("showCurves"),
      toggleReference: () => toggle("showReference"),
      toggleConfidenceBand: () => toggle("confidenceBand"),
      toggleCurveMode: () => current().update((p) => ({ curveMode: p.curveMode === "lines" ? "stacked" : "lines" })),
      toggleAmplitudeScale: () => current().update((p) => ({ amplitude: p.amplitude === "linear" ? "db" : "linear" })),
      taller: () => current().update((p) => ({ waveformHeight: clamp(p.waveformHeight + WAVEFORM_HEIGHTS.step, WAVEFORM_HEIGHTS.min, WAVEFORM_HEIGHTS.max) })),
      shorter: () => current().update((p) => ({ waveformHeight: clamp(p.waveformHeight - WAVEFORM_HEIGHTS.step, WAVEFORM_HEIGHTS.min, WAVEFORM_HEIGHTS.max) })),
      smoothMore: () => current().update((p) => ({ smoothing: clamp(p.smoothing + 1, 0, SMOOTHING_MAX) })),
      smoothLess: () => current().update((p) => ({ smoothing: clamp(p.smoothing - 1, 0, SMOOTHING_MAX) })),
      toggleClass: (label: CanonicalLabel) =>
        current().update((p) => ({
          hiddenClasses: p.hiddenClasses.includes(label) ? p.hiddenClasses.filter((other) => other !== label) : [...p.hiddenClasses, label],
        })),
      showAllClasses: () => current().update(() => ({ hiddenClasses: [] })),
      compareModel: () => current().compareModel(),
      stopComparing: () => current().stopComparing(),
      analyse: () => current().analyse(),
      clearSelection: () => current().clearSelection(),
    };
  }, []);
}
