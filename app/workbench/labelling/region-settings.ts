import type { RegionConstraints } from "@/lib/domain/label-state";

/**
 * How regions are drawn, kept per browser (localStorage) because it is a
 * working habit, not a property of the data: the server checks the same
 * constraints again when an edit names them.
 */
export interface RegionSettings extends RegionConstraints {
  /** Play a region from its start when it is selected on the waveform or with next/previous. */
  playOnSelect: boolean;
}

export const DEFAULT_REGION_SETTINGS: RegionSettings = { noOverlap: true, minSeconds: 0.2, playOnSelect: false };

export const REGION_SETTINGS_STORAGE_KEY = "resonance.labelling.region-settings";

/** Longer than any sensible segment; a typo like 500 would otherwise refuse every region. */
export const MAX_MIN_SECONDS = 60;

/**
 * Reads stored settings field by field: a missing or damaged field falls
 * back to its default without discarding the others (an older version of the
 * app, or a hand edit, must never stop the editor from loading).
 */
export function parseRegionSettings(stored: string | null): RegionSettings {
  if (stored === null) return DEFAULT_REGION_SETTINGS;
  let raw: unknown;
  try {
    raw = JSON.parse(stored);
  } catch {
    return DEFAULT_REGION_SETTINGS;
  }
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) return DEFAULT_REGION_SETTINGS;
  const record = raw as Record<string, unknown>;
  return {
    noOverlap: typeof record["noOverlap"] === "boolean" ? record["noOverlap"] : DEFAULT_REGION_SETTINGS.noOverlap,
    minSeconds: validMinSeconds(record["minSeconds"]) ?? DEFAULT_REGION_SETTINGS.minSeconds,
    playOnSelect: typeof record["playOnSelect"] === "boolean" ? record["playOnSelect"] : DEFAULT_REGION_SETTINGS.playOnSelect,
  };
}

export function serializeRegionSettings(settings: RegionSettings): string {
  return JSON.stringify({ noOverlap: settings.noOverlap, minSeconds: settings.minSeconds, playOnSelect: settings.playOnSelect });
}

/** The minimum length as typed in the options form ("0.25", "", "abc"); null when it is not a usable number of seconds. */
export function parseMinSecondsInput(text: string): number | null {
  if (text.trim() === "") return 0;
  return validMinSeconds(Number(text));
}

export function constraintsOf(settings: RegionSettings): RegionConstraints {
  return { noOverlap: settings.noOverlap, minSeconds: settings.minSeconds };
}

function validMinSeconds(value: unknown): number | null {
  if (typeof value !== "number" || !Number.isFinite(value) || value < 0 || value > MAX_MIN_SECONDS) return null;
  return value;
}
