"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useMemo, useState } from "react";
import { CANONICAL_LABELS } from "@/lib/domain/emotion-labels";
import type { ProjectionPointsPayload } from "../api-types";
import { cohortKeys, createCohort } from "../cohorts/cohort-queries";
import { useWorkbenchNavigation } from "../shell/workbench-navigation";
import { NewExportDialog } from "../exports/new-export-dialog";
import { NewProjectionDialog } from "./new-projection-dialog";
import { postJson, projectionKeys } from "./projection-queries";
import styles from "./projections.module.css";
import { compareSelectionWithRest } from "./selection-analysis";

const LIST_LIMIT = 500;

/**
 * What can be done with the points a lasso or box selected: label them all,
 * make a cohort of their patients, project just them, export them, compare
 * their emotions with the rest, list them (each opens in the editor), or
 * save them as CSV.
 */
export function SelectionPanel({
  projectionId,
  points,
  selection,
  level,
  onClear,
  onOpenPoint,
  onExportCsv,
}: {
  projectionId: string;
  points: ProjectionPointsPayload;
  selection: readonly number[];
  level: "recording" | "region";
  onClear: () => void;
  onOpenPoint: (index: number) => void;
  onExportCsv: () => void;
}) {
  const queryClient = useQueryClient();
  const navigation = useWorkbenchNavigation();
  const [emotion, setEmotion] = useState<string>("neutral");
  const [showList, setShowList] = useState(false);
  const [showComparison, setShowComparison] = useState(false);
  const [projecting, setProjecting] = useState(false);
  const [exporting, setExporting] = useState(false);
  const selected = useMemo(() => new Set(selection), [selection]);
  const comparison = useMemo(() => (showComparison && selection.length > 0 ? compareSelectionWithRest(points, selected) : null), [showComparison, points, selected, selection.length]);
  const recordingIds = useMemo(() => [...new Set(selection.map((index) => points.recordingIds[index]!))], [selection, points]);

  const label = useMutation({
    mutationFn: () =>
      postJson<{ edited: number }>("/api/labels/bulk", {
        targets: selection.map((index) => ({ recordingId: points.recordingIds[index], regionId: points.regionIds[index] ?? null })),
        emotion,
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: projectionKeys.all }),
  });
  const cohort = useMutation({
    mutationFn: (name: string) => {
      const corpora = new Set(selection.map((index) => points.corpusIds[index]));
      if (corpora.size !== 1) throw new Error(`The selection spans ${corpora.size} corpora; a cohort belongs to one corpus. Select points of one corpus.`);
      return createCohort({ corpusId: [...corpora][0]!, name, recordingIds });
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: cohortKeys.all }),
  });

  if (selection.length === 0) {
    return (
      <section aria-label="Selection" data-testid="projection-selection">
        <h3>Selection</h3>
        <p className="form-hint">Shift-drag to select with the lasso or box; Ctrl/⌘-Shift-drag adds to the selection.</p>
      </section>
    );
  }
  const unit = level === "region" ? "regions" : "recordings";

  return (
    <section aria-label="Selection" data-testid="projection-selection" data-selected={selection.length}>
      <h3>
        Selection: {selection.length.toLocaleString()} {unit}
      </h3>
      <div className={styles.selectionActions}>
        <button type="button" className="button" onClick={onClear}>
          Clear
        </button>
        <button type="button" className="button" onClick={() => setShowList(!showList)} aria-expanded={showList} data-testid="selection-list-toggle">
          List
        </button>
        <button type="button" className="button" onClick={() => setShowComparison(!showComparison)} aria-expanded={showComparison} data-testid="selection-compare">
          Compare with the rest
        </button>
        <button type="button" className="button" onClick={onExportCsv}>
          CSV
        </button>
        <button type="button" className="button" onClick={() => setProjecting(true)}>
          Project these…
        </button>
        <button type="button" className="button" onClick={() => setExporting(true)} data-testid="selection-export">
          Export…
        </button>
        <button
          type="button"
          className="button"
          data-testid="selection-create-cohort"
          onClick={() => {
            const name = window.prompt(`Name of the new cohort (the patients of these ${recordingIds.length} recordings):`);
            if (name?.trim()) cohort.mutate(name.trim());
          }}
        >
          Create cohort…
        </button>
      </div>
      <div className={styles.selectionActions} style={{ marginTop: 6 }}>
        <label className="form-check">
          Label {level === "region" ? "regions" : "recordings"} as
          <select value={emotion} onChange={(event) => setEmotion(event.target.value)} data-testid="selection-label-emotion">
            {CANONICAL_LABELS.map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
          </select>
        </label>
        <button
          type="button"
          className="button"
          data-testid="selection-label"
          disabled={label.isPending}
          onClick={() => {
            if (window.confirm(`Label ${selection.length} ${unit} as "${emotion}"? Each gets its own history entry and can be undone in its editor.`)) label.mutate();
          }}
        >
          Apply
        </button>
      </div>
      {label.isSuccess && <p className="form-hint" role="status">Labelled {label.data.edited} {unit}.</p>}
      {label.error && <p className="form-error">{label.error.message}</p>}
      {cohort.isSuccess && (
        <p className="form-hint" role="status" data-testid="selection-cohort-created">
          Cohort “{cohort.data.cohort.name}” created
          {cohort.data.skippedRecordings.length ? `; ${cohort.data.skippedRecordings.length} recordings have no patient and were left out` : ""}.
        </p>
      )}
      {cohort.error && <p className="form-error">{cohort.error.message}</p>}
      {comparison && (
        <div data-testid="selection-comparison">
          <p className="form-hint">
            Per {level === "region" ? "region" : "recording"}, human label where present ({comparison.selection.human} selected, {comparison.rest.human} rest), the model&apos;s prediction otherwise ({comparison.selection.model}, {comparison.rest.model}). For per-patient statistics compare cohorts.
          </p>
          <table className={styles.table}>
            <thead>
              <tr>
                <th scope="col">Emotion</th>
                <th scope="col">Selected</th>
                <th scope="col">Rest</th>
              </tr>
            </thead>
            <tbody>
              {CANONICAL_LABELS.map((name, column) => {
                const share = (group: typeof comparison.selection) => {
                  const total = group.counts.reduce((sum, count) => sum + count, 0);
                  return total ? `${((100 * group.counts[column]!) / total).toFixed(1)}%` : "—";
                };
                return (
                  <tr key={name}>
                    <th scope="row">{name}</th>
                    <td>{share(comparison.selection)}</td>
                    <td>{share(comparison.rest)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          <p className="form-hint">
            {comparison.test
              ? `χ²(${comparison.test.dof}) = ${comparison.test.statistic.toFixed(2)}, p = ${comparison.test.p.toPrecision(3)}, Cramér's V = ${comparison.test.cramersV.toFixed(3)}`
              : "No test: one side has no labelled or predicted point."}
          </p>
        </div>
      )}
      {showList && (
        <ul className={styles.selectionList} aria-label="Selected points" data-testid="selection-list">
          {selection.slice(0, LIST_LIMIT).map((index) => (
            <li key={index}>
              <button type="button" onClick={() => onOpenPoint(index)}>
                {points.names[index]}
                {points.startSeconds[index] !== null ? ` @ ${points.startSeconds[index]!.toFixed(1)} s` : ""}
              </button>{" "}
              <span className="form-hint">
                {points.patients[index] ?? "no patient"} · {points.humanEmotion[index] ?? points.modelEmotion[index] ?? "—"}
              </span>
            </li>
          ))}
          {selection.length > LIST_LIMIT && <li className="form-hint">and {(selection.length - LIST_LIMIT).toLocaleString()} more (CSV has them all)</li>}
        </ul>
      )}
      {exporting && (
        <NewExportDialog
          preset={{ projection: { projectionId, pointKeys: selection.map((index) => `${points.recordingIds[index]}|${points.regionIds[index] ?? ""}`) }, level }}
          onClose={() => setExporting(false)}
        />
      )}
      {projecting && (
        <NewProjectionDialog
          preset={{ recordingIds }}
          onClose={() => setProjecting(false)}
          onCreated={(projectionId, name) => navigation.openDocument({ kind: "projection", projectionId }, name)}
        />
      )}
    </section>
  );
}
