import { describe, expect, it } from "vitest";
import { KEYMAP, type KeymapEntry } from "../commands/keymap";
import { categoryFromId, shortcutGroups, titleFromId } from "./shortcut-groups";

const ENTRIES: KeymapEntry[] = [
  { command: "workbench.togglePanel", key: "Mod+J" },
  { command: "editor.zoomIn", key: "=" },
  { command: "editor.zoomIn", key: "+" },
  { command: "label.redo", key: "Mod+Shift+Z" },
  { command: "label.redo", key: "Ctrl+Y", mac: "Mod+Shift+Z" },
];
const COMMANDS = [
  { id: "workbench.togglePanel", title: "Toggle Panel", category: "View" },
  { id: "label.redo", title: "Redo", category: "Labelling" },
];

describe("shortcutGroups", () => {
  it("groups every keymap entry under its command's category, categories sorted", () => {
    const groups = shortcutGroups(ENTRIES, COMMANDS, false, "");
    expect(groups.map((group) => group.category)).toEqual(["Editor", "Labelling", "View"]);
    expect(groups[2]?.rows).toEqual([{ command: "workbench.togglePanel", title: "Toggle Panel", category: "View", keys: ["Ctrl+J"], available: true }]);
  });

  it("collects a command's keys in one row and prints them for the platform without repeats", () => {
    const linux = shortcutGroups(ENTRIES, COMMANDS, false, "").find((group) => group.category === "Labelling");
    expect(linux?.rows[0]?.keys).toEqual(["Ctrl+Shift+Z", "Ctrl+Y"]);
    const mac = shortcutGroups(ENTRIES, COMMANDS, true, "").find((group) => group.category === "Labelling");
    expect(mac?.rows[0]?.keys).toEqual(["⇧⌘Z"]);
  });

  it("names commands that are not registered right now after their id and marks them unavailable", () => {
    const editor = shortcutGroups(ENTRIES, COMMANDS, false, "").find((group) => group.category === "Editor");
    expect(editor?.rows).toEqual([{ command: "editor.zoomIn", title: "Zoom In", category: "Editor", keys: ["=", "+"], available: false }]);
  });

  it("filters on category, title, id and key, every word", () => {
    const titles = (filter: string) => shortcutGroups(ENTRIES, COMMANDS, false, filter).flatMap((group) => group.rows.map((row) => row.title));
    expect(titles("panel")).toEqual(["Toggle Panel"]);
    expect(titles("ctrl+y")).toEqual(["Redo"]);
    expect(titles("editor.zoom")).toEqual(["Zoom In"]);
    expect(titles("labelling redo")).toEqual(["Redo"]);
    expect(titles("labelling panel")).toEqual([]);
  });

  it("covers the whole real keymap", () => {
    const rows = shortcutGroups(KEYMAP, [], false, "").flatMap((group) => group.rows);
    expect(new Set(rows.map((row) => row.command))).toEqual(new Set(KEYMAP.map((entry) => entry.command)));
  });
});

describe("names from ids", () => {
  it("turns an id into a title and a category", () => {
    expect(titleFromId("editor.zoomToFit")).toBe("Zoom To Fit");
    expect(titleFromId("label.assign.angry")).toBe("Assign Angry");
    expect(titleFromId("lonely")).toBe("lonely");
    expect(categoryFromId("editor.zoomIn")).toBe("Editor");
  });
});
