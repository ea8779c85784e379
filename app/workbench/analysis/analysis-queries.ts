import { queryOptions } from "@tanstack/react-query";
import { fetchJson } from "../api-fetch";
import type { AnalysisView, CurvesJson, ModelsListing } from "../api-types";

export const analysisKeys = {
  models: () => ["models"] as const,
  /** Everything derived from a recording's analyses: invalidate this when an analyse job finishes. */
  recording: (recordingId: string) => ["analysis", recordingId] as const,
  analyses: (recordingId: string) => ["analysis", recordingId, "list"] as const,
  curves: (recordingId: string, analysisId: string, pixels: number) => ["analysis", recordingId, "curves", analysisId, pixels] as const,
};

/** The models under MODELS_DIR; a model dropped in shows up on the next refetch. */
export function modelsQuery() {
  return queryOptions({
    queryKey: analysisKeys.models(),
    queryFn: () => fetchJson<ModelsListing>("/api/models"),
    staleTime: 60_000,
  });
}

export function recordingAnalysesQuery(recordingId: string) {
  return queryOptions({
    queryKey: analysisKeys.analyses(recordingId),
    queryFn: async () => (await fetchJson<{ analyses: AnalysisView[] }>(`/api/recordings/${encodeURIComponent(recordingId)}/analyses`)).analyses,
  });
}

/**
 * The curves of one analysis across the whole recording at `pixels` columns.
 * Keyed by the analysis id, so a re-run (a new id) never shows the old curves.
 */
export function curvesQuery(recordingId: string, analysis: Pick<AnalysisView, "id" | "model">, pixels: number) {
  const params = new URLSearchParams({ model: analysis.model.key, pixels: String(pixels) });
  return queryOptions({
    queryKey: analysisKeys.curves(recordingId, analysis.id, pixels),
    queryFn: () => fetchJson<CurvesJson>(`/api/recordings/${encodeURIComponent(recordingId)}/curves?${params}`),
    staleTime: Infinity,
  });
}

export function webUiDownloadUrl(recordingId: string, modelKey: string): string {
  return `/api/recordings/${encodeURIComponent(recordingId)}/webui-download?${new URLSearchParams({ model: modelKey })}`;
}
