import { queryOptions } from "@tanstack/react-query";
import { fetchJson } from "../api-fetch";
import type { JobStatus, JobSummary, JobView } from "../api-types";

const FINISHED: readonly JobStatus[] = ["succeeded", "failed", "cancelled"];

export function isFinished(status: JobStatus | undefined): boolean {
  return status !== undefined && FINISHED.includes(status);
}

export const jobKeys = {
  all: ["jobs"] as const,
  lists: ["jobs", "list"] as const,
  list: (limit: number) => ["jobs", "list", limit] as const,
  detail: (id: string) => ["jobs", "detail", id] as const,
};

/** One job, polled every second until it finishes. */
export function jobQuery(id: string) {
  return queryOptions({
    queryKey: jobKeys.detail(id),
    queryFn: () => fetchJson<JobView>(`/api/jobs/${encodeURIComponent(id)}`),
    refetchInterval: (query) => (isFinished(query.state.data?.status) ? false : 1000),
    staleTime: 0,
  });
}

/** Recent jobs for the Jobs panel; polled while any is unfinished, slowly otherwise. */
export function recentJobsQuery(limit = 20) {
  return queryOptions({
    queryKey: jobKeys.list(limit),
    queryFn: async () => (await fetchJson<{ jobs: JobSummary[] }>(`/api/jobs?limit=${limit}`)).jobs,
    refetchInterval: (query) => ((query.state.data ?? []).some((job) => !isFinished(job.status)) ? 1500 : 10_000),
    staleTime: 0,
  });
}

export async function cancelJob(id: string): Promise<JobView> {
  return fetchJson<JobView>(`/api/jobs/${encodeURIComponent(id)}/cancel`, { method: "POST" });
}
