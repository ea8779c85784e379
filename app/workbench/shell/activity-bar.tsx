"use client";

import { type KeyboardEvent, useRef } from "react";
import { useCommands, useKeybindingLabel } from "../commands/commands-provider";
import { ActivityIcon } from "./activity-icon";
import styles from "./shell.module.css";
import { ACTIVITIES, type ActivityDescription, type ActivityId } from "./workbench-views";

/** The command that shows each view; the buttons run these so the palette and keys do the same. */
export const SHOW_VIEW_COMMANDS: Readonly<Record<ActivityId, string>> = {
  explorer: "workbench.focusExplorer",
  search: "workbench.focusSearch",
  cohorts: "workbench.showCohorts",
  projections: "workbench.showProjections",
  notebooks: "workbench.showNotebooks",
  exports: "workbench.showExports",
  jobs: "workbench.showJobs",
};

/**
 * The activity bar: a vertical tablist of views. Up/Down/Home/End move
 * between them and show each view while the focus stays here; Enter or a
 * click runs the view's command (showing it and focusing it). Choosing the
 * view already shown hides the side bar, as in VS Code.
 */
export function ActivityBar({
  activeView,
  sideBarVisible,
  sideBarId,
  onPreview,
}: {
  activeView: ActivityId;
  sideBarVisible: boolean;
  sideBarId: string;
  /** Shows a view without moving the focus. */
  onPreview: (view: ActivityId) => void;
}) {
  const { run } = useCommands();
  const buttons = useRef(new Map<ActivityId, HTMLButtonElement>());

  const choose = (id: ActivityId) => {
    void run(id === activeView && sideBarVisible ? "workbench.toggleSideBar" : SHOW_VIEW_COMMANDS[id]);
  };

  const onKeyDown = (event: KeyboardEvent, index: number) => {
    const last = ACTIVITIES.length - 1;
    const target =
      event.key === "ArrowDown" ? (index === last ? 0 : index + 1)
      : event.key === "ArrowUp" ? (index === 0 ? last : index - 1)
      : event.key === "Home" ? 0
      : event.key === "End" ? last
      : null;
    if (target === null) return;
    event.preventDefault();
    const next = ACTIVITIES[target];
    if (!next) return;
    buttons.current.get(next.id)?.focus();
    onPreview(next.id);
  };

  return (
    <nav className={styles.activityBar} aria-label="Activity bar" role="tablist" aria-orientation="vertical">
      {ACTIVITIES.map((activity, index) => (
        <ActivityButton
          key={activity.id}
          activity={activity}
          selected={activity.id === activeView && sideBarVisible}
          focusable={activity.id === activeView}
          sideBarId={sideBarId}
          register={(element) => {
            if (element) buttons.current.set(activity.id, element);
            else buttons.current.delete(activity.id);
          }}
          onChoose={() => choose(activity.id)}
          onKeyDown={(event) => onKeyDown(event, index)}
        />
      ))}
    </nav>
  );
}

function ActivityButton({
  activity,
  selected,
  focusable,
  sideBarId,
  register,
  onChoose,
  onKeyDown,
}: {
  activity: ActivityDescription;
  selected: boolean;
  focusable: boolean;
  sideBarId: string;
  register: (element: HTMLButtonElement | null) => void;
  onChoose: () => void;
  onKeyDown: (event: KeyboardEvent) => void;
}) {
  const key = useKeybindingLabel(SHOW_VIEW_COMMANDS[activity.id]);
  return (
    <button
      ref={register}
      type="button"
      role="tab"
      aria-selected={selected}
      aria-controls={sideBarId}
      aria-label={activity.title}
      title={key ? `${activity.title} (${key})` : activity.title}
      tabIndex={focusable ? 0 : -1}
      className={styles.activityItem}
      data-testid={`activity-${activity.id}`}
      onClick={onChoose}
      onKeyDown={onKeyDown}
    >
      <ActivityIcon id={activity.id} />
    </button>
  );
}
