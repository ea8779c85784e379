import type { CommandDescription } from "../commands/command-registry";
import { closeActiveTab, cycleTab, type EditorGroupsState, focusGroup, splitRight } from "./editor-groups";
import type { WorkbenchLayout } from "./layout-state";
import { THEME_PREFERENCES, THEME_TITLES, type ThemePreference } from "./theme";
import { ACTIVITIES, type ActivityId, PANEL_TABS, type PanelTabId } from "./workbench-views";

/** What the shell's commands act on; the frame supplies it, so the command list stays plain data. */
export interface ShellCommandTarget {
  updateLayout: (change: (layout: WorkbenchLayout) => WorkbenchLayout) => void;
  /** Opens the quick input with this text (">" for commands). */
  openQuickInput: (value: string) => void;
  showShortcuts: () => void;
  startImport: () => void;
  setTheme: (preference: ThemePreference) => void;
  clearOutput: () => void;
  refreshProblems: () => Promise<void>;
  focusView: (view: ActivityId) => void;
  focusPanelTab: (tab: PanelTabId) => void;
  focusActiveEditor: () => void;
}

const VIEW_COMMAND_IDS: Partial<Record<ActivityId, string>> = {
  cohorts: "workbench.showCohorts",
  projections: "workbench.showProjections",
  notebooks: "workbench.showNotebooks",
  exports: "workbench.showExports",
  jobs: "workbench.showJobs",
};

const hasEditor = (context: Record<string, unknown>) => context.editorTabOpen === true;
const hasTwoGroups = (context: Record<string, unknown>) => typeof context.editorGroupCount === "number" && context.editorGroupCount > 1;

function editors(target: ShellCommandTarget, change: (state: EditorGroupsState) => EditorGroupsState): void {
  target.updateLayout((layout) => {
    const next = change(layout.editors);
    return next === layout.editors ? layout : { ...layout, editors: next };
  });
}

/** The shell's commands: views, panel, editor tabs and groups, themes, import, output and problems. */
export function shellCommands(target: ShellCommandTarget): CommandDescription[] {
  const showView = (view: ActivityId) => {
    target.updateLayout((layout) => ({ ...layout, sideBar: { ...layout.sideBar, visible: true, view } }));
    target.focusView(view);
  };
  const showPanel = (tab: PanelTabId) => {
    target.updateLayout((layout) => ({ ...layout, panel: { ...layout.panel, visible: true, tab } }));
    target.focusPanelTab(tab);
  };

  const commands: CommandDescription[] = [
    { id: "workbench.showCommands", title: "Show All Commands", category: "View", run: () => target.openQuickInput(">") },
    { id: "workbench.quickOpen", title: "Go to Recording…", category: "Go", run: () => target.openQuickInput("") },
    { id: "workbench.showShortcuts", title: "Keyboard Shortcuts", category: "Help", run: target.showShortcuts },
    {
      id: "workbench.toggleSideBar",
      title: "Toggle Side Bar Visibility",
      category: "View",
      run: () => target.updateLayout((layout) => ({ ...layout, sideBar: { ...layout.sideBar, visible: !layout.sideBar.visible } })),
    },
    {
      id: "workbench.togglePanel",
      title: "Toggle Panel",
      category: "View",
      run: () => target.updateLayout((layout) => ({ ...layout, panel: { ...layout.panel, visible: !layout.panel.visible } })),
    },
    { id: "workbench.focusExplorer", title: "Show Explorer", category: "View", run: () => showView("explorer") },
    { id: "workbench.focusSearch", title: "Show Search", category: "View", run: () => showView("search") },
    ...ACTIVITIES.flatMap((activity) => {
      const id = VIEW_COMMAND_IDS[activity.id];
      return id ? [{ id, title: `Show ${activity.title}`, category: "View", run: () => showView(activity.id) }] : [];
    }),
    ...PANEL_TABS.map((tab) => ({ id: tab.command, title: `Show ${tab.title} Panel`, category: "View", run: () => showPanel(tab.id) })),
    {
      id: "workbench.selectTheme",
      title: "Color Theme…",
      category: "Preferences",
      run: () => target.openQuickInput(">Preferences: Color Theme: "),
    },
    ...THEME_PREFERENCES.map((preference) => ({
      id: `workbench.theme.${preference}`,
      title: `Color Theme: ${THEME_TITLES[preference]}`,
      category: "Preferences",
      run: () => target.setTheme(preference),
    })),
    { id: "corpus.import", title: "Import Recordings…", category: "Corpus", run: target.startImport },
    { id: "output.clear", title: "Clear Output", category: "Output", run: target.clearOutput },
    { id: "problems.refresh", title: "Refresh Problems", category: "Problems", run: target.refreshProblems },
    { id: "editor.closeTab", title: "Close Editor", category: "View", when: hasEditor, run: () => editors(target, closeActiveTab) },
    {
      id: "editor.closeAllTabs",
      title: "Close All Editors",
      category: "View",
      when: hasEditor,
      run: () => editors(target, () => ({ groups: [{ tabs: [], activeId: null }], activeGroup: 0 })),
    },
    { id: "editor.nextTab", title: "Open Next Editor", category: "View", when: hasEditor, run: () => editors(target, (state) => cycleTab(state, 1)) },
    {
      id: "editor.previousTab",
      title: "Open Previous Editor",
      category: "View",
      when: hasEditor,
      run: () => editors(target, (state) => cycleTab(state, -1)),
    },
    {
      id: "editor.splitRight",
      title: "Split Editor Right",
      category: "View",
      when: hasEditor,
      run: () => {
        editors(target, splitRight);
        target.focusActiveEditor();
      },
    },
    {
      id: "editor.focusFirstGroup",
      title: "Focus First Editor Group",
      category: "View",
      when: hasTwoGroups,
      run: () => {
        editors(target, (state) => focusGroup(state, 0));
        target.focusActiveEditor();
      },
    },
    {
      id: "editor.focusSecondGroup",
      title: "Focus Second Editor Group",
      category: "View",
      when: hasTwoGroups,
      run: () => {
        editors(target, (state) => focusGroup(state, 1));
        target.focusActiveEditor();
      },
    },
  ];
  return commands;
}
