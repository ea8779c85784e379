/**
 * Light, dark or whatever the operating system prefers. globals.css follows
 * prefers-color-scheme unless <html> carries theme-light or theme-dark; the
 * choice is kept in localStorage and applied by a tiny inline script before
 * the first paint, so a reload never flashes the other theme.
 */

export const THEME_STORAGE_KEY = "resonance.workbench.theme";

export const THEME_PREFERENCES = ["light", "dark", "system"] as const;
export type ThemePreference = (typeof THEME_PREFERENCES)[number];

export const THEME_TITLES: Readonly<Record<ThemePreference, string>> = { light: "Light", dark: "Dark", system: "Follow OS" };

export function parseThemePreference(raw: string | null): ThemePreference {
  return THEME_PREFERENCES.find((preference) => preference === raw) ?? "system";
}

/** The class on <html> that overrides the OS preference, or null to follow it. */
export function themeClassName(preference: ThemePreference): "theme-light" | "theme-dark" | null {
  if (preference === "light") return "theme-light";
  if (preference === "dark") return "theme-dark";
  return null;
}

/** Runs in <head> before React: same rule as themeClassName, in plain ES5 and failing silently when storage is blocked. */
export const THEME_BOOT_SCRIPT = `try{var t=localStorage.getItem(${JSON.stringify(THEME_STORAGE_KEY)});if(t==="light"||t==="dark")document.documentElement.classList.add("theme-"+t)}catch(e){}`;
