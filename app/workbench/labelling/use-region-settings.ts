"use client";

import { useCallback, useSyncExternalStore } from "react";
import { DEFAULT_REGION_SETTINGS, parseRegionSettings, REGION_SETTINGS_STORAGE_KEY, type RegionSettings, serializeRegionSettings } from "./region-settings";

/**
 * The region options, read from and written to localStorage, shared by every
 * editor in this tab and followed across tabs through the storage event.
 */

const listeners = new Set<() => void>();
let cached: { raw: string | null; settings: RegionSettings } | null = null;
/** Where settings live for this tab when storage is switched off or full (privacy settings, quota). */
let memoryOnly: { raw: string | null } | null = null;

function readStorage(): string | null {
  if (memoryOnly) return memoryOnly.raw;
  try {
    return window.localStorage.getItem(REGION_SETTINGS_STORAGE_KEY);
  } catch {
    memoryOnly = { raw: null };
    return null;
  }
}

function snapshot(): RegionSettings {
  const raw = readStorage();
  if (cached?.raw !== raw) cached = { raw, settings: parseRegionSettings(raw) };
  return cached.settings;
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  const onStorage = (event: StorageEvent) => {
    if (event.key === REGION_SETTINGS_STORAGE_KEY) listener();
  };
  window.addEventListener("storage", onStorage);
  return () => {
    listeners.delete(listener);
    window.removeEventListener("storage", onStorage);
  };
}

export function useRegionSettings(): [RegionSettings, (next: RegionSettings) => void] {
  const settings = useSyncExternalStore(subscribe, snapshot, () => DEFAULT_REGION_SETTINGS);
  const update = useCallback((next: RegionSettings) => {
    const raw = serializeRegionSettings(next);
    try {
      if (memoryOnly) memoryOnly.raw = raw;
      else window.localStorage.setItem(REGION_SETTINGS_STORAGE_KEY, raw);
    } catch {
      memoryOnly = { raw };
    }
    for (const listener of listeners) listener();
  }, []);
  return [settings, update];
}
