"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { browserStorage, DEFAULT_PREFERENCES, type EditorPreferences, loadEditorPreferences, saveEditorPreferences } from "./editor-preferences";

/**
 * The editor's remembered settings: read from localStorage after mount
 * (server rendering has no storage, so the first render uses the defaults)
 * and written back on every change. The zoom is written without a render:
 * it changes on every wheel frame and nothing re-renders from it.
 */
export function useEditorPreferences() {
  const [preferences, setPreferences] = useState<EditorPreferences>(DEFAULT_PREFERENCES);
  const [loaded, setLoaded] = useState(false);
  const latest = useRef(preferences);
  const zoomTimer = useRef<ReturnType<typeof setTimeout> | null>(null);

  useEffect(() => {
    const stored = loadEditorPreferences(browserStorage());
    latest.current = stored;
    // One render with what was stored; the waveform waits for it so it opens at the remembered zoom.
    setPreferences(stored);
    setLoaded(true);
    return () => {
      if (zoomTimer.current) clearTimeout(zoomTimer.current);
    };
  }, []);

  const update = useCallback((change: Partial<EditorPreferences> | ((current: EditorPreferences) => Partial<EditorPreferences>)) => {
    const next = { ...latest.current, ...(typeof change === "function" ? change(latest.current) : change) };
    latest.current = next;
    setPreferences(next);
    saveEditorPreferences(browserStorage(), next);
  }, []);

  const rememberZoom = useCallback((pixelsPerSecond: number | null) => {
    latest.current = { ...latest.current, pixelsPerSecond };
    if (zoomTimer.current) clearTimeout(zoomTimer.current);
    zoomTimer.current = setTimeout(() => saveEditorPreferences(browserStorage(), latest.current), 400);
  }, []);

  return { preferences, loaded, update, rememberZoom };
}
