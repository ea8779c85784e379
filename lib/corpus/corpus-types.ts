import type { JsonValue } from "../jobs/job-types";

/**
 * The corpus vocabulary shared by the import pipeline, the repository and the
 * routes. Plain data: Prisma types stay in lib/db.
 */

/** Who and when a recording is about; from a manifest row or a WebUI folder. */
export interface RecordingSubject {
  patientCode?: string;
  cohorts: readonly string[];
  sessionCode?: string;
  /** YYYY-MM-DD */
  sessionDate?: string;
}

export interface NewRecordingTrack {
  /** -1: all channels mixed to mono; n ≥ 0: channel n kept as its own track. */
  trackIndex: number;
  analysisHash: string;
  durationSeconds: number;
  quality: { [key: string]: number };
  qualityFlags: readonly string[];
  /** e.g. "therapist" or "patient" for a split two-channel session. */
  role?: string;
}

export interface NewRecording {
  corpusId: string;
  contentHash: string;
  originalName: string;
  format: string;
  sampleRate: number;
  channels: number;
  sizeBytes: number;
  tracks: readonly NewRecordingTrack[];
  metadata: { [key: string]: JsonValue };
  subject?: RecordingSubject;
}

export interface NewImportedAnalysis {
  modelId: string;
  labelNames: readonly string[];
  utteranceScores: readonly number[];
  topLabel: string;
  confidence: number;
  embedding?: { dim: number; utterance: Float32Array; frames?: Float32Array };
  details: { [key: string]: JsonValue };
}

export interface RecordingSummary {
  id: string;
  corpusId: string;
  corpusName: string;
  originalName: string;
  format: string;
  durationSeconds: number;
  sampleRate: number;
  channels: number;
  trackIndex: number;
  contentHash: string;
  analysisHash: string | null;
  qualityFlags: string[];
  patientCode: string | null;
  sessionCode: string | null;
  sessionDate: string | null;
  cohorts: string[];
  metadata: { [key: string]: JsonValue };
  createdAt: string;
}

export interface CorpusSummary {
  id: string;
  name: string;
  recordingCount: number;
}

/** Everything the audio and peaks routes need to find a recording's files. */
export interface RecordingMedia {
  id: string;
  contentHash: string;
  analysisHash: string | null;
  format: string;
  originalName: string;
  durationSeconds: number;
}
