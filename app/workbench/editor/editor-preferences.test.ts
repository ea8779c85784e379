import { describe, expect, it } from "vitest";
import {
  DEFAULT_PREFERENCES,
  loadEditorPreferences,
  parseEditorPreferences,
  PREFERENCES_STORAGE_KEY,
  saveEditorPreferences,
  serializeEditorPreferences,
} from "./editor-preferences";

describe("parseEditorPreferences", () => {
  it("round-trips what it writes", () => {
    const preferences = { ...DEFAULT_PREFERENCES, pixelsPerSecond: 250, amplitude: "db" as const, hiddenClasses: ["other" as const, "unknown" as const], smoothing: 3 };
    expect(parseEditorPreferences(serializeEditorPreferences(preferences))).toEqual(preferences);
  });

  it("falls back to defaults for nothing, junk and the wrong shape", () => {
    for (const text of [null, "", "not json", "[]", "42", '"x"']) expect(parseEditorPreferences(text)).toEqual(DEFAULT_PREFERENCES);
  });

  it("repairs field by field: clamps numbers, drops unknown values and labels", () => {
    const parsed = parseEditorPreferences(
      JSON.stringify({ waveformHeight: 9999, smoothing: -4, amplitude: "log", curveMode: "stacked", hiddenClasses: ["sad", "bored", 3], playbackRate: 10, pixelsPerSecond: -1, showSpectrogram: "yes" }),
    );
    expect(parsed).toEqual({ ...DEFAULT_PREFERENCES, waveformHeight: 400, smoothing: 0, curveMode: "stacked", hiddenClasses: ["sad"], playbackRate: 4 });
  });
});

describe("storage", () => {
  it("reads and writes one key", () => {
    const values = new Map<string, string>();
    const storage = { getItem: (key: string) => values.get(key) ?? null, setItem: (key: string, value: string) => void values.set(key, value) };
    saveEditorPreferences(storage, { ...DEFAULT_PREFERENCES, waveformHeight: 200 });
    expect([...values.keys()]).toEqual([PREFERENCES_STORAGE_KEY]);
    expect(loadEditorPreferences(storage).waveformHeight).toBe(200);
  });

  it("treats a storage that throws, or none, as defaults", () => {
    const refusing = {
      getItem: () => {
        throw new Error("SecurityError");
      },
      setItem: () => {
        throw new Error("QuotaExceededError");
      },
    };
    expect(loadEditorPreferences(refusing)).toEqual(DEFAULT_PREFERENCES);
    expect(() => saveEditorPreferences(refusing, DEFAULT_PREFERENCES)).not.toThrow();
    expect(loadEditorPreferences(null)).toEqual(DEFAULT_PREFERENCES);
  });
});
