/**
 * What GET /api/explorer answers: one level of the corpus tree (Corpus →
 * Cohort → Patient → Session → Recording) at a time, as { children,
 * truncated }.
 */
export type {
  ExplorerGroupNode,
  ExplorerListing,
  ExplorerNode,
  ExplorerRecordingNode,
  StatusCounts,
} from "../api-types";

export type ExplorerNodeKind = "corpus" | "cohort" | "patient" | "session" | "recording";

import type { ExplorerFilterName, ExplorerViewFilterName } from "@/lib/domain/explorer-filter";

export { EXPLORER_FILTERS, EXPLORER_VIEW_FILTERS } from "@/lib/domain/explorer-filter";
/** What the explorer filters by. */
export type ExplorerFilter = ExplorerViewFilterName;
/** What a projection's set can be narrowed by (not "assigned", which depends on who asks). */
export type SelectionFilter = ExplorerFilterName;

export const EXPLORER_FILTER_TITLES: Readonly<Record<ExplorerFilter, string>> = {
  all: "All recordings",
  "no-label": "No human label",
  "low-confidence": "Low model confidence",
  disagree: "Human and model disagree",
  assigned: "Assigned to me",
};
