import { formatKeybinding, parseKeybinding } from "../commands/keybinding";
import type { KeymapEntry } from "../commands/keymap";

/**
 * The keyboard-shortcuts reference, generated from the keymap and the
 * command registry rather than written by hand: every keymap entry appears,
 * under its command's category and title. A command whose view is not open
 * (so it is not registered right now) still appears, named after its id and
 * marked unavailable, so the reference never hides a key.
 */

export interface ShortcutCommand {
  id: string;
  title: string;
  category: string;
}

export interface ShortcutRow {
  command: string;
  title: string;
  category: string;
  /** Printed for this platform, in keymap order, without repeats. */
  keys: string[];
  /** The command is registered now (its view is open). */
  available: boolean;
}

export interface ShortcutGroup {
  category: string;
  rows: ShortcutRow[];
}

/** "editor.zoomToFit" → "Zoom To Fit"; "label.assign.angry" → "Assign Angry". */
export function titleFromId(id: string): string {
  const words = id
    .split(".")
    .slice(1)
    .join(" ")
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .split(/\s+/)
    .filter(Boolean);
  return words.map((word) => word[0]?.toUpperCase() + word.slice(1)).join(" ") || id;
}

/** "editor.zoomIn" → "Editor"; used while the command itself is not registered. */
export function categoryFromId(id: string): string {
  const area = id.split(".")[0] ?? id;
  return area.charAt(0).toUpperCase() + area.slice(1);
}

export function shortcutGroups(
  entries: readonly KeymapEntry[],
  commands: readonly ShortcutCommand[],
  isMac: boolean,
  filter: string,
): ShortcutGroup[] {
  const byId = new Map(commands.map((command) => [command.id, command]));
  const rows = new Map<string, ShortcutRow>();
  for (const entry of entries) {
    const key = formatKeybinding(parseKeybinding(isMac && entry.mac ? entry.mac : entry.key), isMac);
    const existing = rows.get(entry.command);
    if (existing) {
      if (!existing.keys.includes(key)) existing.keys.push(key);
      continue;
    }
    const command = byId.get(entry.command);
    rows.set(entry.command, {
      command: entry.command,
      title: command?.title ?? titleFromId(entry.command),
      category: command?.category ?? categoryFromId(entry.command),
      keys: [key],
      available: command !== undefined,
    });
  }

  const words = filter.trim().toLowerCase().split(/\s+/).filter(Boolean);
  const groups = new Map<string, ShortcutRow[]>();
  for (const row of rows.values()) {
    const haystack = `${row.category} ${row.title} ${row.command} ${row.keys.join(" ")}`.toLowerCase();
    if (!words.every((word) => haystack.includes(word))) continue;
    const group = groups.get(row.category) ?? [];
    group.push(row);
    groups.set(row.category, group);
  }
  return [...groups.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([category, groupRows]) => ({ category, rows: groupRows }));
}
