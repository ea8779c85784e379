/**
 * The explorer's filters, named once for the route (which validates them)
 * and the browser (which offers them): no human label, low model confidence,
 * human and model disagree.
 */
export const EXPLORER_FILTERS = ["all", "no-label", "low-confidence", "disagree"] as const;
export type ExplorerFilterName = (typeof EXPLORER_FILTERS)[number];

/**
 * The explorer offers one more: the recordings assigned to the asker for
 * annotation. It depends on who asks, so the saved selections of projections
 * and exports do not take it.
 */
export const EXPLORER_VIEW_FILTERS = [...EXPLORER_FILTERS, "assigned"] as const;
export type ExplorerViewFilterName = (typeof EXPLORER_VIEW_FILTERS)[number];
