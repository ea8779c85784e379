import { queryOptions } from "@tanstack/react-query";
import { fetchJson } from "../api-fetch";
import type { ExportView, JobView, LabelImportResult } from "../api-types";

export const exportKeys = { all: ["exports"] as const, list: ["exports", "list"] as const };

const unfinished = (entry: ExportView) => entry.status === "pending" || entry.status === "running";

/** Every export; polled while one is being written. */
export function exportListQuery() {
  return queryOptions({
    queryKey: exportKeys.list,
    queryFn: async () => (await fetchJson<{ exports: ExportView[] }>("/api/workbench/exports")).exports,
    refetchInterval: (query) => (query.state.data?.some(unfinished) ? 1000 : false),
  });
}

export function startExport(definition: unknown): Promise<{ exportId: string; job: JobView }> {
  return fetchJson("/api/workbench/exports", { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(definition) });
}

export function importLabels(request: { fileName: string; content: string; recordingId?: string }): Promise<LabelImportResult> {
  return fetchJson("/api/labels/import", { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(request) });
}
