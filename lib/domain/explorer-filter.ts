/**
 * The explorer's filters, named once for the route (which validates them)
 * and the browser (which offers them): no human label, low model confidence,
 * human and model disagree.
 */
export const EXPLORER_FILTERS = ["all", "no-label", "low-confidence", "disagree"] as const;
export type ExplorerFilterName = (typeof EXPLORER_FILTERS)[number];
