import { describe, expect, it } from "vitest";
import { CommandRegistry } from "../commands/command-registry";
import { KEYMAP } from "../commands/keymap";
import { openTab } from "./editor-groups";
import { DEFAULT_LAYOUT, type WorkbenchLayout } from "./layout-state";
import { type ShellCommandTarget, shellCommands } from "./shell-commands";

/** A stand-in for the frame: keeps the layout and records what the commands asked for. */
function harness(initial: WorkbenchLayout = DEFAULT_LAYOUT) {
  const state = { layout: initial, calls: [] as string[] };
  const target: ShellCommandTarget = {
    updateLayout: (change) => {
      state.layout = change(state.layout);
    },
    openQuickInput: (value) => state.calls.push(`quickInput:${value}`),
    showShortcuts: () => state.calls.push("shortcuts"),
    startImport: () => state.calls.push("import"),
    setTheme: (preference) => state.calls.push(`theme:${preference}`),
    clearOutput: () => state.calls.push("clearOutput"),
    refreshProblems: async () => {
      state.calls.push("refreshProblems");
    },
    focusView: (view) => state.calls.push(`focusView:${view}`),
    focusPanelTab: (tab) => state.calls.push(`focusPanelTab:${tab}`),
    focusActiveEditor: () => state.calls.push("focusEditor"),
  };
  const registry = new CommandRegistry();
  registry.registerAll(shellCommands(target));
  return { state, registry };
}

const withTabs = (...ids: string[]): WorkbenchLayout => ({
  ...DEFAULT_LAYOUT,
  editors: ids.reduce((editors, id) => openTab(editors, { key: id, title: `${id}.wav` }), DEFAULT_LAYOUT.editors),
});

describe("shell commands", () => {
  it("registers without duplicate ids and covers every shell key in the keymap", () => {
    const { registry } = harness();
    const ids = new Set(registry.list().map((command) => command.id));
    const shellKeys = KEYMAP.filter((entry) => /^(workbench|panel)\.|^editor\.(closeTab|nextTab|previousTab|splitRight|focus\w+Group)$/.test(entry.command));
    expect(shellKeys.length).toBeGreaterThan(10);
    for (const entry of shellKeys) expect(ids, entry.command).toContain(entry.command);
  });

  it("toggles the side bar and the panel", async () => {
    const { state, registry } = harness();
    await registry.execute("workbench.toggleSideBar", {});
    await registry.execute("workbench.togglePanel", {});
    expect(state.layout.sideBar.visible).toBe(false);
    expect(state.layout.panel.visible).toBe(false);
    await registry.execute("workbench.togglePanel", {});
    expect(state.layout.panel.visible).toBe(true);
  });

  it("shows and focuses views and panel tabs, reopening a hidden side bar or panel", async () => {
    const { state, registry } = harness({ ...DEFAULT_LAYOUT, sideBar: { ...DEFAULT_LAYOUT.sideBar, visible: false }, panel: { ...DEFAULT_LAYOUT.panel, visible: false } });
    await registry.execute("workbench.focusSearch", {});
    await registry.execute("workbench.showCohorts", {});
    await registry.execute("panel.showOutput", {});
    expect(state.layout.sideBar).toMatchObject({ visible: true, view: "cohorts" });
    expect(state.layout.panel).toMatchObject({ visible: true, tab: "output" });
    expect(state.calls).toEqual(["focusView:search", "focusView:cohorts", "focusPanelTab:output"]);
  });

  it("opens the palette with '>' and quick open without, and the theme chooser pre-filtered", async () => {
    const { state, registry } = harness();
    await registry.execute("workbench.showCommands", {});
    await registry.execute("workbench.quickOpen", {});
    await registry.execute("workbench.selectTheme", {});
    await registry.execute("workbench.theme.dark", {});
    expect(state.calls).toEqual(["quickInput:>", "quickInput:", "quickInput:>Preferences: Color Theme: ", "theme:dark"]);
  });

  it("offers the tab commands only while a tab is open, and the group commands only with two groups", () => {
    const { registry } = harness();
    expect(registry.isEnabled("editor.closeTab", {})).toBe(false);
    expect(registry.isEnabled("editor.closeTab", { editorTabOpen: true })).toBe(true);
    expect(registry.isEnabled("editor.focusSecondGroup", { editorGroupCount: 1 })).toBe(false);
    expect(registry.isEnabled("editor.focusSecondGroup", { editorGroupCount: 2 })).toBe(true);
  });

  it("closes, cycles and splits the focused group's tabs", async () => {
    const { state, registry } = harness(withTabs("a", "b", "c"));
    const open = { editorTabOpen: true, editorGroupCount: 2 };
    await registry.execute("editor.nextTab", open);
    expect(state.layout.editors.groups[0]?.activeId).toBe("a");
    await registry.execute("editor.closeTab", open);
    expect(state.layout.editors.groups[0]?.tabs.map((tab) => tab.key)).toEqual(["b", "c"]);
    await registry.execute("editor.splitRight", open);
    expect(state.layout.editors.groups).toHaveLength(2);
    expect(state.layout.editors.activeGroup).toBe(1);
    await registry.execute("editor.focusFirstGroup", open);
    expect(state.layout.editors.activeGroup).toBe(0);
    expect(state.calls).toEqual(["focusEditor", "focusEditor"]);
    await registry.execute("editor.closeAllTabs", open);
    expect(state.layout.editors.groups).toEqual([{ tabs: [], activeId: null }]);
  });
});
