import { describe, expect, it } from "vitest";
import { CANONICAL_INDEX, CANONICAL_LABELS, type CanonicalLabel } from "../emotion-labels";
import { cliffsDelta } from "../statistics/cliffs-delta";
import { mannWhitneyU } from "../statistics/mann-whitney";
import { benjaminiHochbergAdjust, holmAdjust } from "../statistics/multiple-comparisons";
import { StatisticsInputError } from "../statistics/statistics-input-error";
import { compareCohorts } from "./compare-cohorts";
import type { ComparisonRecording } from "./comparison-types";
import type { RecordingProportions } from "./recording-proportions";

const mix = (shares: Partial<Record<CanonicalLabel, number>>, source: "human" | "model" = "human"): RecordingProportions => ({
  proportions: CANONICAL_LABELS.map((label) => shares[label] ?? 0),
  source,
  basis: source === "human" ? "recording-label" : "frames",
});

let counter = 0;
const rec = (cohortId: string, patientId: string | null, measure: RecordingProportions | null, embedding: number[] | null = null): ComparisonRecording => ({
  recordingId: `r${++counter}`,
  cohortId,
  patientId,
  measure,
  embedding,
});

const cohorts = [
  { id: "A", name: "Depressed" },
  { id: "B", name: "Controls" },
];

/**
 * A: P1 (one sad and one happy recording: ½ sad, ½ happy), P2 (sad), P3 (¾ sad, ¼ happy, from the model).
 * B: P4 (happy), P5 (happy, neutral: ½ each), P6 (neutral), and one recording of P6 without data.
 */
function fixture(): ComparisonRecording[] {
  return [
    rec("A", "P1", mix({ sad: 1 }), [1, 0]),
    rec("A", "P1", mix({ happy: 1 }), [3, 0]),
    rec("A", "P2", mix({ sad: 1 }), [2, 2]),
    rec("A", "P3", mix({ sad: 0.75, happy: 0.25 }, "model"), [4, 0]),
    rec("B", "P4", mix({ happy: 1 }), [0, 1]),
    rec("B", "P5", mix({ happy: 1 }), [0, 3]),
    rec("B", "P5", mix({ neutral: 1 }, "model"), null),
    rec("B", "P6", mix({ neutral: 1 }), [0, 5]),
    rec("B", "P6", null),
  ];
}

const column = (values: number[]) => Float64Array.from(values);

describe("compareCohorts at patient level", () => {
  const result = compareCohorts({ cohorts, recordings: fixture(), permutations: 200, seed: 7 });
  const [a, b] = result.cohorts;
  const pair = result.pairs[0]!;
  const test = (label: CanonicalLabel) => pair.emotions.find((entry) => entry.label === label)!;

  it("averages each patient's recordings first and counts patients as units", () => {
    expect(result.level).toBe("patient");
    expect([a!.units, a!.recordings, a!.patients]).toEqual([3, 4, 3]);
    expect([b!.units, b!.recordings, b!.patients, b!.withoutData]).toEqual([3, 4, 3, 1]);
    // Patient means of sad: P1 ½, P2 1, P3 ¾.
    expect(a!.meanProportions[CANONICAL_INDEX.sad]).toBeCloseTo((0.5 + 1 + 0.75) / 3, 12);
    expect(b!.meanProportions[CANONICAL_INDEX.happy]).toBeCloseTo((1 + 0.5 + 0) / 3, 12);
  });

  it("says how many units and recordings are human-labelled and how many come from the model", () => {
    expect(a!.unitSources).toEqual({ human: 2, model: 1, mixed: 0 });
    expect(a!.recordingSources).toEqual({ human: 3, model: 1 });
    expect(b!.unitSources).toEqual({ human: 2, model: 0, mixed: 1 });
  });

  it("tests each emotion on the per-patient shares (Mann–Whitney U, Cliff's delta)", () => {
    const sadA = column([0.5, 1, 0.75]);
    const sadB = column([0, 0, 0]);
    expect(test("sad").u).toBe(9);
    expect(test("sad").p).toBe(mannWhitneyU(sadA, sadB).p);
    expect(test("sad").delta).toBe(1);
    expect(test("sad").magnitude).toBe("large");
    const happyA = column([0.5, 0, 0.25]);
    const happyB = column([1, 0.5, 0]);
    expect(test("happy").delta).toBe(cliffsDelta(happyA, happyB).delta);
    expect(test("happy").meanA).toBeCloseTo(0.25, 12);
    expect(test("happy").meanB).toBeCloseTo(0.5, 12);
  });

  it("adjusts the nine p-values of a pair with Holm by default, Benjamini–Hochberg on request", () => {
    const raw = pair.emotions.map((entry) => entry.p);
    expect(pair.emotions.map((entry) => entry.pAdjusted)).toEqual(holmAdjust(raw));
    const bh = compareCohorts({ cohorts, recordings: fixture(), permutations: 10, correction: "bh" });
    expect(bh.pairs[0]!.emotions.map((entry) => entry.pAdjusted)).toEqual(benjaminiHochbergAdjust(raw));
  });

  it("counts units by dominant emotion for the chi-square table, ties going to the first label", () => {
    // A: P1 ties happy/sad → happy; P2, P3 sad. B: P4 happy, P5 ties happy/neutral → happy, P6 neutral.
    const chi = result.chiSquare!;
    expect(chi.table[0]![CANONICAL_INDEX.happy]).toBe(1);
    expect(chi.table[0]![CANONICAL_INDEX.sad]).toBe(2);
    expect(chi.table[1]![CANONICAL_INDEX.happy]).toBe(2);
    expect(chi.table[1]![CANONICAL_INDEX.neutral]).toBe(1);
    expect(chi.keptLabels).toEqual(["happy", "neutral", "sad"]);
    expect(chi.droppedLabels).toEqual(["angry", "disgusted", "fearful", "other", "surprised", "unknown"]);
    expect(chi.dof).toBe(2);
    // By hand: expected A = B = [1.5, 0.5, 1] → X² = (0.25/1.5)·2 + (0.25/0.5)·2 + 1·2 = 3.333…
    expect(chi.statistic).toBeCloseTo(1 / 3 + 1 + 2, 10);
    expect(result.warnings.map((warning) => warning.code)).toContain("SMALL_EXPECTED_COUNTS");
  });

  it("tests the distance between the patients' mean embeddings, reproducibly for a seed", () => {
    // Patient means: A P1 (2,0), P2 (2,2), P3 (4,0) → centroid (8/3, 2/3); B P4 (0,1), P5 (0,3), P6 (0,5) → (0,3).
    const euclidean = pair.centroid.find((entry) => entry.metric === "euclidean")!;
    expect(euclidean.observed).toBeCloseTo(Math.hypot(8 / 3, 2 / 3 - 3), 12);
    expect(euclidean.sizes).toEqual([3, 3]);
    expect(euclidean.permutations).toBe(200);
    expect(pair.centroid.map((entry) => entry.metric)).toEqual(["euclidean", "cosine"]);
    const again = compareCohorts({ cohorts, recordings: fixture(), permutations: 200, seed: 7 });
    expect(again.pairs[0]!.centroid).toEqual(pair.centroid);
  });

  it("warns about small cohorts and recordings left out", () => {
    const codes = result.warnings.map((warning) => warning.code);
    expect(codes).toContain("SMALL_SAMPLE");
    expect(codes).toContain("WITHOUT_DATA");
    expect(codes).not.toContain("RECORDINGS_NOT_INDEPENDENT");
    expect(result.warnings.find((warning) => warning.code === "WITHOUT_DATA")!.message).toContain("1 recording in Controls has neither");
  });
});

describe("compareCohorts at recording level", () => {
  it("counts every recording as a unit and warns that they are not independent", () => {
    const result = compareCohorts({ cohorts, recordings: fixture(), level: "recording", permutations: 10 });
    expect(result.cohorts.map((cohort) => cohort.units)).toEqual([4, 4]);
    expect(result.cohorts.map((cohort) => cohort.patients)).toEqual([3, 3]);
    const sad = result.pairs[0]!.emotions.find((entry) => entry.label === "sad")!;
    expect(sad.p).toBe(mannWhitneyU(column([1, 0, 1, 0.75]), column([0, 0, 0, 0])).p);
    expect(result.warnings.map((warning) => warning.code)).toContain("RECORDINGS_NOT_INDEPENDENT");
    // P5's neutral recording has no embedding.
    expect(result.cohorts[1]!.unitsWithEmbedding).toBe(3);
    expect(result.warnings.map((warning) => warning.code)).toContain("MISSING_EMBEDDINGS");
  });
});

describe("compareCohorts edge cases", () => {
  it("counts a patient in two cohorts in both and flags it", () => {
    const recordings = [...fixture(), rec("B", "P2", mix({ sad: 1 }), [2, 2])];
    const result = compareCohorts({ cohorts, recordings, permutations: 10 });
    expect(result.sharedPatientIds).toEqual(["P2"]);
    expect(result.pairs[0]!.sharedPatients).toBe(1);
    expect(result.cohorts[1]!.units).toBe(4);
    expect(result.warnings.find((warning) => warning.code === "SHARED_PATIENTS")!.message).toContain("Depressed and Controls: 1");
  });

  it("makes a recording without a patient a unit of its own at patient level", () => {
    const recordings = [...fixture(), rec("A", null, mix({ angry: 1 }))];
    const result = compareCohorts({ cohorts, recordings, permutations: 10 });
    expect(result.cohorts[0]!.units).toBe(4);
    expect(result.cohorts[0]!.withoutPatient).toBe(1);
    expect(result.cohorts[0]!.meanProportions[CANONICAL_INDEX.angry]).toBeCloseTo(0.25, 12);
    expect(result.warnings.map((warning) => warning.code)).toContain("WITHOUT_PATIENT");
  });

  it("leaves a cohort without data out of the tests and says so", () => {
    const third = { id: "C", name: "Empty" };
    const result = compareCohorts({ cohorts: [...cohorts, third], recordings: [...fixture(), rec("C", "P9", null)], permutations: 10 });
    expect(result.pairs.map((pair) => [pair.cohortA, pair.cohortB])).toEqual([
      ["A", "B"],
      ["A", "C"],
      ["B", "C"],
    ]);
    expect(result.pairs[1]!.emotions).toEqual([]);
    expect(result.pairs[1]!.centroid).toEqual([]);
    expect(result.chiSquare!.cohortIds).toEqual(["A", "B"]);
    expect(result.warnings.find((warning) => warning.code === "EMPTY_COHORT")!.message).toContain("Empty has no recording");
  });

  it("has no chi-square when fewer than two cohorts have units", () => {
    const result = compareCohorts({ cohorts, recordings: fixture().filter((recording) => recording.cohortId === "A"), permutations: 10 });
    expect(result.chiSquare).toBeNull();
    expect(result.pairs[0]!.emotions).toEqual([]);
  });

  it("leaves out embeddings of another length and says so", () => {
    const recordings = [...fixture(), rec("A", "P7", mix({ sad: 1 }), [1, 2, 3])];
    const result = compareCohorts({ cohorts, recordings, permutations: 10, metrics: ["euclidean"] });
    expect(result.pairs[0]!.centroid[0]!.sizes).toEqual([3, 3]);
    expect(result.warnings.find((warning) => warning.code === "EMBEDDING_DIMENSIONS")!.message).toContain("1 embedding had another length");
  });

  it("refuses fewer than two cohorts, a cohort listed twice and a recording of another cohort", () => {
    expect(() => compareCohorts({ cohorts: [cohorts[0]!], recordings: [] })).toThrow(StatisticsInputError);
    expect(() => compareCohorts({ cohorts: [cohorts[0]!, cohorts[0]!], recordings: [] })).toThrow(/listed twice/);
    expect(() => compareCohorts({ cohorts, recordings: [rec("Z", "P1", mix({ sad: 1 }))] })).toThrow(/not among the compared cohorts/);
  });
});
