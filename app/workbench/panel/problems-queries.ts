import { queryOptions } from "@tanstack/react-query";
import { fetchJson } from "../api-fetch";
import type { Problem, ProblemsResponse } from "./problems-types";

export const problemKeys = {
  all: ["problems"] as const,
};

/** Import, analysis and job problems; asked again now and then, since jobs add them in the background. */
export function problemsQuery() {
  return queryOptions({
    queryKey: problemKeys.all,
    queryFn: async (): Promise<Problem[]> => (await fetchJson<ProblemsResponse>("/api/problems")).problems,
    refetchInterval: 15_000,
    retry: 1,
  });
}
