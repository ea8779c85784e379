import { describe, expect, it } from "vitest";
import { ArrayShapeError } from "../array-shape-error";
import { centroidDistance, centroidPermutationTest, type TwoGroupEmbeddings } from "./permutation-test";
import { createSeededRandom } from "./seeded-random";
import { StatisticsInputError } from "./statistics-input-error";
import { expectClose } from "./testing/expect-close";
import reference from "./testing/reference.json";
import { vectorDistance, type DistanceMetric } from "./vector-distance";

function randomGroups(seed: number, rows: number, dims: number, shift: number, share1 = 0.5): TwoGroupEmbeddings {
  const random = createSeededRandom(seed);
  const group = Uint8Array.from({ length: rows }, () => (random() < share1 ? 1 : 0));
  group[0] = 0;
  group[1] = 1;
  const points = Float32Array.from({ length: rows * dims }, (_, i) => random() - 0.5 + shift * group[Math.floor(i / dims)]!);
  return { points, dims, group };
}

/** Mean of each group's rows, computed directly. */
function centroids({ points, dims, group }: TwoGroupEmbeddings): [Float64Array, Float64Array] {
  const sums = [new Float64Array(dims), new Float64Array(dims)] as const;
  const counts = [0, 0];
  for (let i = 0; i < group.length; i++) {
    const g = group[i] === 1 ? 1 : 0;
    counts[g]!++;
    for (let d = 0; d < dims; d++) sums[g][d]! += points[i * dims + d]!;
  }
  return [sums[0].map((v) => v / counts[0]!), sums[1].map((v) => v / counts[1]!)];
}

describe("centroidDistance", () => {
  // Group 0: (0, 0), (2, 0) → centroid (1, 0). Group 1: (1, 3), (1, 5), (1, 4) → (1, 4).
  const tiny: TwoGroupEmbeddings = { points: Float32Array.of(0, 0, 1, 3, 2, 0, 1, 5, 1, 4), dims: 2, group: [0, 1, 0, 1, 1] };

  it("measures the distance between group means (by hand)", () => {
    expect(centroidDistance(tiny, "euclidean")).toBeCloseTo(4, 14);
    // cos∠((1, 0), (1, 4)) = 1/√17.
    expect(centroidDistance(tiny, "cosine")).toBeCloseTo(1 - 1 / Math.sqrt(17), 14);
  });

  it.each(["euclidean", "cosine"] as const)("matches scipy.spatial.distance.%s between NumPy centroids", (metric) => {
    const { points, dims, group, euclidean, cosine } = reference.centroid;
    const distance = centroidDistance({ points: Float32Array.from(points), dims, group }, metric);
    expectClose(distance, metric === "euclidean" ? euclidean : cosine, 1e-12, metric);
  });

  it.each(["euclidean", "cosine"] as const)("equals the distance between directly computed means on unequal groups (%s)", (metric) => {
    for (const share of [0.1, 0.5, 0.9]) {
      const groups = randomGroups(3, 300, 24, 0.2, share);
      const [a, b] = centroids(groups);
      expectClose(centroidDistance(groups, metric), vectorDistance(a, b, metric), 1e-12, `share ${share}`);
    }
  });
});

describe("centroidPermutationTest", () => {
  it("converges to the exact permutation p-value found by enumerating every relabelling", () => {
    // 8 points in 3 dimensions, 4 per group: all C(8, 4) = 70 relabellings can be listed.
    const group = [0, 1, 0, 1, 0, 1, 1, 0];
    // Seed 1 gives an exact p of 18/70 ≈ 0.26, away from 0 and 1 where the check would be weak.
    const random = createSeededRandom(1);
    const points = Float32Array.from({ length: 8 * 3 }, () => random() - 0.5);
    const groups: TwoGroupEmbeddings = { points, dims: 3, group };
    for (const metric of ["euclidean", "cosine"] as const) {
      const exact = exactPValue(groups, metric);
      const permutations = 20_000;
      const result = centroidPermutationTest(groups, { metric, permutations, random: createSeededRandom(7) });
      const standardError = Math.sqrt((exact * (1 - exact)) / permutations);
      expect(exact).toBeGreaterThan(0.05);
      expect(exact).toBeLessThan(0.95);
      expect(Math.abs(result.p - exact)).toBeLessThan(4 * standardError);
    }
  });

  it("gives the smallest possible p for well separated groups and reports sizes", () => {
    const groups = randomGroups(5, 200, 16, 3);
    const result = centroidPermutationTest(groups, { metric: "euclidean", permutations: 199, random: createSeededRandom(1) });
    expect(result.atLeastObserved).toBe(0);
    expect(result.p).toBe(1 / 200);
    const ones = Array.from(groups.group).filter((g) => g === 1).length;
    expect(result.sizes).toEqual([200 - ones, ones]);
    expect(result.nullDistances).toHaveLength(199);
    expect(Math.max(...result.nullDistances)).toBeLessThan(result.observed);
  });

  it("sums the drawn rows correctly (eight at a time plus the rest)", () => {
    // random() = 0 makes the partial shuffle draw rows 0..18 in order, so every relabelling puts the first 19 rows in the smaller group.
    const groups = randomGroups(4, 50, 40, 0.3);
    groups.group = Array.from({ length: 50 }, (_, i) => (i % 5 < 2 || i === 49 ? 1 : 0));
    const small = Array.from(groups.group).filter((g) => g === 1).length;
    expect(small).toBe(21);
    const firstRows = Array.from({ length: 50 }, (_, i) => (i < small ? 1 : 0));
    for (const metric of ["euclidean", "cosine"] as const) {
      const result = centroidPermutationTest(groups, { metric, permutations: 3, random: () => 0 });
      const expected = centroidDistance({ ...groups, group: firstRows }, metric);
      for (const distance of result.nullDistances) expectClose(distance, expected, 1e-12, metric);
    }
  });

  it("counts a relabelling that reproduces the observed split as at least as far, despite rounding", () => {
    // One row per group: the only other labelling swaps them, at the same distance.
    const groups: TwoGroupEmbeddings = { points: Float32Array.of(0.1, 0.7, 0.3, 0.2, 0.9, 0.4), dims: 3, group: [0, 1] };
    for (const metric of ["euclidean", "cosine"] as const) {
      expect(centroidPermutationTest(groups, { metric, permutations: 50, random: createSeededRandom(3) }).p).toBe(1);
    }
  });

  it("is reproducible for a seed and differs between seeds", () => {
    const groups = randomGroups(8, 120, 32, 0.02);
    const run = (seed: number) => centroidPermutationTest(groups, { metric: "cosine", permutations: 300, random: createSeededRandom(seed) });
    expect(run(42)).toEqual(run(42));
    expect(run(42).nullDistances).not.toEqual(run(43).nullDistances);
    // With no real difference the p-value is not small.
    expect(run(42).p).toBeGreaterThan(0.05);
  });

  it("refuses bad labels, empty groups, wrong shapes, non-finite values and bad arguments", () => {
    const points = new Float32Array(6);
    expect(() => centroidDistance({ points, dims: 2, group: [0, 2, 1] }, "euclidean")).toThrow("group[1] is 2");
    expect(() => centroidDistance({ points, dims: 2, group: [0, 0, 0] }, "euclidean")).toThrow(StatisticsInputError);
    expect(() => centroidDistance({ points, dims: 4, group: [0, 1] }, "euclidean")).toThrow(ArrayShapeError);
    expect(() => centroidDistance({ points: Float32Array.of(0, NaN, 1, 1), dims: 2, group: [0, 1] }, "euclidean")).toThrow("row 0, dimension 1 is NaN");
    const groups: TwoGroupEmbeddings = { points: Float32Array.of(1, 2, 3, 4), dims: 2, group: [0, 1] };
    expect(() => centroidPermutationTest(groups, { metric: "euclidean", permutations: 0, random: Math.random })).toThrow("permutations");
    expect(() => centroidPermutationTest(groups, { metric: "euclidean", permutations: 5, random: () => 1 })).toThrow("[0, 1)");
  });
});

/** p over all relabellings that keep the group sizes (the observed one included). */
function exactPValue(groups: TwoGroupEmbeddings, metric: DistanceMetric): number {
  const rows = groups.group.length;
  const size1 = Array.from(groups.group).filter((g) => g === 1).length;
  const observed = centroidDistance(groups, metric);
  let total = 0;
  let atLeast = 0;
  for (let mask = 0; mask < 1 << rows; mask++) {
    const group = Array.from({ length: rows }, (_, i) => (mask >> i) & 1);
    if (group.reduce((a, b) => a + b, 0) !== size1) continue;
    total++;
    if (centroidDistance({ ...groups, group }, metric) >= observed * (1 - 1e-10)) atLeast++;
  }
  return atLeast / total;
}
