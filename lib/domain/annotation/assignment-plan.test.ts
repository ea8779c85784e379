import { describe, expect, it } from "vitest";
import { planAssignments } from "./assignment-plan";

const recordings = Array.from({ length: 100 }, (_, index) => `r${index}`);

function perRecording(plan: { recordingId: string; annotatorId: string }[]): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const entry of plan) map.set(entry.recordingId, [...(map.get(entry.recordingId) ?? []), entry.annotatorId]);
  return map;
}

describe("assignment plans", () => {
  it("gives every recording one annotator and the overlap share two distinct ones", () => {
    const plan = planAssignments({ recordingIds: recordings, annotatorIds: ["a", "b", "c"], overlapShare: 0.2, seed: 7 });
    const byRecording = perRecording(plan);
    expect(byRecording.size).toBe(100);
    const counts = [...byRecording.values()].map((annotators) => annotators.length);
    expect(counts.filter((count) => count === 2)).toHaveLength(20);
    expect(counts.filter((count) => count === 1)).toHaveLength(80);
    for (const annotators of byRecording.values()) expect(new Set(annotators).size).toBe(annotators.length);
    expect(plan).toHaveLength(120);
  });

  it("balances the work: annotators' counts differ by at most one", () => {
    const plan = planAssignments({ recordingIds: recordings, annotatorIds: ["a", "b", "c"], overlapShare: 0.2, seed: 7 });
    const load = ["a", "b", "c"].map((annotator) => plan.filter((entry) => entry.annotatorId === annotator).length);
    expect(Math.max(...load) - Math.min(...load)).toBeLessThanOrEqual(1);
    expect(load.reduce((sum, count) => sum + count, 0)).toBe(120);
  });

  it("is reproducible for a seed and differs for another", () => {
    const request = { recordingIds: recordings, annotatorIds: ["a", "b", "c", "d"], overlapShare: 0.3, overlapAnnotators: 3, seed: 11 };
    expect(planAssignments(request)).toEqual(planAssignments(request));
    expect(planAssignments({ ...request, seed: 12 })).not.toEqual(planAssignments(request));
    expect([...perRecording(planAssignments(request)).values()].filter((annotators) => annotators.length === 3)).toHaveLength(30);
  });

  it("names impossible requests", () => {
    expect(() => planAssignments({ recordingIds: recordings, annotatorIds: [], overlapShare: 0, seed: 1 })).toThrow("Choose at least one annotator.");
    expect(() => planAssignments({ recordingIds: recordings, annotatorIds: ["a"], overlapShare: 0.1, seed: 1 })).toThrow(/needs at least 2 annotators; 1 chosen/);
    expect(() => planAssignments({ recordingIds: recordings, annotatorIds: ["a", "b"], overlapShare: 1.5, seed: 1 })).toThrow(/between 0 and 1/);
    expect(planAssignments({ recordingIds: recordings, annotatorIds: ["a"], overlapShare: 0, seed: 1 })).toHaveLength(100);
  });
});
