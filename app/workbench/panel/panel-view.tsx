"use client";

import { type KeyboardEvent, useId, useRef } from "react";
import { useCommands, useKeybindingLabel } from "../commands/commands-provider";
import { JobsPanel } from "../jobs/jobs-panel";
import { CommandButton } from "../shell/command-button";
import { PANEL_TABS, type PanelTabId } from "../shell/workbench-views";
import { OutputView } from "./output-view";
import styles from "./panel.module.css";
import { ProblemsView } from "./problems-view";

const TAB_ACTIONS: Readonly<Record<PanelTabId, readonly { command: string; glyph: string }[]>> = {
  jobs: [{ command: "jobs.cancel", glyph: "⊘" }],
  problems: [{ command: "problems.refresh", glyph: "↻" }],
  output: [{ command: "output.clear", glyph: "⌫" }],
};

/**
 * The bottom panel: Jobs, Problems and Output as tabs (Left/Right/Home/End
 * move between them), with the active tab's actions and a close button.
 */
export function PanelView({ id, tab, height }: { id: string; tab: PanelTabId; height: number }) {
  const domId = useId();
  const { run } = useCommands();
  const tabs = useRef(new Map<PanelTabId, HTMLButtonElement>());

  const onKeyDown = (event: KeyboardEvent, index: number) => {
    const last = PANEL_TABS.length - 1;
    const target =
      event.key === "ArrowRight" ? (index === last ? 0 : index + 1)
      : event.key === "ArrowLeft" ? (index === 0 ? last : index - 1)
      : event.key === "Home" ? 0
      : event.key === "End" ? last
      : null;
    const next = target === null ? undefined : PANEL_TABS[target];
    if (!next) return;
    event.preventDefault();
    tabs.current.get(next.id)?.focus();
    void run(next.command);
  };

  return (
    <section id={id} className={styles.panel} aria-label="Panel" style={{ height }} data-testid="panel">
      <div className={styles.header}>
        <div role="tablist" aria-label="Panel" className={styles.tabs}>
          {PANEL_TABS.map((entry, index) => (
            <PanelTab
              key={entry.id}
              entry={entry}
              selected={entry.id === tab}
              panelId={`${domId}-panel`}
              tabId={`${domId}-tab-${entry.id}`}
              register={(element) => {
                if (element) tabs.current.set(entry.id, element);
                else tabs.current.delete(entry.id);
              }}
              onKeyDown={(event) => onKeyDown(event, index)}
            />
          ))}
        </div>
        <div role="toolbar" aria-label="Panel actions" className={styles.actions}>
          {TAB_ACTIONS[tab].map((action) => (
            <CommandButton key={action.command} command={action.command} className={styles.action} iconOnly testId={`panel-action-${action.command}`}>
              <span aria-hidden="true">{action.glyph}</span>
            </CommandButton>
          ))}
          <CommandButton command="workbench.togglePanel" className={styles.action} iconOnly testId="panel-close">
            <span aria-hidden="true">×</span>
          </CommandButton>
        </div>
      </div>
      <div role="tabpanel" id={`${domId}-panel`} aria-labelledby={`${domId}-tab-${tab}`} className={styles.body} tabIndex={-1} data-testid={`panel-${tab}`}>
        {tab === "jobs" ? <JobsPanel /> : tab === "problems" ? <ProblemsView /> : <OutputView />}
      </div>
    </section>
  );
}

function PanelTab({
  entry,
  selected,
  panelId,
  tabId,
  register,
  onKeyDown,
}: {
  entry: (typeof PANEL_TABS)[number];
  selected: boolean;
  panelId: string;
  tabId: string;
  register: (element: HTMLButtonElement | null) => void;
  onKeyDown: (event: KeyboardEvent) => void;
}) {
  const { run } = useCommands();
  const key = useKeybindingLabel(entry.command);
  return (
    <button
      ref={register}
      type="button"
      role="tab"
      id={tabId}
      aria-selected={selected}
      aria-controls={selected ? panelId : undefined}
      tabIndex={selected ? 0 : -1}
      className={styles.tab}
      title={key ? `${entry.title} (${key})` : entry.title}
      data-testid={`panel-tab-${entry.id}`}
      onClick={() => void run(entry.command)}
      onKeyDown={onKeyDown}
    >
      {entry.title}
    </button>
  );
}
