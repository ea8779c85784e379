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

import type { ExplorerFilterName } from "@/lib/domain/explorer-filter";

export { EXPLORER_FILTERS } from "@/lib/domain/explorer-filter";
export type ExplorerFilter = ExplorerFilterName;

export const EXPLORER_FILTER_TITLES: Readonly<Record<ExplorerFilter, string>> = {
  all: "All recordings",
  "no-label": "No human label",
  "low-confidence": "Low model confidence",
  disagree: "Human and model disagree",
};
