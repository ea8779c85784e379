import type { ProjectionPointRow } from "../db/projection.repository";
import type { JsonValue } from "../jobs/job-types";

/**
 * A projection's points as columns (one array per field) rather than one
 * object per point: at 100,000 points this halves the JSON and lets the
 * browser hand the coordinates to WebGL without a pass over objects.
 * Metadata columns are the scalar values of the recordings' metadata, at
 * most MAX_METADATA_COLUMNS of them, most often present first.
 */

export const MAX_METADATA_COLUMNS = 40;

export interface ProjectionPointsPayload {
  count: number;
  x: number[];
  y: number[];
  placed: boolean[];
  recordingIds: string[];
  regionIds: (string | null)[];
  startSeconds: (number | null)[];
  endSeconds: (number | null)[];
  names: string[];
  corpusIds: string[];
  patients: (string | null)[];
  patientIds: (string | null)[];
  sessions: (string | null)[];
  sessionDates: (string | null)[];
  cohorts: (string | null)[];
  humanEmotion: (string | null)[];
  modelEmotion: (string | null)[];
  modelConfidence: (number | null)[];
  metadata: Record<string, (string | number | boolean | null)[]>;
}

export function projectionPointsPayload(rows: readonly ProjectionPointRow[]): ProjectionPointsPayload {
  const keyCounts = new Map<string, number>();
  for (const row of rows) {
    if (!isObject(row.metadata)) continue;
    for (const [key, value] of Object.entries(row.metadata)) {
      if (isScalar(value)) keyCounts.set(key, (keyCounts.get(key) ?? 0) + 1);
    }
  }
  const keys = [...keyCounts.entries()]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, MAX_METADATA_COLUMNS)
    .map(([key]) => key);
  const metadata: Record<string, (string | number | boolean | null)[]> = {};
  for (const key of keys) {
    metadata[key] = rows.map((row) => {
      const value = isObject(row.metadata) ? row.metadata[key] : undefined;
      return value !== undefined && isScalar(value) ? value : null;
    });
  }
  return {
    count: rows.length,
    x: rows.map((row) => row.x),
    y: rows.map((row) => row.y),
    placed: rows.map((row) => row.placed),
    recordingIds: rows.map((row) => row.recordingId),
    regionIds: rows.map((row) => row.regionId),
    startSeconds: rows.map((row) => row.startSeconds),
    endSeconds: rows.map((row) => row.endSeconds),
    names: rows.map((row) => row.name),
    corpusIds: rows.map((row) => row.corpusId),
    patients: rows.map((row) => row.patient),
    patientIds: rows.map((row) => row.patientId),
    sessions: rows.map((row) => row.session),
    sessionDates: rows.map((row) => (row.sessionDate ? row.sessionDate.toISOString().slice(0, 10) : null)),
    cohorts: rows.map((row) => row.cohorts),
    humanEmotion: rows.map((row) => row.humanEmotion),
    modelEmotion: rows.map((row) => row.modelEmotion),
    modelConfidence: rows.map((row) => row.modelConfidence),
    metadata,
  };
}

function isObject(value: JsonValue): value is { [key: string]: JsonValue } {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function isScalar(value: JsonValue): value is string | number | boolean | null {
  return value === null || typeof value !== "object";
}
