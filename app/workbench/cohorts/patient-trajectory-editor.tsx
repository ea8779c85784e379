"use client";

import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { CANONICAL_LABELS } from "@/lib/domain/emotion-labels";
import { trajectoryQuery } from "./cohort-queries";
import type { PatientTrajectoryJson } from "./cohort-types";
import styles from "./cohorts.module.css";
import { formatShare, modelName, trajectoryStatement } from "./comparison-text";
import { SessionProportionChart, StepDistanceChart } from "./trajectory-charts";

/**
 * One patient's sessions in date order, for this editor and for the
 * projection editor, which draws the path through its points: each
 * session's `recordingIds` are the points to join, in `trajectory.sessions`
 * order. `modelId` null: the model with the most analyses of the patient.
 */
export function usePatientTrajectory(patientId: string, modelId: string | null) {
  return useQuery(trajectoryQuery(patientId, modelId));
}

/** The patient trajectory editor: step distances, the emotion mix per session and the sessions as a table. */
export function PatientTrajectoryEditor({ patientId }: { patientId: string }) {
  const [modelId, setModelId] = useState<string | null>(null);
  const query = usePatientTrajectory(patientId, modelId);
  const result = query.data;
  return (
    <div className={styles.editor} data-testid="patient-trajectory-editor" aria-busy={query.isFetching}>
      <h2 className={styles.title}>Trajectory{result ? ` of ${result.patient.code} (${result.patient.corpus.name})` : ""}</h2>
      <div className={styles.controls} role="group" aria-label="Trajectory settings">
        <label>
          Model
          <select value={modelId ?? result?.model?.id ?? ""} onChange={(event) => setModelId(event.target.value || null)} disabled={!result || result.models.length === 0} data-testid="trajectory-model">
            {(!result || result.models.length === 0) && <option value="">{result ? "No analyses" : "…"}</option>}
            {result?.models.map((model) => (
              <option key={model.id} value={model.id}>
                {modelName(model)} ({model.recordings} recordings)
              </option>
            ))}
          </select>
        </label>
      </div>
      {query.isPending && <p className={styles.note}>Loading the trajectory…</p>}
      {query.isError && (
        <p className={`${styles.note} ${styles.error}`} role="alert">
          {query.error.message}
        </p>
      )}
      {result && <TrajectoryBody result={result} />}
    </div>
  );
}

/** The trajectory's statement, charts and sessions table for one result; also shown by notebook view cells. */
export function TrajectoryBody({ result }: { result: PatientTrajectoryJson }) {
  const { trajectory } = result;
  const dominant = (proportions: number[] | null) => {
    if (!proportions) return "–";
    const best = proportions.indexOf(Math.max(...proportions));
    return `${CANONICAL_LABELS[best]} ${formatShare(proportions[best]!)}`;
  };
  const stepInto = new Map(trajectory.steps.map((step) => [step.toSessionId, step]));
  return (
    <>
      <p className={styles.statement} data-testid="trajectory-statement">
        {trajectoryStatement(result)}
      </p>
      {trajectory.withoutEmbedding.length > 0 && (
        <p className={styles.note}>
          {trajectory.withoutEmbedding.length} session{trajectory.withoutEmbedding.length === 1 ? " has" : "s have"} no embedding by {modelName(result.model)} and{" "}
          {trajectory.withoutEmbedding.length === 1 ? "is" : "are"} stepped over in the distances.
        </p>
      )}
      <h3 className={styles.sectionTitle}>Distance between consecutive sessions (full embedding space)</h3>
      <StepDistanceChart trajectory={trajectory} />
      <h3 className={styles.sectionTitle}>Emotion proportions per session</h3>
      <SessionProportionChart sessions={trajectory.sessions} />
      <table className={styles.table} data-testid="trajectory-sessions-table">
        <caption>Sessions in path order</caption>
        <thead>
          <tr>
            <th scope="col">Session</th>
            <th scope="col">Date</th>
            <th scope="col">Ordinal</th>
            <th scope="col">Recordings</th>
            <th scope="col">Label source</th>
            <th scope="col">Dominant emotion</th>
            <th scope="col">Euclidean from previous</th>
            <th scope="col">Cosine from previous</th>
          </tr>
        </thead>
        <tbody>
          {trajectory.sessions.map((session) => {
            const step = stepInto.get(session.sessionId);
            return (
              <tr key={session.sessionId} data-testid="trajectory-session-row" data-session-id={session.sessionId}>
                <th scope="row">{session.code}</th>
                <td>{session.date ?? "no date"}</td>
                <td>{session.ordinal ?? "–"}</td>
                <td>{session.recordingIds.length}</td>
                <td className={styles.source} data-source={session.source ?? "none"}>
                  {sourceText(session.sources, session.withoutData)}
                </td>
                <td>{dominant(session.proportions)}</td>
                <td>{step ? step.euclidean.toFixed(4) : "–"}</td>
                <td>{step ? step.cosine.toFixed(4) : "–"}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </>
  );
}

function sourceText(sources: { human: number; model: number }, withoutData: number): string {
  const parts = [sources.human > 0 && `human ${sources.human}`, sources.model > 0 && `model ${sources.model}`, withoutData > 0 && `none ${withoutData}`].filter(Boolean);
  return parts.join(", ") || "–";
}
