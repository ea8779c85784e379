import { queryOptions } from "@tanstack/react-query";
import { fetchJson } from "../api-fetch";
import type { CorpusSummary, RecordingSummary } from "../api-types";

export const recordingKeys = {
  /** Everything an import can change: invalidate this when one finishes. */
  all: ["corpus-data"] as const,
  corpora: () => ["corpus-data", "corpora"] as const,
  recordings: (corpusId: string) => ["corpus-data", "recordings", corpusId] as const,
};

export function corporaQuery() {
  return queryOptions({
    queryKey: recordingKeys.corpora(),
    queryFn: async () => (await fetchJson<{ corpora: CorpusSummary[] }>("/api/corpora")).corpora,
  });
}

export function recordingsQuery(corpusId: string) {
  return queryOptions({
    queryKey: recordingKeys.recordings(corpusId),
    queryFn: async () =>
      (await fetchJson<{ recordings: RecordingSummary[] }>(`/api/recordings?corpus=${encodeURIComponent(corpusId)}`)).recordings,
  });
}

export function recordingAudioUrl(id: string, variant: "analysis" | "original" = "analysis"): string {
  return `/api/recordings/${encodeURIComponent(id)}/audio?variant=${variant}`;
}
