import { type Keybinding, parseKeybinding, sameKeybinding } from "./keybinding";

/**
 * Every default keybinding of the workbench, in one place: the dispatcher,
 * the palette's hints, menu tooltips and the keyboard-shortcuts reference all
 * read this list. `key` uses "Mod" for Ctrl (Cmd on macOS); `mac` overrides
 * it where macOS convention differs. `whenInput` lets a binding fire while the
 * focus is in a text field (only for bindings a text field never needs).
 */
export interface KeymapEntry {
  command: string;
  key: string;
  mac?: string;
  whenInput?: boolean;
}

export const KEYMAP: readonly KeymapEntry[] = [
  // Shell
  { command: "workbench.showCommands", key: "Mod+Shift+P", whenInput: true },
  { command: "workbench.showCommands", key: "F1", whenInput: true },
  { command: "workbench.quickOpen", key: "Mod+P", whenInput: true },
  { command: "workbench.toggleSideBar", key: "Mod+B" },
  { command: "workbench.togglePanel", key: "Mod+J" },
  { command: "workbench.showShortcuts", key: "Mod+K" },
  { command: "workbench.focusExplorer", key: "Mod+Shift+E" },
  { command: "workbench.focusSearch", key: "Mod+Shift+F" },
  // Option+W types "∑" on macOS, so the key never reads as "w" there.
  { command: "editor.closeTab", key: "Alt+W", mac: "Ctrl+W" },
  { command: "editor.nextTab", key: "Alt+PageDown" },
  { command: "editor.previousTab", key: "Alt+PageUp" },
  { command: "editor.splitRight", key: "Mod+\\" },
  // Ctrl+1/Cmd+1 switch browser tabs and cannot be taken over.
  { command: "editor.focusFirstGroup", key: "Alt+1", mac: "Ctrl+1" },
  { command: "editor.focusSecondGroup", key: "Alt+2", mac: "Ctrl+2" },
  { command: "panel.showProblems", key: "Mod+Shift+M" },
  { command: "panel.showOutput", key: "Mod+Shift+U" },
  // Recording editor: playback and zoom
  { command: "editor.playPause", key: "Space" },
  { command: "editor.seekBack", key: "Left" },
  { command: "editor.seekForward", key: "Right" },
  { command: "editor.zoomIn", key: "=" },
  { command: "editor.zoomIn", key: "+" },
  { command: "editor.zoomOut", key: "-" },
  { command: "editor.zoomToFit", key: "0" },
  { command: "editor.zoomToFrames", key: "Shift+F" },
  { command: "editor.slower", key: "[" },
  { command: "editor.faster", key: "]" },
  { command: "editor.toggleLoop", key: "L" },
  // Labelling: 1–9 follow the nine canonical labels in model order.
  { command: "label.assign.angry", key: "1" },
  { command: "label.assign.disgusted", key: "2" },
  { command: "label.assign.fearful", key: "3" },
  { command: "label.assign.happy", key: "4" },
  { command: "label.assign.neutral", key: "5" },
  { command: "label.assign.other", key: "6" },
  { command: "label.assign.sad", key: "7" },
  { command: "label.assign.surprised", key: "8" },
  { command: "label.assign.unknown", key: "9" },
  { command: "label.acceptModel", key: "A" },
  { command: "label.clear", key: "Backspace" },
  { command: "label.deleteRegion", key: "Delete" },
  { command: "label.editNote", key: "N" },
  { command: "label.toggleReviewed", key: "R" },
  { command: "label.labelRecording", key: "Shift+W" },
  { command: "label.nextRegion", key: "Alt+Right" },
  { command: "label.previousRegion", key: "Alt+Left" },
  { command: "label.undo", key: "Mod+Z" },
  { command: "label.redo", key: "Mod+Shift+Z" },
  { command: "label.redo", key: "Ctrl+Y", mac: "Mod+Shift+Z" },
  // Not Ctrl+Shift+N (Chrome's incognito window, which a page cannot take over) nor Option+N on macOS (a dead key that never reads as "n").
  { command: "label.nextNeedingAttention", key: "Shift+N" },
  { command: "editor.clearSelection", key: "Escape" },
];

export interface ResolvedKeybinding {
  command: string;
  binding: Keybinding;
  whenInput: boolean;
}

export class KeymapConflictError extends Error {
  override readonly name = "KeymapConflictError";
}

/** The keymap for one platform, parsed; throws on a malformed entry or when one key would run two commands. */
export function resolveKeymap(entries: readonly KeymapEntry[], isMac: boolean): ResolvedKeybinding[] {
  const resolved: ResolvedKeybinding[] = [];
  for (const entry of entries) {
    const binding = parseKeybinding(isMac && entry.mac ? entry.mac : entry.key);
    const clash = resolved.find((other) => sameKeybinding(other.binding, binding));
    if (clash && clash.command !== entry.command) {
      throw new KeymapConflictError(`${entry.key} is bound to both ${clash.command} and ${entry.command}`);
    }
    if (clash) continue;
    resolved.push({ command: entry.command, binding, whenInput: entry.whenInput ?? false });
  }
  return resolved;
}
