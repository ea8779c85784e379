"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { cohortDetailQuery, cohortKeys, cohortsQuery, deleteCohort } from "./cohort-queries";
import type { CohortListing } from "./cohort-types";
import styles from "./cohorts.module.css";

export interface CohortsViewProps {
  /** Opens the comparison editor for these cohorts (two or more). */
  onCompare: (cohortIds: string[]) => void;
  /** Opens the trajectory editor for one patient. */
  onOpenTrajectory: (patientId: string, patientCode: string) => void;
}

const plural = (count: number, noun: string) => `${count} ${noun}${count === 1 ? "" : "s"}`;

/**
 * The Cohorts side-bar view: cohorts grouped by corpus with their counts,
 * checkboxes to pick two or more for a comparison, each expandable to its
 * patients (with a way into their trajectories), and deletion after a
 * confirmation in place.
 */
export function CohortsView({ onCompare, onOpenTrajectory }: CohortsViewProps) {
  const cohorts = useQuery(cohortsQuery());
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(new Set());
  const [confirming, setConfirming] = useState<string | null>(null);
  const queryClient = useQueryClient();
  const remove = useMutation({
    mutationFn: deleteCohort,
    onSuccess: async ({ deleted }) => {
      setSelected((current) => without(current, deleted.id));
      setConfirming(null);
      await queryClient.invalidateQueries({ queryKey: cohortKeys.all });
    },
  });

  const list = cohorts.data ?? [];
  // A cohort deleted elsewhere drops out of the selection.
  const chosen = list.filter((cohort) => selected.has(cohort.id)).map((cohort) => cohort.id);
  const toggle = (set: ReadonlySet<string>, id: string) => (set.has(id) ? without(set, id) : new Set([...set, id]));

  let status: string | null = null;
  if (cohorts.isPending) status = "Loading cohorts…";
  else if (cohorts.isError) status = cohorts.error.message;
  else if (chosen.length < 2) status = `${plural(list.length, "cohort")}. Tick two or more to compare them.`;
  else status = `${chosen.length} cohorts selected.`;

  return (
    <div className={styles.view} data-testid="cohorts-view">
      <div className={styles.actions}>
        <button
          type="button"
          className={`${styles.button} ${styles.primary}`}
          disabled={chosen.length < 2}
          onClick={() => onCompare(chosen)}
          data-testid="cohorts-compare"
          title={chosen.length < 2 ? "Tick two or more cohorts first" : undefined}
        >
          Compare selected
        </button>
      </div>
      <p className={`${styles.status} ${cohorts.isError ? styles.error : ""}`} role="status">
        {status}
      </p>
      {remove.isError && (
        <p className={`${styles.status} ${styles.error}`} role="alert">
          {remove.error.message}
        </p>
      )}
      {cohorts.isSuccess && list.length === 0 ? (
        <p className={styles.empty} data-testid="cohorts-empty">
          No cohorts yet. Make one from a projection: select recordings with the lasso and choose “Create cohort from selection” (their patients
          join it). An import manifest with a <code>cohort</code> column also creates cohorts and puts each row’s patient in them.
        </p>
      ) : (
        <ul className={styles.list} aria-label="Cohorts">
          {groupByCorpus(list).map(([corpusName, group]) => (
            <li key={corpusName}>
              <h3 className={styles.corpus}>{corpusName}</h3>
              <ul className={styles.group}>
                {group.map((cohort) => (
                  <li key={cohort.id}>
                    <div className={styles.cohort} data-testid="cohort-row" data-cohort-id={cohort.id}>
                      <button
                        type="button"
                        className={styles.twistie}
                        aria-expanded={expanded.has(cohort.id)}
                        aria-label={`${expanded.has(cohort.id) ? "Collapse" : "Expand"} ${cohort.name}`}
                        onClick={() => setExpanded(toggle(expanded, cohort.id))}
                      >
                        ›
                      </button>
                      <input
                        type="checkbox"
                        id={`cohort-${cohort.id}`}
                        checked={selected.has(cohort.id)}
                        onChange={() => setSelected(toggle(selected, cohort.id))}
                        data-testid="cohort-checkbox"
                      />
                      <label htmlFor={`cohort-${cohort.id}`} className={styles.cohortName} title={cohort.description || cohort.name}>
                        {cohort.name}
                      </label>
                      <span className={styles.counts} title={`${plural(cohort.patientCount, "patient")}, ${plural(cohort.recordingCount, "recording")}`}>
                        {cohort.patientCount} · {cohort.recordingCount}
                      </span>
                      <button
                        type="button"
                        className={styles.iconButton}
                        aria-label={`Delete cohort ${cohort.name}`}
                        title="Delete cohort"
                        onClick={() => setConfirming(cohort.id)}
                        data-testid="cohort-delete"
                      >
                        ✕
                      </button>
                    </div>
                    {confirming === cohort.id && (
                      <div className={styles.confirm} role="alertdialog" aria-label={`Delete ${cohort.name}?`}>
                        <span>
                          Delete “{cohort.name}”? Its {plural(cohort.patientCount, "patient")} and their recordings stay.
                        </span>
                        <button
                          type="button"
                          className={`${styles.button} ${styles.danger}`}
                          disabled={remove.isPending}
                          onClick={() => remove.mutate(cohort.id)}
                          data-testid="cohort-delete-confirm"
                        >
                          Delete
                        </button>
                        <button type="button" className={styles.button} onClick={() => setConfirming(null)}>
                          Cancel
                        </button>
                      </div>
                    )}
                    {expanded.has(cohort.id) && <CohortPatients cohortId={cohort.id} onOpenTrajectory={onOpenTrajectory} />}
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function CohortPatients({ cohortId, onOpenTrajectory }: { cohortId: string; onOpenTrajectory: CohortsViewProps["onOpenTrajectory"] }) {
  const detail = useQuery(cohortDetailQuery(cohortId));
  if (detail.isPending) return <p className={styles.note}>Loading patients…</p>;
  if (detail.isError) return <p className={`${styles.note} ${styles.error}`}>{detail.error.message}</p>;
  return (
    <ul className={styles.patients} aria-label="Patients">
      {detail.data.patients.map((patient) => (
        <li key={patient.id} className={styles.patient} data-testid="cohort-patient" data-patient-id={patient.id}>
          <span className={styles.patientCode}>{patient.code}</span>
          <span className={styles.counts} title={`${plural(patient.sessionCount, "session")}, ${plural(patient.recordingCount, "recording")}`}>
            {plural(patient.sessionCount, "session")}
          </span>
          <button type="button" className={styles.linkButton} onClick={() => onOpenTrajectory(patient.id, patient.code)} data-testid="cohort-patient-trajectory">
            Trajectory
          </button>
        </li>
      ))}
    </ul>
  );
}

function groupByCorpus(cohorts: readonly CohortListing[]): [string, CohortListing[]][] {
  const groups = new Map<string, CohortListing[]>();
  for (const cohort of cohorts) {
    const group = groups.get(cohort.corpus.name);
    if (group) group.push(cohort);
    else groups.set(cohort.corpus.name, [cohort]);
  }
  return [...groups];
}

function without(set: ReadonlySet<string>, id: string): ReadonlySet<string> {
  const next = new Set(set);
  next.delete(id);
  return next;
}
