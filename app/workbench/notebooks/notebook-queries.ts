import { queryOptions } from "@tanstack/react-query";
import type { NotebookListing } from "@/lib/domain/notebook/notebook-cell";
import type { NotebookCell } from "@/lib/domain/notebook/notebook-cell";
import type { CellRunJson, NotebookJson } from "@/lib/notebooks/serve-notebooks";
import { fetchJson } from "../api-fetch";

export const notebookKeys = {
  all: ["notebooks"] as const,
  list: ["notebooks", "list"] as const,
  document: (id: string) => ["notebooks", "document", id] as const,
};

export function notebookListQuery() {
  return queryOptions({
    queryKey: notebookKeys.list,
    queryFn: async () => (await fetchJson<{ notebooks: NotebookListing[] }>("/api/notebooks")).notebooks,
  });
}

export function notebookQuery(id: string) {
  return queryOptions({
    queryKey: notebookKeys.document(id),
    queryFn: ({ signal }) => fetchJson<NotebookJson>(`/api/notebooks/${encodeURIComponent(id)}`, { signal }),
    // The editor holds the cells it is editing; a refetch would overwrite typing.
    refetchOnWindowFocus: false,
  });
}

const send = <T>(url: string, method: string, body?: unknown) =>
  fetchJson<T>(url, body === undefined ? { method } : { method, headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });

const at = (id: string, rest = "") => `/api/notebooks/${encodeURIComponent(id)}${rest}`;

export type CellDraftBody = Pick<NotebookCell, "id" | "kind" | "source" | "settings">;

export const createNotebook = (title: string, cells?: CellDraftBody[]) => send<NotebookJson>("/api/notebooks", "POST", cells ? { title, cells } : { title });
export const renameNotebook = (id: string, title: string) => send<NotebookJson>(at(id), "PATCH", { title });
export const trashNotebook = (id: string) => send<{ deleted: { id: string } }>(at(id), "PATCH", { deleted: true });
export const restoreNotebook = (id: string) => send<NotebookJson>(at(id), "PATCH", { deleted: false });
export const duplicateNotebook = (id: string) => send<NotebookJson>(at(id, "/duplicate"), "POST");
export const saveNotebookCells = (id: string, cells: readonly NotebookCell[]) =>
  send<NotebookJson>(at(id, "/cells"), "PUT", { cells: cells.map(({ id: cellId, kind, source, settings }) => ({ id: cellId, kind, source, settings })) });
export const runNotebookCell = (id: string, cellId: string) => send<CellRunJson>(at(id, `/cells/${encodeURIComponent(cellId)}/run`), "POST");
export const clearNotebookOutputs = (id: string) => send<NotebookJson>(at(id, "/clear"), "POST");
