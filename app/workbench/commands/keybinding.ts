/**
 * Keybindings as data: "Mod+Shift+P" means Ctrl+Shift+P on Windows and Linux
 * and Cmd+Shift+P on macOS, so one keymap entry serves both unless it names a
 * mac variant. Pure, so the palette, menus, hints and the dispatcher all parse
 * and print keys the same way.
 */

export interface Keybinding {
  /** The key as KeyboardEvent.key reports it, lower-cased for letters ("p", "1", "arrowleft", " "). */
  key: string;
  mod: boolean;
  ctrl: boolean;
  shift: boolean;
  alt: boolean;
}

export class KeybindingSyntaxError extends Error {
  override readonly name = "KeybindingSyntaxError";
}

const KEY_ALIASES: Record<string, string> = {
  space: " ",
  esc: "escape",
  left: "arrowleft",
  right: "arrowright",
  up: "arrowup",
  down: "arrowdown",
  plus: "+",
  del: "delete",
};

/** Thrown for a malformed binding so a typo in the keymap fails when it loads, not silently. */
export function parseKeybinding(text: string): Keybinding {
  const parts = text.split("+").map((part) => part.trim());
  // "Mod++" (the plus key) splits into a trailing empty pair.
  if (parts.length >= 2 && parts.at(-1) === "" && parts.at(-2) === "") parts.splice(-2, 2, "+");
  const binding: Keybinding = { key: "", mod: false, ctrl: false, shift: false, alt: false };
  for (const [index, raw] of parts.entries()) {
    const part = raw.toLowerCase();
    const isLast = index === parts.length - 1;
    if (!isLast) {
      if (part === "mod" || part === "cmdorctrl") binding.mod = true;
      else if (part === "ctrl") binding.ctrl = true;
      else if (part === "shift") binding.shift = true;
      else if (part === "alt" || part === "option") binding.alt = true;
      else throw new KeybindingSyntaxError(`"${text}": "${raw}" is not a modifier (use Mod, Ctrl, Shift or Alt)`);
      continue;
    }
    if (part === "") throw new KeybindingSyntaxError(`"${text}" has no key after its modifiers`);
    binding.key = KEY_ALIASES[part] ?? part;
  }
  return binding;
}

export interface KeyEventLike {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
}

/** Shifted symbols ("?" on Shift+/) report the symbol itself as the key, so shift is only compared for letters, digits and named keys. */
function shiftMatters(key: string): boolean {
  return key.length > 1 || /[a-z0-9 ]/.test(key);
}

export function keybindingMatches(binding: Keybinding, event: KeyEventLike, isMac: boolean): boolean {
  const key = event.key.length === 1 ? event.key.toLowerCase() : event.key.toLowerCase();
  if (key !== binding.key) return false;
  const wantMeta = binding.mod && isMac;
  const wantCtrl = binding.ctrl || (binding.mod && !isMac);
  if (event.metaKey !== wantMeta || event.ctrlKey !== wantCtrl || event.altKey !== binding.alt) return false;
  return !shiftMatters(binding.key) || event.shiftKey === binding.shift;
}

const KEY_NAMES: Record<string, string> = {
  " ": "Space",
  arrowleft: "←",
  arrowright: "→",
  arrowup: "↑",
  arrowdown: "↓",
  escape: "Esc",
  enter: "Enter",
  delete: "Delete",
  backspace: "Backspace",
  pageup: "PageUp",
  pagedown: "PageDown",
  home: "Home",
  end: "End",
  tab: "Tab",
};

/** "Ctrl+Shift+P" on Windows and Linux, "⇧⌘P" on macOS, the way each platform's menus print keys. */
export function formatKeybinding(binding: Keybinding, isMac: boolean): string {
  const key = KEY_NAMES[binding.key] ?? (binding.key.length === 1 ? binding.key.toUpperCase() : binding.key);
  if (isMac) {
    return `${binding.ctrl ? "⌃" : ""}${binding.alt ? "⌥" : ""}${binding.shift ? "⇧" : ""}${binding.mod ? "⌘" : ""}${key}`;
  }
  const parts: string[] = [];
  if (binding.ctrl || binding.mod) parts.push("Ctrl");
  if (binding.alt) parts.push("Alt");
  if (binding.shift) parts.push("Shift");
  parts.push(key);
  return parts.join("+");
}

/** Two bindings that a single key press would both match. */
export function sameKeybinding(a: Keybinding, b: Keybinding): boolean {
  return a.key === b.key && a.mod === b.mod && a.ctrl === b.ctrl && a.shift === b.shift && a.alt === b.alt;
}
