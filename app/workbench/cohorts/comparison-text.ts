import type { AnalysedModel, CohortComparisonJson, PatientTrajectoryJson } from "./cohort-types";

/**
 * The sentences the cohort views show, kept out of the components so they
 * can be checked: what was counted (patients or recordings), where the
 * emotion mix came from (human labels or which model), and how p-values read.
 */

const plural = (count: number, noun: string) => `${count} ${noun}${count === 1 ? "" : "s"}`;

export function modelName(model: Pick<AnalysedModel, "name" | "version"> | null): string {
  return model ? `${model.name} ${model.version}` : "no model";
}

/**
 * "Aggregated per patient first: 6 patients (3 Depressed, 3 Controls) from 9
 * recordings. Human labels for 6 recordings, model predictions (M1 1) for 3."
 */
export function levelStatement(result: Pick<CohortComparisonJson, "comparison" | "model">): string {
  const { cohorts, level } = result.comparison;
  const units = cohorts.reduce((sum, cohort) => sum + cohort.units, 0);
  const recordings = cohorts.reduce((sum, cohort) => sum + cohort.recordings, 0);
  const perCohort = cohorts.map((cohort) => `${cohort.units} ${cohort.name}`).join(", ");
  const human = cohorts.reduce((sum, cohort) => sum + cohort.recordingSources.human, 0);
  const model = cohorts.reduce((sum, cohort) => sum + cohort.recordingSources.model, 0);
  const left = cohorts.reduce((sum, cohort) => sum + cohort.withoutData, 0);
  const first =
    level === "patient"
      ? `Aggregated per patient first: ${plural(units, "patient")} (${perCohort}) from ${plural(recordings, "recording")}.`
      : `Per recording: ${plural(units, "recording")} (${perCohort}) counted as independent units, although recordings of one patient are not.`;
  const sources = `Human labels for ${plural(human, "recording")}, model predictions (${modelName(result.model)}) for ${model}.`;
  const excluded = left > 0 ? ` ${plural(left, "recording")} without labels or analysis left out.` : "";
  return `${first} ${sources}${excluded}`;
}

/** "< 0.001" below a thousandth, else three decimals. */
export function formatP(p: number): string {
  return p < 0.001 ? "< 0.001" : p.toFixed(3);
}

/** Stars by the corrected p: *** < 0.001, ** < 0.01, * < 0.05. */
export function significanceMarker(p: number): string {
  if (p < 0.001) return "***";
  if (p < 0.01) return "**";
  if (p < 0.05) return "*";
  return "";
}

export function formatShare(share: number): string {
  return `${(share * 100).toFixed(1)}%`;
}

/**
 * "4 sessions in date order (1 without a date, placed last by ordinal, then
 * code). 2 recordings belong to no session and are not on the path."
 */
export function trajectoryStatement(result: Pick<PatientTrajectoryJson, "trajectory" | "model">): string {
  const { sessions, undatedSessions, recordingsWithoutSession } = result.trajectory;
  const undated = undatedSessions > 0 ? ` (${undatedSessions} without a date, placed last by ordinal, then code)` : "";
  const outside = recordingsWithoutSession.length;
  const apart = outside > 0 ? ` ${plural(outside, "recording")} ${outside === 1 ? "belongs" : "belong"} to no session and ${outside === 1 ? "is" : "are"} not on the path.` : "";
  const human = sessions.reduce((sum, session) => sum + session.sources.human, 0);
  const model = sessions.reduce((sum, session) => sum + session.sources.model, 0);
  return `${plural(sessions.length, "session")} in date order${undated}.${apart} Emotion mix from human labels for ${plural(human, "recording")}, model predictions (${modelName(result.model)}) for ${model}.`;
}
