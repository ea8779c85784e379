import { keepPreviousData, queryOptions } from "@tanstack/react-query";
import { fetchJson } from "../api-fetch";
import { recordingKeys } from "../recordings/recording-queries";
import type { SearchHit, SearchResponse } from "./search-types";

export const searchKeys = {
  // Under the corpus data key: an import finishing refreshes open searches.
  all: [...recordingKeys.all, "search"] as const,
  query: (text: string, limit: number) => [...recordingKeys.all, "search", text, limit] as const,
};

/** Recordings by name, patient, session or cohort; the previous answer stays on screen while the next one loads. */
export function searchQuery(text: string, limit = 50) {
  return queryOptions({
    queryKey: searchKeys.query(text, limit),
    queryFn: async ({ signal }): Promise<SearchHit[]> => {
      const params = new URLSearchParams({ q: text, limit: String(limit) });
      return (await fetchJson<SearchResponse>(`/api/search?${params.toString()}`, { signal })).hits;
    },
    enabled: text.trim() !== "",
    placeholderData: keepPreviousData,
    staleTime: 5_000,
    // A search that failed once is answered by typing on, not by waiting for retries.
    retry: false,
  });
}
