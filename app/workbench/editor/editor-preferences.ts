import { CANONICAL_LABELS, type CanonicalLabel } from "@/lib/domain/emotion-labels";
import type { AmplitudeScale } from "./waveform-peaks";

/**
 * The editor's remembered settings (zoom, waveform height, scales, lanes,
 * curve style), kept in localStorage for every recording. Read forgivingly:
 * a missing, old or hand-edited entry falls back field by field to the
 * defaults, never to an error.
 */

export type CurveMode = "stacked" | "lines";

export interface EditorPreferences {
  /** Zoom an editor opens at: null fits the whole recording. */
  pixelsPerSecond: number | null;
  waveformHeight: number;
  amplitude: AmplitudeScale;
  curveMode: CurveMode;
  /** Moving-average radius in buckets (0: off). */
  smoothing: number;
  confidenceBand: boolean;
  showSpectrogram: boolean;
  showCurves: boolean;
  showReference: boolean;
  hiddenClasses: CanonicalLabel[];
  playbackRate: number;
}

export const DEFAULT_PREFERENCES: EditorPreferences = {
  pixelsPerSecond: null,
  waveformHeight: 128,
  amplitude: "linear",
  curveMode: "lines",
  smoothing: 0,
  confidenceBand: true,
  showSpectrogram: true,
  showCurves: true,
  showReference: true,
  hiddenClasses: [],
  playbackRate: 1,
};

export const WAVEFORM_HEIGHTS = { min: 48, max: 400, step: 24 } as const;
export const SMOOTHING_MAX = 25;
export const PLAYBACK_RATES = { min: 0.1, max: 4 } as const;

export const PREFERENCES_STORAGE_KEY = "resonance.editor.preferences";

export function parseEditorPreferences(text: string | null): EditorPreferences {
  let raw: unknown = null;
  try {
    raw = text ? JSON.parse(text) : null;
  } catch {
    raw = null;
  }
  const value = typeof raw === "object" && raw !== null ? (raw as Record<string, unknown>) : {};
  const defaults = DEFAULT_PREFERENCES;
  const number = (key: string, min: number, max: number, fallback: number) => {
    const field = value[key];
    return typeof field === "number" && Number.isFinite(field) ? Math.min(max, Math.max(min, field)) : fallback;
  };
  const flag = (key: keyof EditorPreferences, fallback: boolean) => (typeof value[key] === "boolean" ? (value[key] as boolean) : fallback);
  const zoom = value.pixelsPerSecond;
  return {
    pixelsPerSecond: typeof zoom === "number" && Number.isFinite(zoom) && zoom > 0 ? zoom : null,
    waveformHeight: Math.round(number("waveformHeight", WAVEFORM_HEIGHTS.min, WAVEFORM_HEIGHTS.max, defaults.waveformHeight)),
    amplitude: value.amplitude === "db" || value.amplitude === "linear" ? value.amplitude : defaults.amplitude,
    curveMode: value.curveMode === "stacked" || value.curveMode === "lines" ? value.curveMode : defaults.curveMode,
    smoothing: Math.round(number("smoothing", 0, SMOOTHING_MAX, defaults.smoothing)),
    confidenceBand: flag("confidenceBand", defaults.confidenceBand),
    showSpectrogram: flag("showSpectrogram", defaults.showSpectrogram),
    showCurves: flag("showCurves", defaults.showCurves),
    showReference: flag("showReference", defaults.showReference),
    hiddenClasses: Array.isArray(value.hiddenClasses)
      ? CANONICAL_LABELS.filter((label) => (value.hiddenClasses as unknown[]).includes(label))
      : defaults.hiddenClasses,
    playbackRate: number("playbackRate", PLAYBACK_RATES.min, PLAYBACK_RATES.max, defaults.playbackRate),
  };
}

export function serializeEditorPreferences(preferences: EditorPreferences): string {
  return JSON.stringify(preferences);
}

/** Storage that may be missing (server rendering) or refuse (private mode, quota): both read as defaults. */
export function loadEditorPreferences(storage: Pick<Storage, "getItem"> | null): EditorPreferences {
  try {
    return parseEditorPreferences(storage?.getItem(PREFERENCES_STORAGE_KEY) ?? null);
  } catch {
    return DEFAULT_PREFERENCES;
  }
}

export function saveEditorPreferences(storage: Pick<Storage, "setItem"> | null, preferences: EditorPreferences): void {
  try {
    storage?.setItem(PREFERENCES_STORAGE_KEY, serializeEditorPreferences(preferences));
  } catch {
    // A full or disabled storage only costs the remembered settings.
  }
}

/** The browser's localStorage, or null where there is none or it may not be touched. */
export function browserStorage(): Storage | null {
  try {
    return typeof window === "undefined" ? null : window.localStorage;
  } catch {
    return null;
  }
}
