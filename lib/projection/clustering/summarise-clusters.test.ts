import { describe, expect, it } from "vitest";
import { ProjectionInputError } from "../projection-input-error";
import { summariseClusters } from "./summarise-clusters";

describe("summariseClusters", () => {
  // Cluster 0: (0, 0), (2, 0), (1, 0.1): centroid (1, 0.0333), nearest (1, 0.1), then the
  // other two at equal distance in index order. Cluster 1: (10, 10), (12, 10), a tie. Point 5 is noise.
  const labels = Int32Array.from([0, 0, 0, 1, 1, -1]);
  const vectors = Float32Array.from([0, 0, 2, 0, 1, 0.1, 10, 10, 12, 10, 50, 50]);
  const pointCohorts = ["A", "A", null, "B", "A", null];
  const pointEmotions = ["happy", null, "sad", "sad", "sad", "happy"];

  it("counts cohorts and emotions and orders representatives by distance to the centroid", () => {
    const summaries = summariseClusters({ labels, vectors, dims: 2, metric: "euclidean", pointCohorts, pointEmotions });
    expect(summaries).toEqual([
      {
        id: 0,
        size: 3,
        cohortMix: [
          { label: "A", count: 2 },
          { label: "No cohort", count: 1 },
        ],
        emotionMix: [
          { label: "Unlabelled", count: 1 },
          { label: "happy", count: 1 },
          { label: "sad", count: 1 },
        ],
        representatives: [2, 0, 1],
      },
      {
        id: 1,
        size: 2,
        cohortMix: [
          { label: "A", count: 1 },
          { label: "B", count: 1 },
        ],
        emotionMix: [{ label: "sad", count: 2 }],
        representatives: [3, 4],
      },
      { id: -1, size: 1, cohortMix: [{ label: "No cohort", count: 1 }], emotionMix: [{ label: "happy", count: 1 }], representatives: [] },
    ]);
  });

  it("takes as many representatives as asked", () => {
    const summaries = summariseClusters({ labels, vectors, dims: 2, metric: "euclidean", pointCohorts, pointEmotions, representatives: 1 });
    expect(summaries.map((s) => s.representatives)).toEqual([[2], [3], []]);
  });

  it("measures cosine distance to the mean of the unit vectors", () => {
    // Directions 0°, 10° and 90°, the last 100 long: the mean of the unit vectors points at
    // about 30.6°, so 10° is nearest, then 0°; a plain mean would point at about 89° instead.
    const radians = (10 * Math.PI) / 180;
    const [summary] = summariseClusters({
      labels: Int32Array.from([0, 0, 0]),
      vectors: Float32Array.from([1, 0, Math.cos(radians), Math.sin(radians), 0, 100]),
      dims: 2,
      metric: "cosine",
      pointCohorts: [null, null, null],
      pointEmotions: [null, null, null],
    });
    expect(summary!.representatives).toEqual([1, 0, 2]);
  });

  it("rejects lists that do not match the points", () => {
    expect(() => summariseClusters({ labels, vectors, dims: 2, metric: "euclidean", pointCohorts: ["A"], pointEmotions })).toThrow(ProjectionInputError);
  });
});
