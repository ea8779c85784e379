"use client";

import type { NotebookCell, NotebookViewSpec } from "@/lib/domain/notebook/notebook-cell";
import { useWorkbenchNavigation } from "../shell/workbench-navigation";
import { NotebookViewCell } from "./view-cells/notebook-view-cell";
import { ViewCellSettingsForm } from "./view-cells/view-cell-settings";
import styles from "./notebooks.module.css";

type ViewCellType = Extract<NotebookCell, { kind: "view" }>;

/** A live view pinned to its parameters; the form shows until it has them, and again on "Change view". */
export function ViewCell({
  cell,
  editing,
  onChange,
  onEditView,
}: {
  cell: ViewCellType;
  editing: boolean;
  onChange: (view: NotebookViewSpec) => void;
  onEditView: () => void;
}) {
  const navigation = useWorkbenchNavigation();
  const view = cell.settings.view;
  if (!view || editing) return <ViewCellSettingsForm value={view} onChange={onChange} />;
  const open = () => {
    const title = cell.output?.kind === "view" ? cell.output.title : "View";
    if (view.kind === "recording") navigation.openRecording(view.recordingId, title, { atSeconds: view.startSeconds });
    else if (view.kind === "projection") navigation.openDocument({ kind: "projection", projectionId: view.projectionId }, title);
    else if (view.kind === "comparison") navigation.openDocument({ kind: "comparison", cohortIds: view.cohortIds }, title);
    else navigation.openDocument({ kind: "trajectory", patientId: view.patientId }, title);
  };
  return (
    <>
      {cell.output?.kind === "error" && (
        <p className={styles.cellError} role="alert">
          {cell.output.message}
        </p>
      )}
      <NotebookViewCell view={view} onOpen={open} />
      <button type="button" className="button" onClick={onEditView}>
        Change view
      </button>
    </>
  );
}
