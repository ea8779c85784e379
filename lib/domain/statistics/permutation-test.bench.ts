import { centroidPermutationTest } from "./permutation-test";
import { createSeededRandom } from "./seeded-random";
import type { DistanceMetric } from "./vector-distance";

/**
 * Centroid permutation test at the sizes the cohort view meets: a few
 * thousand points × 768 dimensions × 1,000 permutations, balanced and
 * unbalanced groups, both metrics; median of three runs after a warm-up.
 * The cost is permutations × min(n0, n1) × dims additions, so an unbalanced
 * split is cheaper than a balanced one of the same total.
 */
export function runPermutationTestBenchmark(): Record<string, unknown> {
  const dims = 768;
  const permutations = 1000;
  const cases: { rows: number; share1: number; metric: DistanceMetric }[] = [
    { rows: 1000, share1: 0.5, metric: "euclidean" },
    { rows: 3000, share1: 0.5, metric: "euclidean" },
    { rows: 3000, share1: 0.5, metric: "cosine" },
    { rows: 3000, share1: 0.2, metric: "euclidean" },
    { rows: 5000, share1: 0.5, metric: "euclidean" },
  ];
  const results = cases.map(({ rows, share1, metric }) => {
    const random = createSeededRandom(rows);
    const group = Uint8Array.from({ length: rows }, (_, i) => (i < rows * share1 ? 1 : 0));
    const points = Float32Array.from({ length: rows * dims }, () => random() - 0.5);
    const run = () => {
      const started = performance.now();
      const result = centroidPermutationTest({ points, dims, group }, { metric, permutations, random: createSeededRandom(1) });
      return { ms: performance.now() - started, p: result.p };
    };
    run();
    const runs = [run(), run(), run()].sort((a, b) => a.ms - b.ms);
    const median = runs[1]!;
    const additions = permutations * Math.min(group.filter((g) => g === 1).length, rows - group.filter((g) => g === 1).length) * dims;
    return { rows, dims, permutations, share1, metric, medianMs: Math.round(median.ms), p: median.p, additionsPerNs: Math.round((additions / (median.ms * 1e6)) * 100) / 100 };
  });
  return { benchmark: "centroid permutation test", results };
}
