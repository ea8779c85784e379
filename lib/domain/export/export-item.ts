import type { CanonicalLabel } from "../emotion-labels";

/**
 * What an export is made of, as plain data shared by the split assignment,
 * the format writers and the export job. Everything a writer puts in a file
 * comes from these values, so the same inputs give the same bytes.
 */

export const EXPORT_SPLITS = ["train", "validation", "test"] as const;
export type ExportSplit = (typeof EXPORT_SPLITS)[number];

export type LabelSource = "human" | "model";

/** One exported example: a whole recording or a labelled region of it, as a 16 kHz mono clip. */
export interface ExportItem {
  /** Stable and file-name safe: derived from the recording and region ids, never from row order. */
  readonly id: string;
  readonly recordingId: string;
  readonly regionId: string | null;
  /** The recording's original file name (for people reading the manifest). */
  readonly recordingName: string;
  /** The clip's path inside the export, relative, with forward slashes, e.g. "audio/train/<id>.wav". */
  readonly audioPath: string;
  /** Where the clip starts in the recording, seconds. */
  readonly offsetSeconds: number;
  readonly durationSeconds: number;
  /** Samples in the clip at 16 kHz (fairseq manifests list them). */
  readonly sampleCount: number;
  /** The label after the export's mapping (e.g. "negative" under a valence mapping). */
  readonly label: string;
  /** The canonical label before mapping. */
  readonly originalLabel: CanonicalLabel;
  readonly labelSource: LabelSource;
  /** The model's score for the original label when the label came from the model; null for human labels without a model result. */
  readonly confidence: number | null;
  readonly split: ExportSplit;
  /** Pseudonymous patient code; null when the recording has none. */
  readonly patient: string | null;
  /** Cohort names of the patient, joined with " + " in name order; null when none. */
  readonly cohort: string | null;
  readonly sessionCode: string | null;
  /** The model's nine utterance scores, canonical order, when the definition asks for them and a result exists. */
  readonly modelScores: readonly number[] | null;
}

/** A time span with a label, seconds from the start of the recording. */
export interface LabelledInterval {
  readonly start: number;
  readonly end: number;
  readonly label: string;
}

/** One recording's labels as annotation tools show them (Praat, ELAN, RTTM, Audacity, Label Studio). */
export interface RecordingAnnotations {
  readonly recordingId: string;
  /** The original file name; annotation files name the audio they belong to. */
  readonly recordingName: string;
  readonly durationSeconds: number;
  /** Human labels: labelled regions, or the whole recording when only it is labelled. Sorted by start; may overlap. */
  readonly human: readonly LabelledInterval[];
  /** The model's top label over time: runs of equal top frame label, merged, sorted, not overlapping. Empty without a model result. */
  readonly model: readonly LabelledInterval[];
  /** The model's name and version, for tier names and provenance; null without a model result. */
  readonly modelName: string | null;
}
