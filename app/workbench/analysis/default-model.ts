import type { AnalysisView, ModelsListing } from "../api-types";

/** The model of the newest result that can still run, else the first runnable model. */
export function defaultModel(listing: ModelsListing | undefined, whole: readonly AnalysisView[]): string | null {
  // Before the model list arrives, the newest analysis with frame curves: opening a recording then
  // fetches its curves without waiting for the model folders to be listed.
  if (!listing) return whole.find((analysis) => (analysis.frameCount ?? 0) > 0)?.model.key ?? null;
  const runnable = new Set(listing.models.map((model) => model.id));
  return whole.find((analysis) => runnable.has(analysis.model.key))?.model.key ?? listing.models[0]?.id ?? null;
}
