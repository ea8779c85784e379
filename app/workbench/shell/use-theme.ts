"use client";

import { useCallback, useEffect, useState } from "react";
import { readStorage, writeStorage } from "./browser-storage";
import { parseThemePreference, THEME_STORAGE_KEY, type ThemePreference, themeClassName } from "./theme";

/** The theme preference, applied to <html> and remembered. */
export function useTheme(): [ThemePreference, (preference: ThemePreference) => void] {
  const [preference, setPreference] = useState(() => parseThemePreference(readStorage(THEME_STORAGE_KEY)));

  useEffect(() => {
    const root = document.documentElement;
    root.classList.remove("theme-light", "theme-dark");
    const name = themeClassName(preference);
    if (name) root.classList.add(name);
  }, [preference]);

  const choose = useCallback((next: ThemePreference) => {
    writeStorage(THEME_STORAGE_KEY, next);
    setPreference(next);
  }, []);
  return [preference, choose];
}
