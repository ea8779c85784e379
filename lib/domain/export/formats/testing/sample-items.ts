import type { ExportItem } from "../../export-item";

/** A whole recording labelled by a person: plain values, no scores. */
export const HUMAN_ITEM: ExportItem = Object.freeze({
  id: "rec01",
  recordingId: "rec01",
  regionId: null,
  recordingName: "interview-03.m4a",
  audioPath: "audio/train/rec01.wav",
  offsetSeconds: 0,
  durationSeconds: 12.5,
  sampleCount: 200_000,
  label: "happy",
  originalLabel: "happy",
  labelSource: "human",
  confidence: null,
  split: "train",
  patient: "P-007",
  cohort: "control",
  sessionCode: "S1",
  modelScores: null,
});

/** A region labelled by the model, with scores that need rounding and text a spreadsheet or TSV would mangle. */
export const MODEL_ITEM: ExportItem = Object.freeze({
  id: "rec02_reg7",
  recordingId: "rec02",
  regionId: "reg7",
  recordingName: 'Sitzung "2", Teil\t1\nneu.wav',
  audioPath: "audio/validation/rec02_reg7.wav",
  offsetSeconds: 61.0004,
  durationSeconds: 2.0000001,
  sampleCount: 32_000,
  label: "negative",
  originalLabel: "sad",
  labelSource: "model",
  confidence: 0.61234567,
  split: "validation",
  patient: "=HYPERLINK(\"x\")",
  cohort: "depression + anxiety",
  sessionCode: null,
  modelScores: Object.freeze([0.01, 0.02, 0.03, 0.1, 0.2, 0.01, 0.61234567, 0.0123456789, -1e-9]),
});

/** No patient, cohort or session; a test-split clip. */
export const ANONYMOUS_ITEM: ExportItem = Object.freeze({
  ...HUMAN_ITEM,
  id: "rec03",
  recordingId: "rec03",
  recordingName: "übung.wav",
  audioPath: "audio/test/rec03.wav",
  offsetSeconds: 3.25,
  durationSeconds: 1.0625,
  sampleCount: 17_000,
  label: "neutral",
  originalLabel: "neutral",
  split: "test",
  patient: null,
  cohort: null,
  sessionCode: null,
});

export const SAMPLE_ITEMS: readonly ExportItem[] = [HUMAN_ITEM, MODEL_ITEM, ANONYMOUS_ITEM];

/** The item with some fields replaced, for one-off cases. */
export function withFields(item: ExportItem, fields: Partial<ExportItem>): ExportItem {
  return { ...item, ...fields };
}
