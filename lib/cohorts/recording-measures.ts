import type { AudioStore } from "../corpus/audio-store";
import type { RecordingEvidenceRow } from "../db/cohort.repository";
import { type ProportionBasis, recordingProportions, type RecordingProportions } from "../domain/cohort-comparison/recording-proportions";
import { CANONICAL_LABELS } from "../domain/emotion-labels";
import { readFrameScores } from "../inference/frame-scores-file";
import { parseUtteranceScores } from "../inference/serve-analyses";
import { mapWithConcurrency } from "./map-with-concurrency";

/** Frame-score files read at once: enough to keep a disk busy, few enough that memory stays a few tens of MB. */
export const FRAME_FILE_CONCURRENCY = 8;

export interface RecordingMeasure {
  recordingId: string;
  measure: RecordingProportions | null;
  embedding: Float32Array | null;
}

export interface MeasuredRecordings {
  measures: Map<string, RecordingMeasure>;
  /** How many recordings each rule gave their proportions. */
  bases: Record<ProportionBasis, number>;
  /** Analyses whose frame-score file is missing from the store (or cut short); their utterance scores stood in. */
  missingFrameFiles: number;
}

/**
 * Each recording's emotion mix by the human-over-model rule, reading frame
 * scores only for recordings without human labels (a labelled recording
 * never needs them) and at most FRAME_FILE_CONCURRENCY files at a time.
 */
export async function measureRecordings(store: AudioStore, rows: readonly RecordingEvidenceRow[]): Promise<MeasuredRecordings> {
  let missingFrameFiles = 0;
  const measured = await mapWithConcurrency(rows, FRAME_FILE_CONCURRENCY, async (row): Promise<RecordingMeasure> => {
    const human = recordingProportions({ regionLabels: row.regionLabels, recordingLabel: row.recordingLabel, model: null });
    const analysis = row.analysis;
    const embedding = analysis?.embedding ?? null;
    if (human || !analysis) return { recordingId: row.recordingId, measure: human, embedding };
    let frameScores: Float32Array | null = null;
    if (analysis.frameScoresHash) {
      frameScores = await readFrameScores(store, analysis.frameScoresHash).catch((error: unknown) => {
        if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
        missingFrameFiles++;
        return null;
      });
      // A truncated file (a crash while it was written elsewhere) is as good as missing.
      if (frameScores && frameScores.length % CANONICAL_LABELS.length !== 0) {
        missingFrameFiles++;
        frameScores = null;
      }
    }
    const utterance = parseUtteranceScores(analysis.utteranceScores);
    const measure = recordingProportions({ regionLabels: [], recordingLabel: null, model: { frameScores, utteranceScores: utterance?.scores ?? null } });
    return { recordingId: row.recordingId, measure, embedding };
  });
  const bases: Record<ProportionBasis, number> = { regions: 0, "recording-label": 0, frames: 0, utterance: 0 };
  for (const entry of measured) if (entry.measure) bases[entry.measure.basis]++;
  return { measures: new Map(measured.map((entry) => [entry.recordingId, entry])), bases, missingFrameFiles };
}
