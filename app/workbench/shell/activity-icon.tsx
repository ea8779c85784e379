import type { ActivityId } from "./workbench-views";

/** Line icons for the activity bar (24×24, currentColor), decorative: the buttons carry the names. */
const PATHS: Readonly<Record<ActivityId, string>> = {
  // Stacked files
  explorer: "M14 3H7a2 2 0 0 0-2 2v12a2 2 0 0 0 2 2h10a2 2 0 0 0 2-2V8zM14 3v5h5M9 13h6M9 16h4",
  // Magnifier
  search: "M10.5 4a6.5 6.5 0 1 0 0 13a6.5 6.5 0 1 0 0-13zM15.5 15.5L21 21",
  // Three people
  cohorts: "M8 11a3 3 0 1 0 0-6a3 3 0 1 0 0 6zM16 11a3 3 0 1 0 0-6a3 3 0 1 0 0 6zM2 20c0-3 3-5 6-5s6 2 6 5M12 20c0-3 2.5-5 5.5-5S22 17 22 20",
  // Scatter plot
  projections: "M4 4v16h16M8 15h.01M11 10h.01M15 13h.01M17 7h.01M13 17h.01",
  // Notebook with rings
  notebooks: "M6 3h12a1 1 0 0 1 1 1v16a1 1 0 0 1-1 1H6zM6 3v18M3 7h3M3 12h3M3 17h3M10 8h6M10 12h6",
  // Box with arrow out
  exports: "M12 3v12M7 8l5-5l5 5M5 14v5a2 2 0 0 0 2 2h10a2 2 0 0 0 2-2v-5",
  // Gear-ish: list with progress
  jobs: "M4 6h10M4 12h16M4 18h7M17 4v4M19 16l-2 2l-2-2",
};

export function ActivityIcon({ id }: { id: ActivityId }) {
  return (
    <svg width="24" height="24" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" strokeLinejoin="round" aria-hidden="true" focusable="false">
      <path d={PATHS[id]} />
    </svg>
  );
}
