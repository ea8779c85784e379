"use client";

import { CohortComparisonEditor } from "../cohorts/cohort-comparison-editor";
import { PatientTrajectoryEditor } from "../cohorts/patient-trajectory-editor";
import { ProjectionEditor } from "../projections/projection-editor";
import type { EditorDocument } from "./editor-groups";

/** What a document tab shows: a projection, a cohort comparison or a patient's trajectory (the one place the shell names them). */
export function DocumentEditorSlot({ document }: { document: EditorDocument; isActive: boolean }) {
  switch (document.kind) {
    case "projection":
      return <ProjectionEditor projectionId={document.projectionId} />;
    case "comparison":
      return <CohortComparisonEditor cohortIds={document.cohortIds} />;
    case "trajectory":
      return <PatientTrajectoryEditor patientId={document.patientId} />;
  }
}
