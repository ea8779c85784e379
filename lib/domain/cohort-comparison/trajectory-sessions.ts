import { CANONICAL_LABELS } from "../emotion-labels";
import { type EmotionSeries, patientTrajectory, type TrajectoryStep } from "../statistics/trajectory";
import type { SourceCounts } from "./comparison-types";
import type { ProportionSource, RecordingProportions } from "./recording-proportions";

/** One patient's sessions as a path: their order, each session's emotion mix and mean embedding, and the steps between them. */

export interface TrajectorySessionInput {
  sessionId: string;
  code: string;
  /** YYYY-MM-DD, or null when the session has no date. */
  date: string | null;
  ordinal: number | null;
}

export interface TrajectoryRecordingInput {
  recordingId: string;
  /** Null: the recording belongs to the patient but to no session. */
  sessionId: string | null;
  measure: RecordingProportions | null;
  embedding: ArrayLike<number> | null;
}

export interface TrajectorySessionView extends TrajectorySessionInput {
  /** All the session's recordings, for drawing the path through a projection. */
  recordingIds: string[];
  /** Mean of the recordings' proportions (each recording weighs the same); null when none has labels or an analysis. */
  proportions: number[] | null;
  /** "mixed" when some recordings are human-labelled and others model-only. */
  source: ProportionSource | "mixed" | null;
  sources: SourceCounts;
  /** Recordings with neither labels nor an analysis by the chosen model. */
  withoutData: number;
  /** Recordings whose embedding went into the session's mean embedding. */
  embeddedRecordings: number;
}

export interface TrajectoryView {
  /** In path order: by date, then ordinal, then code; sessions without a date come last (by ordinal, then code). */
  sessions: TrajectorySessionView[];
  /** Distances between consecutive sessions' mean embeddings; a session without one is stepped over. */
  steps: TrajectoryStep[];
  withoutEmbedding: string[];
  /** Each emotion's share per session, in session order. */
  emotions: EmotionSeries[];
  /** The patient's recordings that belong to no session: not on the path. */
  recordingsWithoutSession: string[];
  undatedSessions: number;
}

/** Date, then ordinal (missing last), then code in code-unit order; sessions without a date after all dated ones. */
export function compareSessions(a: TrajectorySessionInput, b: TrajectorySessionInput): number {
  if (a.date !== b.date) {
    if (a.date === null) return 1;
    if (b.date === null) return -1;
    return a.date < b.date ? -1 : 1;
  }
  if (a.ordinal !== b.ordinal) {
    if (a.ordinal === null) return 1;
    if (b.ordinal === null) return -1;
    return a.ordinal - b.ordinal;
  }
  return a.code < b.code ? -1 : a.code > b.code ? 1 : 0;
}

export function assembleTrajectory(sessions: readonly TrajectorySessionInput[], recordings: readonly TrajectoryRecordingInput[]): TrajectoryView {
  const ordered = [...sessions].sort(compareSessions);
  const known = new Set(ordered.map((session) => session.sessionId));
  const dims = recordings.find((recording) => recording.embedding !== null)?.embedding?.length ?? 0;
  const views = ordered.map((session) => sessionView(session, recordings.filter((recording) => recording.sessionId === session.sessionId), dims));
  // The order is settled above (patientTrajectory sorts by time and keeps ties in order): the position stands in for the time.
  const path = patientTrajectory(views.map((view, index) => ({ sessionId: view.session.sessionId, time: index, embedding: view.embedding, proportions: view.session.proportions })));
  return {
    sessions: views.map((view) => view.session),
    steps: path.steps,
    withoutEmbedding: path.withoutEmbedding,
    emotions: path.emotions,
    recordingsWithoutSession: recordings.filter((recording) => recording.sessionId === null || !known.has(recording.sessionId)).map((recording) => recording.recordingId),
    undatedSessions: ordered.filter((session) => session.date === null).length,
  };
}

function sessionView(session: TrajectorySessionInput, recordings: readonly TrajectoryRecordingInput[], dims: number): { session: TrajectorySessionView; embedding: Float64Array | null } {
  const measured = recordings.flatMap((recording) => (recording.measure ? [recording.measure] : []));
  const embeddings = recordings.flatMap((recording) => (recording.embedding && recording.embedding.length === dims ? [recording.embedding] : []));
  const sources = { human: measured.filter((measure) => measure.source === "human").length, model: measured.filter((measure) => measure.source === "model").length };
  const proportions = measured.length === 0 ? null : CANONICAL_LABELS.map((_, k) => measured.reduce((sum, measure) => sum + measure.proportions[k]!, 0) / measured.length);
  let embedding: Float64Array | null = null;
  if (embeddings.length > 0) {
    embedding = new Float64Array(dims);
    for (const vector of embeddings) for (let d = 0; d < dims; d++) embedding[d]! += vector[d]! / embeddings.length;
  }
  return {
    session: {
      sessionId: session.sessionId,
      code: session.code,
      date: session.date,
      ordinal: session.ordinal,
      recordingIds: recordings.map((recording) => recording.recordingId),
      proportions,
      source: measured.length === 0 ? null : sources.human === 0 ? "model" : sources.model === 0 ? "human" : "mixed",
      sources,
      withoutData: recordings.length - measured.length,
      embeddedRecordings: embeddings.length,
    },
    embedding,
  };
}
