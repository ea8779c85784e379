import { queryOptions } from "@tanstack/react-query";

/** The subset of /api/health the workbench shows. */
export interface HealthSummary {
  status: "ok" | "degraded" | "error";
  version?: string;
  database?: { mode: "embedded" | "postgresql"; migrations: { applied: number; pending: string[] } };
  executionProviders?: string[];
  error?: string;
}

export function healthQueryOptions() {
  return queryOptions({
    queryKey: ["health"],
    queryFn: async (): Promise<HealthSummary> => {
      const response = await fetch("/api/health", { cache: "no-store" });
      return (await response.json()) as HealthSummary;
    },
    refetchInterval: 30_000,
  });
}
