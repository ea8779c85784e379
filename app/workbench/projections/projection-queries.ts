import { queryOptions } from "@tanstack/react-query";
import { fetchJson } from "../api-fetch";
import type { JobView, ProjectableModel, ProjectionPointsPayload, ProjectionSummary } from "../api-types";

export const projectionKeys = {
  all: ["projections"] as const,
  list: ["projections", "list"] as const,
  models: ["projections", "models"] as const,
  points: (id: string) => ["projections", "points", id] as const,
};

const unfinished = (projection: ProjectionSummary) => projection.status === "queued" || projection.status === "running";

/** Every projection; polled while one is being computed. */
export function projectionListQuery() {
  return queryOptions({
    queryKey: projectionKeys.list,
    queryFn: async () => (await fetchJson<{ projections: ProjectionSummary[] }>("/api/projections")).projections,
    refetchInterval: (query) => (query.state.data?.some(unfinished) ? 1000 : false),
  });
}

export function projectableModelsQuery() {
  return queryOptions({
    queryKey: projectionKeys.models,
    queryFn: async () => (await fetchJson<{ models: ProjectableModel[] }>("/api/projections/models")).models,
    staleTime: 10_000,
  });
}

export type ProjectionPoints = ProjectionPointsPayload & { projection: ProjectionSummary };

/** A projection with its points; polled while its job runs, so the view fills in when it finishes. */
export function projectionPointsQuery(id: string) {
  return queryOptions({
    queryKey: projectionKeys.points(id),
    queryFn: ({ signal }) => fetchJson<ProjectionPoints>(`/api/projections/${encodeURIComponent(id)}/points`, { signal }),
    refetchInterval: (query) => (query.state.data && unfinished(query.state.data.projection) ? 1000 : false),
  });
}

export async function postJson<T>(url: string, body: unknown): Promise<T> {
  return fetchJson<T>(url, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });
}

export function createProjection(body: unknown): Promise<{ projection: ProjectionSummary; job: JobView }> {
  return postJson("/api/projections", body);
}

export async function deleteProjection(id: string): Promise<void> {
  const response = await fetch(`/api/projections/${encodeURIComponent(id)}`, { method: "DELETE" });
  if (!response.ok && response.status !== 404) {
    const body = (await response.json().catch(() => null)) as { error?: string } | null;
    throw new Error(body?.error ?? `The server answered ${response.status}.`);
  }
}
