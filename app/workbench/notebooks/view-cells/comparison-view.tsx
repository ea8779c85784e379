"use client";

import { useQuery } from "@tanstack/react-query";
import type { NotebookViewSpec } from "@/lib/domain/notebook/notebook-cell";
import { ComparisonBody } from "../../cohorts/cohort-comparison-editor";
import { comparisonQuery } from "../../cohorts/cohort-queries";
import { ViewCellFrame, ViewCellMessage } from "./view-cell-frame";
import { failureOf, viewErrorMessage, viewHeading } from "./view-cell-text";
import styles from "./view-cells.module.css";

type ComparisonViewSpec = Extract<NotebookViewSpec, { kind: "comparison" }>;

/**
 * The cohort comparison editor's charts, tests and tables for the pinned
 * cohorts, with its defaults (per patient, Holm, the model with the most
 * analyses); the editor changes those.
 */
export function ComparisonView({ view, onOpen }: { view: ComparisonViewSpec; onOpen?: () => void }) {
  const query = useQuery(comparisonQuery({ cohortIds: view.cohortIds, modelId: null, level: "patient", correction: "holm" }));
  const result = query.data;
  const heading = viewHeading(view, result ? { cohorts: result.comparison.cohorts.map((cohort) => cohort.name) } : {});

  if (view.cohortIds.length < 2) {
    return (
      <ViewCellFrame kind="comparison" heading={heading} state="error" onOpen={onOpen}>
        <ViewCellMessage kind="alert">A comparison needs at least two cohorts; this cell names {view.cohortIds.length}. Choose them in the cell&apos;s settings.</ViewCellMessage>
      </ViewCellFrame>
    );
  }
  if (query.isError) {
    return (
      <ViewCellFrame kind="comparison" heading={heading} state="error" onOpen={onOpen}>
        <ViewCellMessage kind="alert">{viewErrorMessage(view, failureOf(query.error))}</ViewCellMessage>
      </ViewCellFrame>
    );
  }
  if (!result) {
    return (
      <ViewCellFrame kind="comparison" heading={heading} state="loading" onOpen={onOpen}>
        <ViewCellMessage kind="status">Comparing the cohorts…</ViewCellMessage>
      </ViewCellFrame>
    );
  }
  return (
    <ViewCellFrame kind="comparison" heading={heading} state="ready" onOpen={onOpen}>
      <div className={styles.document} data-testid="view-comparison">
        <ComparisonBody result={result} />
      </div>
    </ViewCellFrame>
  );
}
