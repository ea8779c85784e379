import type { RecordingAnnotations } from "../../export-item";

/**
 * Recordings for the annotation writers' tests. Names and labels carry the
 * characters each format must escape: quotes, "&", "<", a space in the file
 * name, non-ASCII text.
 */

/** One human label, a model result of two runs; 3 s. */
export const SMALL: RecordingAnnotations = {
  recordingId: "rec-small",
  recordingName: "interview 03.wav",
  durationSeconds: 3,
  human: [{ start: 0.5, end: 1.25, label: "angry" }],
  model: [
    { start: 0, end: 1.2, label: "neutral" },
    { start: 1.2, end: 3, label: "angry" },
  ],
  modelName: "emotion2vec_plus_base 1.0",
};

/** Overlapping human labels (two of them overlap the first), float-noisy times, a label past the end. */
export const OVERLAPPING: RecordingAnnotations = {
  recordingId: "rec-overlap",
  recordingName: "session-7.m4a",
  durationSeconds: 4.5,
  human: [
    { start: 0.1, end: 2.0000000001, label: "sad" },
    { start: 1, end: 1.5, label: "fearful" },
    { start: 1.5, end: 2.5, label: "neutral" },
    { start: 2, end: 3, label: "happy" },
    { start: 4, end: 9, label: "surprised" },
  ],
  model: [],
  modelName: null,
};

/** Labels that need escaping in every format. */
export const AWKWARD: RecordingAnnotations = {
  recordingId: "rec-awkward",
  recordingName: "Büro & \"Küche\" <2>.wav",
  durationSeconds: 2,
  human: [
    { start: 0, end: 1, label: 'say "hi" & <bye>' },
    { start: 1, end: 2, label: "生气/angry" },
  ],
  model: [{ start: 0, end: 2, label: "it's" }],
  modelName: 'model "x" & <y>',
};
