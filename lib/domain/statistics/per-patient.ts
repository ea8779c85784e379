import { ArrayShapeError } from "../array-shape-error";
import { CANONICAL_INDEX, CANONICAL_LABELS, type CanonicalLabel } from "../emotion-labels";
import { StatisticsInputError } from "./statistics-input-error";

/**
 * The unit each cohort test counts. "patient" (the default) averages a
 * patient's recordings first, so a patient with forty recordings weighs as
 * much as one with four and speaker identity cannot pass for a cohort
 * effect; "recording" treats every recording as independent, which it is not.
 */
export type AnalysisUnit = "patient" | "recording";

export interface RecordingEmotionProportions {
  recordingId: string;
  /** null for a recording not (yet) assigned to a patient. */
  patientId: string | null;
  /** Share of each of the nine emotions in this recording, canonical order. */
  proportions: ArrayLike<number>;
}

export interface UnitEmotionProportions {
  /** The patient id ("patient" unit) or the recording id ("recording" unit). */
  unitId: string;
  patientId: string | null;
  /** Recordings averaged into this unit (1 for the "recording" unit). */
  recordingCount: number;
  /** Mean share of each emotion over the unit's recordings, canonical order. */
  proportions: number[];
}

export interface EmotionProportionsByUnit {
  unit: AnalysisUnit;
  /** In order of first appearance in the input. */
  units: UnitEmotionProportions[];
  /**
   * Recordings left out because they belong to no patient; only the "patient"
   * unit leaves any out. The view reports them rather than dropping them silently.
   */
  withoutPatient: string[];
}

/** Per-recording emotion proportions → the units the cohort tests compare. */
export function proportionsByUnit(recordings: readonly RecordingEmotionProportions[], unit: AnalysisUnit = "patient"): EmotionProportionsByUnit {
  const classes = CANONICAL_LABELS.length;
  recordings.forEach(checkRecording);
  if (unit === "recording") {
    const units = recordings.map((recording) => ({
      unitId: recording.recordingId,
      patientId: recording.patientId,
      recordingCount: 1,
      proportions: Array.from(recording.proportions),
    }));
    return { unit, units, withoutPatient: [] };
  }
  const sums = new Map<string, { sum: number[]; count: number }>();
  const withoutPatient: string[] = [];
  for (const recording of recordings) {
    if (recording.patientId === null) {
      withoutPatient.push(recording.recordingId);
      continue;
    }
    let entry = sums.get(recording.patientId);
    if (!entry) {
      entry = { sum: new Array<number>(classes).fill(0), count: 0 };
      sums.set(recording.patientId, entry);
    }
    for (let k = 0; k < classes; k++) entry.sum[k]! += recording.proportions[k]!;
    entry.count++;
  }
  const units = [...sums].map(([patientId, { sum, count }]) => ({
    unitId: patientId,
    patientId,
    recordingCount: count,
    proportions: sum.map((value) => value / count),
  }));
  return { unit, units, withoutPatient };
}

/** One emotion's proportion across units, ready for mannWhitneyU or cliffsDelta. */
export function emotionColumn(units: readonly UnitEmotionProportions[], label: CanonicalLabel): Float64Array {
  const index = CANONICAL_INDEX[label];
  return Float64Array.from(units, (unit) => unit.proportions[index]!);
}

function checkRecording(recording: RecordingEmotionProportions): void {
  const { proportions, recordingId } = recording;
  if (proportions.length !== CANONICAL_LABELS.length) {
    throw new ArrayShapeError(`recording ${recordingId}: ${proportions.length} emotion proportions, expected ${CANONICAL_LABELS.length} (${CANONICAL_LABELS.join(", ")})`);
  }
  for (let k = 0; k < proportions.length; k++) {
    const value = proportions[k]!;
    if (!(value >= 0 && value <= 1)) {
      throw new StatisticsInputError("STATISTICS_INVALID_PROBABILITY", `recording ${recordingId}: proportion of ${CANONICAL_LABELS[k]} is ${value}; proportions must lie in [0, 1]`);
    }
  }
}
