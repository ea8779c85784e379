"use client";

import { useQuery } from "@tanstack/react-query";
import type { NotebookViewSpec } from "@/lib/domain/notebook/notebook-cell";
import { trajectoryQuery } from "../../cohorts/cohort-queries";
import { TrajectoryBody } from "../../cohorts/patient-trajectory-editor";
import { ViewCellFrame, ViewCellMessage } from "./view-cell-frame";
import { failureOf, viewErrorMessage, viewHeading } from "./view-cell-text";
import styles from "./view-cells.module.css";

type TrajectoryViewSpec = Extract<NotebookViewSpec, { kind: "trajectory" }>;

/** The patient trajectory editor's charts and sessions table, for the model with the most analyses of the patient. */
export function TrajectoryView({ view, onOpen }: { view: TrajectoryViewSpec; onOpen?: () => void }) {
  const query = useQuery(trajectoryQuery(view.patientId, null));
  const result = query.data;
  const heading = viewHeading(view, result ? { patient: `${result.patient.code} (${result.patient.corpus.name})` } : {});

  if (query.isError) {
    return (
      <ViewCellFrame kind="trajectory" heading={heading} state="error" onOpen={onOpen}>
        <ViewCellMessage kind="alert">{viewErrorMessage(view, failureOf(query.error))}</ViewCellMessage>
      </ViewCellFrame>
    );
  }
  if (!result) {
    return (
      <ViewCellFrame kind="trajectory" heading={heading} state="loading" onOpen={onOpen}>
        <ViewCellMessage kind="status">Loading the trajectory…</ViewCellMessage>
      </ViewCellFrame>
    );
  }
  return (
    <ViewCellFrame kind="trajectory" heading={heading} state="ready" onOpen={onOpen}>
      <div className={styles.document} data-testid="view-trajectory">
        <TrajectoryBody result={result} />
      </div>
    </ViewCellFrame>
  );
}
