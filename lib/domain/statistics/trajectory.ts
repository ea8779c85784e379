import { ArrayShapeError } from "../array-shape-error";
import { CANONICAL_LABELS, type CanonicalLabel } from "../emotion-labels";
import { StatisticsInputError } from "./statistics-input-error";
import { cosineDistance, euclideanDistance } from "./vector-distance";

export interface TrajectorySession {
  sessionId: string;
  /** When the session took place (ms since the epoch); orders the path. */
  time: number;
  /** Mean embedding of the session's recordings for the chosen model; null where none is analysed yet. */
  embedding: ArrayLike<number> | null;
  /** Share of each of the nine emotions in the session, canonical order; null where none is known. */
  proportions: ArrayLike<number> | null;
}

export interface TrajectoryStep {
  fromSessionId: string;
  toSessionId: string;
  euclidean: number;
  cosine: number;
}

export interface EmotionSeries {
  label: CanonicalLabel;
  /** One value per session in `sessionIds` order; null where the session has no proportions. */
  values: (number | null)[];
}

export interface PatientTrajectory {
  /** Session ids in time order (sessions with equal times keep their input order). */
  sessionIds: string[];
  /**
   * Distances between consecutive sessions that have embeddings: a session
   * without one is stepped over (A → C) and listed in withoutEmbedding.
   */
  steps: TrajectoryStep[];
  withoutEmbedding: string[];
  /** Each emotion's proportion per session, canonical label order. */
  emotions: EmotionSeries[];
}

/** One patient's sessions → the path's step distances and the per-session emotion mix. */
export function patientTrajectory(sessions: readonly TrajectorySession[]): PatientTrajectory {
  const ordered = checkSessions(sessions);
  const steps: TrajectoryStep[] = [];
  const withoutEmbedding: string[] = [];
  let previous: TrajectorySession | null = null;
  for (const session of ordered) {
    const { embedding } = session;
    if (embedding === null) {
      withoutEmbedding.push(session.sessionId);
      continue;
    }
    if (previous?.embedding) {
      steps.push({
        fromSessionId: previous.sessionId,
        toSessionId: session.sessionId,
        euclidean: euclideanDistance(previous.embedding, embedding),
        cosine: cosineDistance(previous.embedding, embedding),
      });
    }
    previous = session;
  }
  const emotions = CANONICAL_LABELS.map((label, k) => ({
    label,
    values: ordered.map((session) => (session.proportions === null ? null : session.proportions[k]!)),
  }));
  return { sessionIds: ordered.map((session) => session.sessionId), steps, withoutEmbedding, emotions };
}

function checkSessions(sessions: readonly TrajectorySession[]): TrajectorySession[] {
  let dims: number | null = null;
  for (const session of sessions) {
    if (!Number.isFinite(session.time)) {
      throw new StatisticsInputError("STATISTICS_INVALID_ARGUMENT", `session ${session.sessionId} has no valid date (${session.time}); a trajectory orders sessions by date`);
    }
    if (session.embedding !== null) {
      dims ??= session.embedding.length;
      if (session.embedding.length !== dims) {
        throw new ArrayShapeError(`session ${session.sessionId}: embedding has ${session.embedding.length} values, earlier sessions have ${dims}; were they analysed with different models?`);
      }
    }
    if (session.proportions !== null && session.proportions.length !== CANONICAL_LABELS.length) {
      throw new ArrayShapeError(`session ${session.sessionId}: ${session.proportions.length} emotion proportions, expected ${CANONICAL_LABELS.length}`);
    }
  }
  // Array.prototype.sort is stable, so sessions on the same date keep the caller's order.
  return [...sessions].sort((a, b) => a.time - b.time);
}
