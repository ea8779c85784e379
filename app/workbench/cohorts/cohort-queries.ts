import { keepPreviousData, queryOptions } from "@tanstack/react-query";
import { fetchJson } from "../api-fetch";
import { recordingKeys } from "../recordings/recording-queries";
import type {
  AnalysisUnit,
  CohortComparisonJson,
  CohortDeletedJson,
  CohortDetailJson,
  CohortListJson,
  CohortWriteJson,
  ComparisonCorrection,
  PatientTrajectoryJson,
} from "./cohort-types";

export const cohortKeys = {
  // Under the corpus data key: an import (which can add cohorts and recordings) refreshes them.
  all: [...recordingKeys.all, "cohorts"] as const,
  list: () => [...recordingKeys.all, "cohorts", "list"] as const,
  detail: (cohortId: string) => [...recordingKeys.all, "cohorts", "detail", cohortId] as const,
  comparison: (request: ComparisonRequest) => [...recordingKeys.all, "cohorts", "comparison", request] as const,
  trajectory: (patientId: string, modelId: string | null) => [...recordingKeys.all, "cohorts", "trajectory", patientId, modelId] as const,
};

export interface ComparisonRequest {
  cohortIds: readonly string[];
  modelId: string | null;
  level: AnalysisUnit;
  correction: ComparisonCorrection;
}

export function cohortsQuery() {
  return queryOptions({
    queryKey: cohortKeys.list(),
    queryFn: async ({ signal }) => (await fetchJson<CohortListJson>("/api/cohorts", { signal })).cohorts,
  });
}

export function cohortDetailQuery(cohortId: string) {
  return queryOptions({
    queryKey: cohortKeys.detail(cohortId),
    queryFn: async ({ signal }) => fetchJson<CohortDetailJson>(`/api/cohorts/${encodeURIComponent(cohortId)}`, { signal }),
  });
}

/** The comparison is a POST (its body can list many cohorts) but reads only, so it is cached like a query. */
export function comparisonQuery(request: ComparisonRequest) {
  return queryOptions({
    queryKey: cohortKeys.comparison(request),
    queryFn: async ({ signal }) =>
      fetchJson<CohortComparisonJson>("/api/cohorts/compare", {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({
          cohortIds: request.cohortIds,
          level: request.level,
          correction: request.correction,
          ...(request.modelId ? { modelId: request.modelId } : {}),
        }),
        signal,
      }),
    enabled: request.cohortIds.length >= 2,
    placeholderData: keepPreviousData,
    retry: false,
  });
}

export function trajectoryQuery(patientId: string, modelId: string | null) {
  return queryOptions({
    queryKey: cohortKeys.trajectory(patientId, modelId),
    queryFn: async ({ signal }) => {
      const params = modelId ? `?${new URLSearchParams({ modelId }).toString()}` : "";
      return fetchJson<PatientTrajectoryJson>(`/api/patients/${encodeURIComponent(patientId)}/trajectory${params}`, { signal });
    },
    placeholderData: keepPreviousData,
    retry: false,
  });
}

export interface NewCohortRequest {
  corpusId: string;
  name: string;
  description?: string;
  patientIds?: readonly string[];
  /** A projection selection: the recordings' patients join; recordings without one come back as skipped. */
  recordingIds?: readonly string[];
}

export function createCohort(request: NewCohortRequest): Promise<CohortWriteJson> {
  return fetchJson<CohortWriteJson>("/api/cohorts", { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(request) });
}

export function deleteCohort(cohortId: string): Promise<CohortDeletedJson> {
  return fetchJson<CohortDeletedJson>(`/api/cohorts/${encodeURIComponent(cohortId)}`, { method: "DELETE" });
}
