import { describe, expect, it } from "vitest";
import { parseThemePreference, THEME_BOOT_SCRIPT, THEME_PREFERENCES, THEME_STORAGE_KEY, themeClassName } from "./theme";

/** Runs the boot script against a stand-in for localStorage and <html>; returns the classes it added. */
function runBootScript(stored: string | null, storageThrows = false): string[] {
  const classes: string[] = [];
  const localStorage = {
    getItem(key: string) {
      if (storageThrows) throw new Error("SecurityError");
      return key === THEME_STORAGE_KEY ? stored : null;
    },
  };
  const document = { documentElement: { classList: { add: (name: string) => classes.push(name) } } };
  new Function("localStorage", "document", THEME_BOOT_SCRIPT)(localStorage, document);
  return classes;
}

describe("theme preference", () => {
  it("reads a stored preference and follows the OS for anything else", () => {
    expect(parseThemePreference("dark")).toBe("dark");
    expect(parseThemePreference("light")).toBe("light");
    expect(parseThemePreference("system")).toBe("system");
    expect(parseThemePreference("solarized")).toBe("system");
    expect(parseThemePreference(null)).toBe("system");
  });

  it("maps preferences to the override class on <html>", () => {
    expect(themeClassName("light")).toBe("theme-light");
    expect(themeClassName("dark")).toBe("theme-dark");
    expect(themeClassName("system")).toBeNull();
  });

  it("has a boot script that applies the same class as themeClassName before React runs", () => {
    for (const preference of THEME_PREFERENCES) {
      const expected = themeClassName(preference);
      expect(runBootScript(preference)).toEqual(expected ? [expected] : []);
    }
    expect(runBootScript("<script>")).toEqual([]);
    expect(runBootScript(null, true)).toEqual([]);
  });
});
