import { queryOptions } from "@tanstack/react-query";
import type { InferenceAvailability } from "./api-types";

/** The subset of /api/health the workbench shows. */
export interface HealthSummary {
  status: "ok" | "degraded" | "error";
  version?: string;
  database?: { mode: "embedded" | "postgresql"; migrations: { applied: number; pending: string[] } };
  executionProviders?: string[];
  inference?: InferenceAvailability;
  error?: string;
}

export function healthQueryOptions() {
  return queryOptions({
    queryKey: ["health"],
    queryFn: async (): Promise<HealthSummary> => {
      const response = await fetch("/api/health", { cache: "no-store" });
      return (await response.json()) as HealthSummary;
    },
    // The inference worker probes its provider after start-up: ask again soon until it has.
    refetchInterval: (query) => (query.state.data?.inference?.state === "probing" ? 2_000 : 30_000),
  });
}
