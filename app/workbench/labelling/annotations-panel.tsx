"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { CANONICAL_LABELS } from "@/lib/domain/emotion-labels";
import { fetchJson } from "../api-fetch";
import { labelKeys, saveAnnotation } from "./label-queries";
import styles from "./labelling.module.css";

interface AnnotationRow {
  id: string;
  regionId: string | null;
  annotator: string;
  emotion: string;
}

const annotationsKey = labelKeys.annotations;

const post = <T,>(url: string, body: unknown) => fetchJson<T>(url, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });

/**
 * Annotators' own labels of what is selected (the recording, or a region),
 * side by side, apart from the final label above: give yours, and, as a
 * reviewer, accept one as the final label. In a blinded workspace an
 * annotator sees only their own.
 */
export function AnnotationsPanel({ recordingId, regionId, canAccept }: { recordingId: string; regionId: string | null; canAccept: boolean }) {
  const queryClient = useQueryClient();
  const annotations = useQuery({
    queryKey: annotationsKey(recordingId),
    queryFn: () => fetchJson<{ annotations: AnnotationRow[]; blinded: boolean }>(`/api/annotations?recording=${encodeURIComponent(recordingId)}`),
  });
  const [choice, setChoice] = useState("");
  const refresh = async () => {
    await queryClient.invalidateQueries({ queryKey: annotationsKey(recordingId) });
    await queryClient.invalidateQueries({ queryKey: labelKeys.state(recordingId) });
    await queryClient.invalidateQueries({ queryKey: labelKeys.histories(recordingId) });
  };
  const annotate = useMutation({ mutationFn: (emotion: string) => saveAnnotation(recordingId, regionId, emotion), onSuccess: refresh });
  const accept = useMutation({ mutationFn: (annotationId: string) => post("/api/annotations/review", { recordingId, regionId, acceptAnnotationId: annotationId }), onSuccess: refresh });
  const rows = annotations.data?.annotations.filter((annotation) => annotation.regionId === regionId) ?? [];
  const problem = annotate.error ?? accept.error ?? annotations.error;

  return (
    <section className={styles.block} aria-label="Annotations" data-testid="annotations-panel">
      <h3 className={styles.heading}>
        Annotations{regionId ? " of the region" : ""}
        {annotations.data?.blinded ? " (yours only: blinded)" : ""}
      </h3>
      {rows.length === 0 && annotations.data && <p className={styles.empty}>No annotator has labelled this yet.</p>}
      {rows.length > 0 && (
        <ul className={styles.history}>
          {rows.map((row) => (
            <li key={row.id} className={styles.targetLine} data-testid="annotation-row" data-annotator={row.annotator} data-emotion={row.emotion}>
              <span>
                <span className={styles.muted}>{row.annotator}: </span>
                {row.emotion}
              </span>
              {canAccept && (
                <button
                  type="button"
                  className={styles.smallButton}
                  aria-label={`Accept ${row.annotator}'s label`}
                  title="Make this the final label (reviewers)"
                  disabled={accept.isPending}
                  onClick={() => accept.mutate(row.id)}
                >
                  Accept
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      <div className={styles.targetLine}>
        <label className={styles.muted}>
          My annotation{" "}
          <select value={choice} onChange={(event) => setChoice(event.target.value)}>
            <option value="">Choose…</option>
            {CANONICAL_LABELS.map((label) => (
              <option key={label} value={label}>
                {label}
              </option>
            ))}
          </select>
        </label>
        <button type="button" className={styles.smallButton} disabled={!choice || annotate.isPending} onClick={() => annotate.mutate(choice)}>
          Save annotation
        </button>
      </div>
      {problem && (
        <p className={styles.error} role="alert">
          {problem.message}
        </p>
      )}
    </section>
  );
}
