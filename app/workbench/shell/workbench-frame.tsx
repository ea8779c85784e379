"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useCallback, useId, useMemo, useState } from "react";
import { useCommands, useContextKey, useKeybindingLabel, useRegisterCommands } from "../commands/commands-provider";
import { ExportWorkbench } from "../exports/export-workbench";
import { ImportDialog } from "../import/import-dialog";
import { AccountGate } from "../account/account-gate";
import { AgreementWorkbench } from "../agreement/agreement-workbench";
import { AuditWorkbench } from "../audit/audit-workbench";
import { WorkspacesWorkbench } from "../workspaces/workspaces-workbench";
import { NotebookWorkbench } from "../notebooks/notebook-workbench";
import { ProjectionWorkbench } from "../projections/projection-workbench";
import { problemKeys } from "../panel/problems-queries";
import { PanelView } from "../panel/panel-view";
import { QuickInput } from "../palette/quick-input";
import { RecentHistoryStore } from "../palette/recent-history-store";
import { ShortcutsDialog } from "../palette/shortcuts-dialog";
import { StatusBar } from "../status-bar";
import { ActivityBar } from "./activity-bar";
import { activateTab, activeTab, closeTab, documentKey, type EditorDocument, type EditorGroupsState, focusGroup, openTab } from "./editor-groups";
import { type EditorGroupActions, EditorGroupView } from "./editor-group-view";
import { bySelector, focusSoon } from "./focus-soon";
import { PANEL_HEIGHT, SIDE_BAR_WIDTH, type WorkbenchLayout } from "./layout-state";
import { Sash } from "./sash";
import { shellCommands } from "./shell-commands";
import styles from "./shell.module.css";
import { SideBar } from "./side-bar";
import { usePersistedLayout } from "./use-persisted-layout";
import { useTheme } from "./use-theme";
import { type OpenRecordingOptions, type WorkbenchNavigation, WorkbenchNavigationContext } from "./workbench-navigation";
import type { ActivityId, PanelTabId } from "./workbench-views";

/**
 * Focuses the editor in the focused group: the element it marks with
 * data-autofocus once it has rendered, else its first element in the tab
 * order (so focus lands inside the editor and its keys work), else the tab
 * panel itself.
 */
function focusActiveEditorSoon(recordingId?: string): void {
  const panelSelector = `[data-editor-group][data-active="true"] [data-editor-panel]${recordingId ? `[data-recording-id="${CSS.escape(recordingId)}"]` : ""}`;
  focusSoon(bySelector(`${panelSelector} [data-autofocus]`), {
    attempts: 30,
    fallback: () => bySelector(`${panelSelector} [tabindex="0"]`)() ?? bySelector(panelSelector)(),
  });
}

const VIEW_FOCUS_TARGETS: Partial<Record<ActivityId, string>> = {
  explorer: '[data-focus-target="explorer"]',
  search: '[data-focus-target="search"]',
};

/**
 * The workbench: activity bar, resizable side bar, editor groups, resizable
 * panel and status bar, with the palette, quick open, shortcuts reference and
 * import dialog on top. Owns the layout (persisted) and the editor tabs, and
 * provides WorkbenchNavigation so any feature can open a recording.
 */
export function WorkbenchFrame() {
  const [layout, setLayout] = usePersistedLayout();
  const [, setTheme] = useTheme();
  const { output } = useCommands();
  const queryClient = useQueryClient();
  const [recent] = useState(() => new RecentHistoryStore());
  const [quickInput, setQuickInput] = useState<{ value: string; opened: number; returnFocusTo: Element | null } | null>(null);
  const [shortcutsOpen, setShortcutsOpen] = useState(false);
  const [importing, setImporting] = useState(false);
  const sideBarId = useId();
  const panelId = useId();

  const updateEditors = useCallback(
    (change: (state: EditorGroupsState) => EditorGroupsState) =>
      setLayout((current) => {
        const editors = change(current.editors);
        return editors === current.editors ? current : { ...current, editors };
      }),
    [setLayout],
  );

  useRegisterCommands(
    () =>
      shellCommands({
        updateLayout: (change: (layout: WorkbenchLayout) => WorkbenchLayout) => setLayout(change),
        // Reopening while open (another mode) keeps the element to return to from the first opening.
        openQuickInput: (value) =>
          setQuickInput((open) => ({ value, opened: Date.now(), returnFocusTo: open ? open.returnFocusTo : document.activeElement })),
        showShortcuts: () => setShortcutsOpen(true),
        startImport: () => setImporting(true),
        setTheme,
        clearOutput: () => output.clear(),
        refreshProblems: () => queryClient.invalidateQueries({ queryKey: problemKeys.all }),
        focusView: (view) => {
          const selector = VIEW_FOCUS_TARGETS[view];
          if (selector) focusSoon(bySelector(selector));
        },
        focusPanelTab: (tab) => focusSoon(bySelector(`[data-testid="panel-tab-${tab}"]`)),
        focusActiveEditor: () => focusActiveEditorSoon(),
      }),
    [setLayout, setTheme, output, queryClient],
  );

  const current = activeTab(layout.editors);
  // "activeEditor" itself is the editor's to set (it knows when it holds the editor commands).
  useContextKey("editorTabOpen", current !== null);
  useContextKey("editorGroupCount", layout.editors.groups.length);
  useContextKey("sideBarVisible", layout.sideBar.visible);
  useContextKey("sideBarView", layout.sideBar.view);
  useContextKey("panelVisible", layout.panel.visible);
  useContextKey("panelTab", layout.panel.tab);

  const navigation = useMemo<WorkbenchNavigation>(
    () => ({
      openRecording: (recordingId: string, title: string, options: OpenRecordingOptions = {}) => {
        updateEditors((state) => openTab(state, { key: recordingId, title, atSeconds: options.atSeconds }, options.group ?? "active"));
        recent.recordingOpened({ recordingId, title });
        if (options.focus !== false) focusActiveEditorSoon(recordingId);
      },
      openDocument: (document: EditorDocument, title: string, options: Pick<OpenRecordingOptions, "group"> = {}) => {
        updateEditors((state) => openTab(state, { key: documentKey(document), title, document }, options.group ?? "active"));
      },
      activeRecordingId: current && !current.document ? current.key : null,
    }),
    [updateEditors, recent, current],
  );

  const groupActions = useMemo<EditorGroupActions>(
    () => ({
      activate: (group, recordingId) => updateEditors((state) => activateTab(state, group, recordingId)),
      close: (group, recordingId) => updateEditors((state) => closeTab(state, group, recordingId)),
      focusGroup: (group) => updateEditors((state) => focusGroup(state, group)),
    }),
    [updateEditors],
  );
  const closeKey = useKeybindingLabel("editor.closeTab");

  const showViewQuietly = useCallback(
    (view: ActivityId) => setLayout((value) => ({ ...value, sideBar: { ...value.sideBar, visible: true, view } })),
    [setLayout],
  );
  const resizeSideBar = useCallback((width: number) => setLayout((value) => ({ ...value, sideBar: { ...value.sideBar, width } })), [setLayout]);
  const resizePanel = useCallback((height: number) => setLayout((value) => ({ ...value, panel: { ...value.panel, height } })), [setLayout]);
  const panelTab: PanelTabId = layout.panel.tab;

  return (
    <WorkbenchNavigationContext.Provider value={navigation}>
      <div className={styles.workbench} data-testid="workbench">
        <div className={styles.body}>
          <ActivityBar activeView={layout.sideBar.view} sideBarVisible={layout.sideBar.visible} sideBarId={sideBarId} onPreview={showViewQuietly} />
          <SideBar id={sideBarId} view={layout.sideBar.view} width={layout.sideBar.width} visible={layout.sideBar.visible} />
          {layout.sideBar.visible && (
            <Sash
              label="Resize the side bar"
              controls={sideBarId}
              grow="right"
              size={layout.sideBar.width}
              limits={SIDE_BAR_WIDTH}
              onResize={resizeSideBar}
              testId="side-bar-sash"
            />
          )}
          <div className={styles.mainColumn}>
            <main className={styles.editorArea} aria-label="Editor area" data-testid="editor-area">
              {layout.editors.groups.map((group, index) => (
                <EditorGroupView
                  key={index}
                  group={group}
                  index={index}
                  groupCount={layout.editors.groups.length}
                  isActiveGroup={index === layout.editors.activeGroup}
                  actions={groupActions}
                  closeKeyLabel={closeKey}
                />
              ))}
            </main>
            {layout.panel.visible && (
              <>
                <Sash label="Resize the panel" controls={panelId} grow="up" size={layout.panel.height} limits={PANEL_HEIGHT} onResize={resizePanel} testId="panel-sash" />
                <PanelView id={panelId} tab={panelTab} height={layout.panel.height} />
              </>
            )}
          </div>
        </div>
        <StatusBar />
      </div>
      {quickInput && (
        <QuickInput
          key={quickInput.opened}
          initialValue={quickInput.value}
          returnFocusTo={quickInput.returnFocusTo}
          recent={recent}
          onClose={() => setQuickInput(null)}
        />
      )}
      {shortcutsOpen && <ShortcutsDialog onClose={() => setShortcutsOpen(false)} />}
      {importing && <ImportDialog onClose={() => setImporting(false)} />}
      <ProjectionWorkbench />
      <NotebookWorkbench />
      <AccountGate />
      <AgreementWorkbench />
      <AuditWorkbench />
      <WorkspacesWorkbench />
      <ExportWorkbench />
    </WorkbenchNavigationContext.Provider>
  );
}
