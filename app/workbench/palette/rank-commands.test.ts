import { describe, expect, it } from "vitest";
import { commandLabel, type PaletteCommand, rankCommands } from "./rank-commands";

const COMMANDS: PaletteCommand[] = [
  { id: "workbench.togglePanel", title: "Toggle Panel", category: "View" },
  { id: "workbench.toggleSideBar", title: "Toggle Side Bar", category: "View" },
  { id: "editor.splitRight", title: "Split Editor Right", category: "View" },
  { id: "output.clear", title: "Clear Output", category: "Output" },
  { id: "label.assign.sad", title: "Label as sad", category: "Labelling" },
  { id: "editor.contextOnly", title: "Context only", category: "Editor", showInPalette: false },
];

const everything = () => true;

describe("rankCommands", () => {
  it("labels commands as 'Category: Title'", () => {
    expect(commandLabel({ category: "View", title: "Toggle Panel" })).toBe("View: Toggle Panel");
    expect(commandLabel({ category: "", title: "Toggle Panel" })).toBe("Toggle Panel");
  });

  it("lists recent commands first, most recent first, then the rest alphabetically", () => {
    const ranked = rankCommands(COMMANDS, everything, "", ["output.clear", "editor.splitRight"]);
    expect(ranked.map((entry) => entry.id)).toEqual([
      "output.clear",
      "editor.splitRight",
      "label.assign.sad",
      "workbench.togglePanel",
      "workbench.toggleSideBar",
    ]);
    expect(ranked.map((entry) => entry.recent)).toEqual([true, true, false, false, false]);
  });

  it("leaves out commands that are disabled in this context or hidden from the palette", () => {
    const ranked = rankCommands(COMMANDS, (id) => id !== "label.assign.sad", "", []);
    expect(ranked.map((entry) => entry.id)).not.toContain("label.assign.sad");
    expect(ranked.map((entry) => entry.id)).not.toContain("editor.contextOnly");
  });

  it("filters by the query and highlights the match in the label", () => {
    const ranked = rankCommands(COMMANDS, everything, "panel", []);
    expect(ranked.map((entry) => entry.id)).toEqual(["workbench.togglePanel"]);
    expect(ranked[0]?.ranges).toEqual([[13, 18]]);
  });

  it("puts better matches first and lets recency break ties", () => {
    expect(rankCommands(COMMANDS, everything, "toggle", []).map((entry) => entry.id)).toEqual(["workbench.togglePanel", "workbench.toggleSideBar"]);
    expect(rankCommands(COMMANDS, everything, "view toggle", ["workbench.toggleSideBar"]).map((entry) => entry.id)[0]).toBe(
      "workbench.togglePanel",
    );
    const sameScore = [
      { id: "a.one", title: "Show Alpha", category: "X" },
      { id: "a.two", title: "Show Gamma", category: "X" },
    ];
    expect(rankCommands(sameScore, everything, "show", ["a.two"]).map((entry) => entry.id)).toEqual(["a.two", "a.one"]);
  });

  it("finds commands by the letters of their words in order", () => {
    expect(rankCommands(COMMANDS, everything, "sper", []).map((entry) => entry.id)).toEqual(["editor.splitRight"]);
  });
});
