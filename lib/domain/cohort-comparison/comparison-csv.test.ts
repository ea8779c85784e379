import { describe, expect, it } from "vitest";
import { CANONICAL_LABELS } from "../emotion-labels";
import { compareCohorts } from "./compare-cohorts";
import { comparisonToCsv } from "./comparison-csv";
import type { ComparisonRecording } from "./comparison-types";

const oneHot = (index: number) => CANONICAL_LABELS.map((_, k) => (k === index ? 1 : 0));
const rec = (recordingId: string, cohortId: string, patientId: string, index: number, embedding: number[]): ComparisonRecording => ({
  recordingId,
  cohortId,
  patientId,
  measure: { proportions: oneHot(index), source: "human", basis: "recording-label" },
  embedding,
});

const result = compareCohorts({
  cohorts: [
    { id: "a", name: "=Cohort, \"one\"" },
    { id: "b", name: "Controls" },
  ],
  recordings: [rec("1", "a", "p1", 6, [1, 0]), rec("2", "a", "p2", 6, [1, 1]), rec("3", "b", "p3", 3, [0, 1]), rec("4", "b", "p4", 4, [0, 2])],
  correction: "bh",
  permutations: 50,
  seed: 3,
});

const rows = (text: string) => text.trimEnd().split("\r\n");

describe("comparisonToCsv", () => {
  const files = comparisonToCsv(result);
  const file = (name: string) => files.find((entry) => entry.name === name)!.text;

  it("writes four named files", () => {
    expect(files.map((entry) => entry.name)).toEqual(["cohort-distributions.csv", "cohort-pairwise-tests.csv", "cohort-centroid-tests.csv", "cohort-chi-square.csv"]);
  });

  it("writes one distribution row per cohort with the level, counts and nine means, names made formula-safe", () => {
    const lines = rows(file("cohort-distributions.csv"));
    expect(lines).toHaveLength(3);
    expect(lines[0]).toContain("mean_angry,mean_disgusted");
    expect(lines[1]!.startsWith(`"'=Cohort, ""one""",patient,2,2,2,2,0,0,2,0,0,`)).toBe(true);
    expect(lines[2]!.startsWith("Controls,patient,2,2,2,")).toBe(true);
  });

  it("writes nine test rows per pair with the correction named", () => {
    const lines = rows(file("cohort-pairwise-tests.csv"));
    expect(lines).toHaveLength(1 + 9);
    const sad = lines.find((line) => line.includes(",sad,"))!.split(",");
    // cohort_a is quoted and contains a comma, so count fields from the end.
    expect(sad.slice(-5)).toEqual(["benjamini-hochberg", "asymptotic", "1", "large", "0"]);
  });

  it("writes a centroid row per metric with the seed, and the chi-square table", () => {
    const centroid = rows(file("cohort-centroid-tests.csv"));
    expect(centroid).toHaveLength(3);
    expect(centroid[1]).toMatch(/,patient,euclidean,2,2,[\d.]+,[\d.]+,50,3$/);
    const chi = rows(file("cohort-chi-square.csv"));
    expect(chi).toHaveLength(3);
    expect(chi[2]!.startsWith("Controls,patient,0,0,0,1,1,0,0,0,0,")).toBe(true);
    expect(chi[2]!.endsWith("angry disgusted fearful other surprised unknown")).toBe(true);
  });
});
