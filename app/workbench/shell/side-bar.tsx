"use client";

import { useState } from "react";
import { CohortsView } from "../cohorts/cohorts-view";
import { ExplorerView } from "../explorer/explorer-view";
import { ExportsView } from "../exports/exports-view";
import { JobsSummaryView } from "../jobs/jobs-summary-view";
import { NotebooksView } from "../notebooks/notebooks-view";
import { ProjectionsView } from "../projections/projections-view";
import { SearchView } from "../search/search-view";
import { CommandButton } from "./command-button";
import styles from "./shell.module.css";
import { useWorkbenchNavigation } from "./workbench-navigation";
import { ACTIVITIES, type ActivityId } from "./workbench-views";

/** Each view's title-bar actions: commands, shown as icon buttons named by their titles. */
const VIEW_ACTIONS: Partial<Record<ActivityId, readonly { command: string; glyph: string; label?: string }[]>> = {
  explorer: [
    { command: "corpus.import", glyph: "Import…", label: "Import…" },
    { command: "explorer.refresh", glyph: "↻" },
    { command: "explorer.expandAll", glyph: "⊞" },
    { command: "explorer.collapseAll", glyph: "⊟" },
  ],
  search: [{ command: "search.clear", glyph: "✕" }],
  jobs: [{ command: "panel.showJobs", glyph: "⇲" }],
};

/** Views that keep their state (expanded folders, the search text) while another view is shown. */
const KEPT_MOUNTED: readonly ActivityId[] = ["explorer", "search"];

/**
 * The side bar: the chosen view under a title bar with its actions. The
 * explorer and search stay mounted once shown (hidden, not destroyed), so
 * switching views keeps what was expanded and typed.
 */
export function SideBar({ id, view, width, visible }: { id: string; view: ActivityId; width: number; visible: boolean }) {
  // The explorer mounts at once even behind another view: its commands (filters, refresh) must be in the palette from the start.
  const navigation = useWorkbenchNavigation();
  const [visited, setVisited] = useState<ReadonlySet<ActivityId>>(() => new Set(["explorer", view]));
  if (visible && !visited.has(view)) setVisited(new Set([...visited, view]));
  const activity = ACTIVITIES.find((candidate) => candidate.id === view) ?? ACTIVITIES[0];
  if (!activity) return null;
  const actions = VIEW_ACTIONS[view] ?? [];

  return (
    <aside id={id} className={styles.sideBar} aria-label={activity.title} style={{ width }} hidden={!visible} data-testid="side-bar">
      <header className={styles.sideBarHeader}>
        <h2 className={styles.sideBarTitle}>{activity.title}</h2>
        {actions.length > 0 && (
          <div role="toolbar" aria-label={`${activity.title} actions`} className={styles.viewActions}>
            {actions.map((action) => (
              <CommandButton
                key={action.command}
                command={action.command}
                className={action.label ? styles.viewActionText : styles.viewAction}
                iconOnly={!action.label}
                testId={`view-action-${action.command}`}
              >
                {action.label ?? <span aria-hidden="true">{action.glyph}</span>}
              </CommandButton>
            ))}
          </div>
        )}
      </header>
      <div className={styles.sideBarBody}>
        {KEPT_MOUNTED.filter((kept) => visited.has(kept)).map((kept) => (
          <div key={kept} hidden={kept !== view} className={styles.sideBarView}>
            {kept === "explorer" ? <ExplorerView visible={visible && view === "explorer"} /> : <SearchView />}
          </div>
        ))}
        {view === "jobs" && <JobsSummaryView />}
        {view === "projections" && <ProjectionsView />}
        {view === "exports" && <ExportsView />}
        {view === "notebooks" && <NotebooksView />}
        {view === "cohorts" && (
          <CohortsView
            onCompare={(cohortIds) => navigation.openDocument({ kind: "comparison", cohortIds }, `Compare ${cohortIds.length} cohorts`)}
            onOpenTrajectory={(patientId, patientCode) => navigation.openDocument({ kind: "trajectory", patientId }, `Trajectory ${patientCode}`)}
          />
        )}
        {activity.comingWith && (
          <p className={styles.emptyView} data-testid="view-empty-state">
            {activity.comingWith}
          </p>
        )}
      </div>
    </aside>
  );
}
