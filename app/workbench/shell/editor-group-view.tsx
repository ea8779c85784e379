"use client";

import { type KeyboardEvent, type MouseEvent, useId } from "react";
import type { EditorGroup } from "./editor-groups";
import { DocumentEditorSlot } from "./document-editor-slot";
import { EditorWelcome } from "./editor-welcome";
import { RecordingEditorSlot } from "./recording-editor-slot";
import styles from "./shell.module.css";

export interface EditorGroupActions {
  activate: (groupIndex: number, key: string) => void;
  close: (groupIndex: number, key: string) => void;
  focusGroup: (groupIndex: number) => void;
}

/**
 * One editor group: its tab strip (a tablist; Left/Right/Home/End move
 * between tabs, Enter opens, Delete or a middle click closes) and the active
 * tab's editor. Only the active tab's editor is mounted, so inactive tabs
 * hold no waveform, audio or curves.
 */
export function EditorGroupView({
  group,
  index,
  groupCount,
  isActiveGroup,
  actions,
  closeKeyLabel,
}: {
  group: EditorGroup;
  index: number;
  groupCount: number;
  isActiveGroup: boolean;
  actions: EditorGroupActions;
  closeKeyLabel: string | null;
}) {
  const id = useId();
  const active = group.tabs.find((tab) => tab.key === group.activeId) ?? null;
  const tabId = (key: string) => `${id}-tab-${key}`;
  const groupName = groupCount > 1 ? `Editor group ${index + 1}` : "Editor group";

  const onTabKeyDown = (event: KeyboardEvent<HTMLButtonElement>, position: number) => {
    const count = group.tabs.length;
    const target =
      event.key === "ArrowRight" ? (position + 1) % count
      : event.key === "ArrowLeft" ? (position - 1 + count) % count
      : event.key === "Home" ? 0
      : event.key === "End" ? count - 1
      : null;
    if (target !== null) {
      event.preventDefault();
      const next = group.tabs[target];
      if (next) document.getElementById(tabId(next.key))?.focus();
      return;
    }
    if (event.key === "Delete") {
      event.preventDefault();
      const tab = group.tabs[position];
      if (tab) actions.close(index, tab.key);
    }
  };

  const onAuxClick = (event: MouseEvent, key: string) => {
    if (event.button !== 1) return;
    event.preventDefault();
    actions.close(index, key);
  };

  return (
    <section
      className={styles.editorGroup}
      aria-label={groupName}
      data-testid={`editor-group-${index + 1}`}
      data-editor-group={index}
      data-active={isActiveGroup}
      onFocusCapture={() => actions.focusGroup(index)}
      onPointerDownCapture={() => actions.focusGroup(index)}
    >
      {group.tabs.length > 0 && (
        <div role="tablist" aria-label={`Open editors, ${groupName.toLowerCase()}`} className={styles.editorTabs}>
          {group.tabs.map((tab, position) => {
            const selected = tab.key === group.activeId;
            return (
              <div key={tab.key} className={styles.editorTab} data-selected={selected} onAuxClick={(event) => onAuxClick(event, tab.key)}>
                <button
                  type="button"
                  role="tab"
                  id={tabId(tab.key)}
                  aria-selected={selected}
                  aria-controls={selected ? `${id}-panel` : undefined}
                  tabIndex={selected ? 0 : -1}
                  className={styles.editorTabLabel}
                  title={tab.title}
                  data-testid="editor-tab"
                  // A middle press would otherwise start the browser's auto-scroll.
                  onMouseDown={(event) => event.button === 1 && event.preventDefault()}
                  onClick={() => actions.activate(index, tab.key)}
                  onKeyDown={(event) => onTabKeyDown(event, position)}
                >
                  {tab.title}
                </button>
                <button
                  type="button"
                  tabIndex={-1}
                  className={styles.editorTabClose}
                  aria-label={`Close ${tab.title}`}
                  title={closeKeyLabel ? `Close (${closeKeyLabel})` : "Close"}
                  onClick={() => actions.close(index, tab.key)}
                >
                  ×
                </button>
              </div>
            );
          })}
        </div>
      )}
      {active ? (
        <div
          role="tabpanel"
          id={`${id}-panel`}
          aria-labelledby={tabId(active.key)}
          tabIndex={-1}
          className={styles.editorPanel}
          data-editor-panel
          data-recording-id={active.document ? undefined : active.key}
          data-document-key={active.document ? active.key : undefined}
        >
          {/* key: another tab gets a fresh editor instead of one that reloads in place. */}
          {active.document ? (
            <DocumentEditorSlot key={active.key} document={active.document} isActive={isActiveGroup} />
          ) : (
            <RecordingEditorSlot key={active.key} recordingId={active.key} title={active.title} isActive={isActiveGroup} atSeconds={active.atSeconds} />
          )}
        </div>
      ) : (
        <EditorWelcome />
      )}
    </section>
  );
}
