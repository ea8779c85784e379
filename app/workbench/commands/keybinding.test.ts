import { describe, expect, it } from "vitest";
import { formatKeybinding, KeybindingSyntaxError, keybindingMatches, parseKeybinding } from "./keybinding";
import { KEYMAP, KeymapConflictError, resolveKeymap } from "./keymap";

const press = (key: string, modifiers: Partial<{ ctrlKey: boolean; metaKey: boolean; shiftKey: boolean; altKey: boolean }> = {}) => ({
  key,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  altKey: false,
  ...modifiers,
});

describe("keybindings", () => {
  it("maps Mod to Ctrl off macOS and to Cmd on macOS", () => {
    const palette = parseKeybinding("Mod+Shift+P");
    expect(keybindingMatches(palette, press("P", { ctrlKey: true, shiftKey: true }), false)).toBe(true);
    expect(keybindingMatches(palette, press("P", { metaKey: true, shiftKey: true }), false)).toBe(false);
    expect(keybindingMatches(palette, press("p", { metaKey: true, shiftKey: true }), true)).toBe(true);
    expect(keybindingMatches(palette, press("p", { ctrlKey: true }), false)).toBe(false);
  });

  it("keeps Mod+P and Mod+Shift+P apart, and plain digits apart from modified ones", () => {
    expect(keybindingMatches(parseKeybinding("Mod+P"), press("P", { ctrlKey: true, shiftKey: true }), false)).toBe(false);
    expect(keybindingMatches(parseKeybinding("1"), press("1"), false)).toBe(true);
    expect(keybindingMatches(parseKeybinding("1"), press("1", { ctrlKey: true }), false)).toBe(false);
  });

  it("matches symbol keys whatever shift the layout needed to type them", () => {
    expect(keybindingMatches(parseKeybinding("+"), press("+", { shiftKey: true }), false)).toBe(true);
    expect(keybindingMatches(parseKeybinding("Mod++"), press("+", { ctrlKey: true }), false)).toBe(true);
  });

  it("prints keys the way each platform does", () => {
    expect(formatKeybinding(parseKeybinding("Mod+Shift+P"), false)).toBe("Ctrl+Shift+P");
    expect(formatKeybinding(parseKeybinding("Mod+Shift+P"), true)).toBe("⇧⌘P");
    expect(formatKeybinding(parseKeybinding("Space"), false)).toBe("Space");
    expect(formatKeybinding(parseKeybinding("Alt+Left"), false)).toBe("Alt+←");
  });

  it("refuses unknown modifiers and missing keys", () => {
    expect(() => parseKeybinding("Hyper+P")).toThrow(KeybindingSyntaxError);
    expect(() => parseKeybinding("Shift+")).toThrow(KeybindingSyntaxError);
  });
});

describe("the keymap", () => {
  it("parses on both platforms with no key bound to two commands", () => {
    expect(resolveKeymap(KEYMAP, false).length).toBeGreaterThan(30);
    expect(resolveKeymap(KEYMAP, true).length).toBeGreaterThan(30);
  });

  it("binds the nine labels to 1–9 in canonical order", () => {
    const labels = resolveKeymap(KEYMAP, false).filter((entry) => entry.command.startsWith("label.assign."));
    expect(labels.map((entry) => entry.binding.key)).toEqual(["1", "2", "3", "4", "5", "6", "7", "8", "9"]);
  });

  it("reports a key bound to two commands", () => {
    expect(() =>
      resolveKeymap(
        [
          { command: "a.one", key: "Mod+K" },
          { command: "a.two", key: "Mod+K" },
        ],
        false,
      ),
    ).toThrow(KeymapConflictError);
  });
});
