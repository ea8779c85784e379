/**
 * The activity bar's views and the panel's tabs, as data: the shell, its
 * commands and the persisted layout all name them from here.
 */
export const ACTIVITY_IDS = ["explorer", "search", "cohorts", "projections", "notebooks", "exports", "jobs"] as const;
export type ActivityId = (typeof ACTIVITY_IDS)[number];

export interface ActivityDescription {
  id: ActivityId;
  title: string;
  /** Shown in the side bar while the view's feature has not arrived yet. */
  comingWith?: string;
}

export const ACTIVITIES: readonly ActivityDescription[] = [
  { id: "explorer", title: "Explorer" },
  { id: "search", title: "Search" },
  { id: "cohorts", title: "Cohorts" },
  { id: "projections", title: "Projections" },
  { id: "notebooks", title: "Notebooks" },
  { id: "exports", title: "Exports" },
  { id: "jobs", title: "Jobs" },
];

export const PANEL_TAB_IDS = ["jobs", "problems", "output"] as const;
export type PanelTabId = (typeof PANEL_TAB_IDS)[number];

export const PANEL_TABS: readonly { id: PanelTabId; title: string; command: string }[] = [
  { id: "jobs", title: "Jobs", command: "panel.showJobs" },
  { id: "problems", title: "Problems", command: "panel.showProblems" },
  { id: "output", title: "Output", command: "panel.showOutput" },
];
