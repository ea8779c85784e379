"use client";

import { CohortComparisonEditor } from "../cohorts/cohort-comparison-editor";
import { PatientTrajectoryEditor } from "../cohorts/patient-trajectory-editor";
import { AgreementEditor } from "../agreement/agreement-editor";
import { AuditLogEditor } from "../audit/audit-log-editor";
import { WorkspacesEditor } from "../workspaces/workspaces-editor";
import { NotebookEditor } from "../notebooks/notebook-editor";
import { ProjectionEditor } from "../projections/projection-editor";
import type { EditorDocument } from "./editor-groups";

/** What a document tab shows: a projection, a cohort comparison, a patient's trajectory or a notebook (the one place the shell names them). */
export function DocumentEditorSlot({ document, isActive }: { document: EditorDocument; isActive: boolean }) {
  switch (document.kind) {
    case "projection":
      return <ProjectionEditor projectionId={document.projectionId} />;
    case "comparison":
      return <CohortComparisonEditor cohortIds={document.cohortIds} />;
    case "trajectory":
      return <PatientTrajectoryEditor patientId={document.patientId} />;
    case "notebook":
      return <NotebookEditor notebookId={document.notebookId} isActive={isActive} />;
    case "agreement":
      return <AgreementEditor corpusId={document.corpusId} />;
    case "audit":
      return <AuditLogEditor />;
    case "workspaces":
      return <WorkspacesEditor />;
  }
}
