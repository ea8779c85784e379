import type { NotebookViewSpec } from "../domain/notebook/notebook-cell";
import { tokenizeSql } from "./sql-tokens";

/**
 * Which data a cell rests on, as the source names of
 * lib/db/notebook-data.repository.ts: a SQL cell rests on the tables behind
 * each notebook view it names, a view cell on the rows its view is pinned to.
 * A source listed here and changed later makes the cell stale.
 */

const VIEW_SOURCES: Record<string, readonly string[]> = {
  corpora: ["corpora"],
  patients: ["patients", "sessions", "recordings"],
  sessions: ["sessions", "recordings"],
  cohorts: ["cohorts"],
  cohort_members: ["cohorts", "patients"],
  recordings: ["recordings", "corpora", "patients", "sessions", "labels", "analyses"],
  labels: ["labels"],
  label_history: ["labels"],
  annotations: ["annotations"],
  analyses: ["analyses"],
  projections: ["projections"],
  projection_points: ["projections"],
};

/** Sources whose rows carry model identities: a cell reading them records the models in its provenance. */
export const MODEL_SOURCES: ReadonlySet<string> = new Set(["analyses", "projections"]);

/** Notebook views a SQL text names, in first-mention order ("notebook.labels" and "labels" alike). */
export function referencedNotebookViews(sql: string): string[] {
  const found: string[] = [];
  let tokens;
  try {
    tokens = tokenizeSql(sql);
  } catch {
    return found;
  }
  for (const token of tokens) {
    if ((token.kind === "word" || token.kind === "quoted") && token.value in VIEW_SOURCES && !found.includes(token.value)) found.push(token.value);
  }
  return found;
}

export function sqlCellSources(sql: string): string[] {
  return [...new Set(referencedNotebookViews(sql).flatMap((view) => VIEW_SOURCES[view] ?? []))];
}

export function viewCellSources(view: NotebookViewSpec): string[] {
  switch (view.kind) {
    case "recording":
      return [`recording:${view.recordingId}`];
    case "projection":
      return [`projection:${view.projectionId}`];
    case "comparison":
      return [...view.cohortIds.map((id) => `cohort:${id}`), "labels", "analyses"];
    case "trajectory":
      return [`patient:${view.patientId}`];
  }
}
