import { queryOptions } from "@tanstack/react-query";
import { fetchJson } from "../api-fetch";
import type { AnalysisView, CurvesJson, ModelsListing } from "../api-types";

export const analysisKeys = {
  models: () => ["models"] as const,
  /** Everything derived from a recording's analyses: invalidate this when an analyse job finishes. */
  recording: (recordingId: string) => ["analysis", recordingId] as const,
  analyses: (recordingId: string) => ["analysis", recordingId, "list"] as const,
  curvesWindow: (recordingId: string, analysisId: string, from: number, to: number, pixels: number) =>
    ["analysis", recordingId, "curves-window", analysisId, from, to, pixels] as const,
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
 * The curves of one analysis between `from` and `to` seconds at `pixels`
 * buckets: a lane's visible window, or with one bucket a region's average.
 */
export function curvesWindowQuery(recordingId: string, analysis: Pick<AnalysisView, "id" | "model">, window: { from: number; to: number; pixels: number }) {
  const params = new URLSearchParams({ model: analysis.model.key, from: String(window.from), to: String(window.to), pixels: String(window.pixels) });
  return queryOptions({
    queryKey: analysisKeys.curvesWindow(recordingId, analysis.id, window.from, window.to, window.pixels),
    queryFn: () => fetchJson<CurvesJson>(`/api/recordings/${encodeURIComponent(recordingId)}/curves?${params}`),
    staleTime: Infinity,
    // Windows come and go with scrolling; the lane keeps what it draws itself.
    gcTime: 60_000,
  });
}

export function webUiDownloadUrl(recordingId: string, modelKey: string): string {
  return `/api/recordings/${encodeURIComponent(recordingId)}/webui-download?${new URLSearchParams({ model: modelKey })}`;
}
