import { queryOptions } from "@tanstack/react-query";
import { fetchJson } from "../api-fetch";
import { recordingKeys } from "../recordings/recording-queries";
import { childrenUrl, ROOT_KEY } from "./explorer-path";
import type { ExplorerFilter, ExplorerListing } from "./explorer-types";

export const explorerKeys = {
  // Under the corpus data key, so a finished import refreshes the tree.
  all: [...recordingKeys.all, "explorer"] as const,
  children: (parentKey: string, filter: ExplorerFilter, flat: boolean) => [...recordingKeys.all, "explorer", filter, flat, parentKey] as const,
};

/** One level of the explorer tree (or a corpus's recordings, flat). */
export function explorerChildrenQuery(parentKey: string, filter: ExplorerFilter, flat: boolean) {
  // The corpora are the same list in both modes: switching to flat must not reload them.
  const flatHere = flat && parentKey !== ROOT_KEY;
  return queryOptions({
    queryKey: explorerKeys.children(parentKey, filter, flatHere),
    queryFn: ({ signal }) => fetchJson<ExplorerListing>(childrenUrl(parentKey, filter, flatHere), { signal }),
    staleTime: 30_000,
  });
}
