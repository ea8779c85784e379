import { describe, expect, it } from "vitest";
import { compareCohorts } from "@/lib/domain/cohort-comparison/compare-cohorts";
import { assembleTrajectory } from "@/lib/domain/cohort-comparison/trajectory-sessions";
import { CANONICAL_LABELS } from "@/lib/domain/emotion-labels";
import { formatP, levelStatement, significanceMarker, trajectoryStatement } from "./comparison-text";

const oneHot = (index: number) => CANONICAL_LABELS.map((_, k) => (k === index ? 1 : 0));
const model = { id: "m", modelKey: "e2v", version: "1.0", name: "emotion2vec+ base", recordings: 3 };
const cohorts = [
  { id: "a", name: "Depressed" },
  { id: "b", name: "Controls" },
];
const recordings = [
  { recordingId: "1", cohortId: "a", patientId: "p1", measure: { proportions: oneHot(6), source: "human" as const, basis: "recording-label" as const }, embedding: null },
  { recordingId: "2", cohortId: "a", patientId: "p1", measure: { proportions: oneHot(3), source: "model" as const, basis: "frames" as const }, embedding: null },
  { recordingId: "3", cohortId: "b", patientId: "p2", measure: { proportions: oneHot(3), source: "model" as const, basis: "utterance" as const }, embedding: null },
  { recordingId: "4", cohortId: "b", patientId: "p3", measure: null, embedding: null },
];

describe("levelStatement", () => {
  it("states the per-patient aggregation, the counts and the label sources", () => {
    const comparison = compareCohorts({ cohorts, recordings, permutations: 1 });
    expect(levelStatement({ comparison, model })).toBe(
      "Aggregated per patient first: 2 patients (1 Depressed, 1 Controls) from 3 recordings. Human labels for 1 recording, model predictions (emotion2vec+ base 1.0) for 2. 1 recording without labels or analysis left out.",
    );
  });

  it("says that recordings are not independent at recording level", () => {
    const comparison = compareCohorts({ cohorts, recordings: recordings.slice(0, 3), level: "recording", permutations: 1 });
    expect(levelStatement({ comparison, model: null })).toBe(
      "Per recording: 3 recordings (2 Depressed, 1 Controls) counted as independent units, although recordings of one patient are not. Human labels for 1 recording, model predictions (no model) for 2.",
    );
  });
});

describe("p-values", () => {
  it("formats small p and marks significance by the corrected p", () => {
    expect(formatP(0.0004)).toBe("< 0.001");
    expect(formatP(0.04234)).toBe("0.042");
    expect([0.0009, 0.009, 0.049, 0.05].map(significanceMarker)).toEqual(["***", "**", "*", ""]);
  });
});

describe("trajectoryStatement", () => {
  it("says how sessions are ordered and what is off the path", () => {
    const trajectory = assembleTrajectory(
      [
        { sessionId: "s1", code: "v1", date: "2024-01-01", ordinal: null },
        { sessionId: "s2", code: "v2", date: null, ordinal: 2 },
      ],
      [
        { recordingId: "1", sessionId: "s1", measure: recordings[0]!.measure, embedding: null },
        { recordingId: "2", sessionId: "s2", measure: recordings[1]!.measure, embedding: null },
        { recordingId: "3", sessionId: null, measure: null, embedding: null },
      ],
    );
    expect(trajectoryStatement({ trajectory, model })).toBe(
      "2 sessions in date order (1 without a date, placed last by ordinal, then code). 1 recording belongs to no session and is not on the path. Emotion mix from human labels for 1 recording, model predictions (emotion2vec+ base 1.0) for 1.",
    );
  });
});
