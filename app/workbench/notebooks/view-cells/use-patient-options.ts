"use client";

import { useQueries, useQuery } from "@tanstack/react-query";
import { nodeKey, ROOT_KEY } from "../../explorer/explorer-path";
import { explorerChildrenQuery } from "../../explorer/explorer-queries";
import type { ExplorerGroupNode } from "../../explorer/explorer-types";
import { type CorpusGroup, groupByCorpus } from "./option-groups";

export interface PatientOption {
  id: string;
  code: string;
  corpusId: string;
  corpusName: string;
}

export interface PatientOptions {
  groups: CorpusGroup<PatientOption>[];
  pending: boolean;
  error: string | null;
}

/**
 * Every patient with recordings, by corpus, for the Patient picker. There is
 * no patients route, so this walks the explorer tree's first levels (corpora,
 * their cohorts and "No cohort", each one's patients): the same cached
 * requests the explorer makes, refreshed with it when an import finishes.
 */
export function usePatientOptions(): PatientOptions {
  const corpora = useQuery(explorerChildrenQuery(ROOT_KEY, "all", false));
  const corpusNodes = (corpora.data?.children ?? []).filter((node): node is ExplorerGroupNode => node.kind === "corpus");
  const cohortLevels = useQueries({ queries: corpusNodes.map((corpus) => explorerChildrenQuery(nodeKey(ROOT_KEY, corpus), "all", false)) });
  const cohorts = cohortLevels.flatMap((level, index) => {
    const corpus = corpusNodes[index]!;
    return (level.data?.children ?? []).filter((node) => node.kind === "cohort").map((cohort) => ({ corpus, key: nodeKey(nodeKey(ROOT_KEY, corpus), cohort) }));
  });
  const patientLevels = useQueries({ queries: cohorts.map((cohort) => explorerChildrenQuery(cohort.key, "all", false)) });
  const patients = patientLevels.flatMap((level, index) => {
    const { corpus } = cohorts[index]!;
    return (level.data?.children ?? [])
      .filter((node) => node.kind === "patient")
      .map((node) => ({ id: node.id, code: node.name, corpusId: corpus.id, corpusName: corpus.name }));
  });
  const levels = [corpora, ...cohortLevels, ...patientLevels];
  const failed = levels.find((level) => level.isError);
  return {
    groups: groupByCorpus(patients, (patient) => patient.code),
    pending: levels.some((level) => level.isPending),
    error: failed?.error ? failed.error.message : null,
  };
}
