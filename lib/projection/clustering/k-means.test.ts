import { describe, expect, it } from "vitest";
import { ProjectionCancelledError } from "../projection-cancelled-error";
import { ProjectionInputError } from "../projection-input-error";
import { gaussian, mulberry32 } from "../seeded-random";
import { syntheticEmbeddings } from "../synthetic-embeddings";
import { adjustedRandIndex } from "./adjusted-rand-index";
import { kMeans } from "./k-means";

describe("kMeans", () => {
  it("splits a line into its two groups, by hand", async () => {
    const vectors = Float32Array.from([0, 1, 2, 3, 10, 11, 12]);
    const result = await kMeans({ vectors, dims: 1, k: 2, metric: "euclidean", seed: 1 });
    expect(Array.from(result.labels)).toEqual([0, 0, 0, 0, 1, 1, 1]);
    expect(Array.from(result.centroids)).toEqual([1.5, 11]);
    // (1.5^2 + 0.5^2) * 2 + 1^2 * 2
    expect(result.inertia).toBeCloseTo(7, 12);
    expect(result.iterations).toBeGreaterThanOrEqual(1);
  });

  it("gives the same result for the same seed", async () => {
    const { vectors } = syntheticEmbeddings(500, 8, 6, 3, 1);
    const a = await kMeans({ vectors, dims: 8, k: 6, metric: "euclidean", seed: 42 });
    const b = await kMeans({ vectors, dims: 8, k: 6, metric: "euclidean", seed: 42 });
    expect(b.labels).toEqual(a.labels);
    expect(b.centroids).toEqual(a.centroids);
    expect(b.inertia).toBe(a.inertia);
  });

  for (const metric of ["euclidean", "cosine"] as const) {
    it(`recovers well-separated blobs exactly (${metric})`, async () => {
      const { vectors, labels } = syntheticEmbeddings(600, 16, 5, 7, 8);
      const result = await kMeans({ vectors, dims: 16, k: 5, metric, seed: 3 });
      expect(adjustedRandIndex(result.labels, labels)).toBe(1);
      expect(Array.from(new Set(result.labels)).sort()).toEqual([0, 1, 2, 3, 4]);
    });
  }

  it("never increases inertia from one iteration to the next", async () => {
    // Overlapping blobs in 2-D: Lloyd needs several iterations.
    const { vectors } = syntheticEmbeddings(400, 2, 6, 11, 1.5);
    for (const metric of ["euclidean", "cosine"] as const) {
      const inertias: number[] = [];
      let iterations = 0;
      for (let maxIterations = 1; maxIterations <= 15; maxIterations += 1) {
        const result = await kMeans({ vectors, dims: 2, k: 5, metric, seed: 9, maxIterations, tolerance: 0 });
        inertias.push(result.inertia);
        iterations = Math.max(iterations, result.iterations);
        expect(result.iterations).toBeLessThanOrEqual(maxIterations);
      }
      expect(iterations, `${metric}: too easy a case to test`).toBeGreaterThan(3);
      for (let i = 1; i < inertias.length; i += 1) expect(inertias[i]!).toBeLessThanOrEqual(inertias[i - 1]! * (1 + 1e-12));
      expect(inertias.at(-1)!).toBeLessThan(inertias[0]!);
    }
  });

  it("groups directions, not lengths, under cosine", async () => {
    const normal = gaussian(mulberry32(5));
    const values: number[] = [];
    for (let i = 0; i < 40; i += 1) {
      const length = 0.1 + i;
      const angle = (i % 2 === 0 ? 0 : Math.PI / 2) + normal() * 0.05;
      values.push(Math.cos(angle) * length, Math.sin(angle) * length);
    }
    const result = await kMeans({ vectors: Float32Array.from(values), dims: 2, k: 2, metric: "cosine", seed: 1 });
    expect(adjustedRandIndex(result.labels, Array.from({ length: 40 }, (_, i) => i % 2))).toBe(1);
    for (let j = 0; j < 2; j += 1) expect(Math.hypot(result.centroids[2 * j]!, result.centroids[2 * j + 1]!)).toBeCloseTo(1, 6);
  });

  it("leaves clusters empty rather than failing when there are fewer distinct points than k", async () => {
    const result = await kMeans({ vectors: Float32Array.from([0, 0, 0, 5, 5]), dims: 1, k: 3, metric: "euclidean", seed: 2 });
    expect(Array.from(result.labels)).toEqual([0, 0, 0, 1, 1]);
    expect(result.inertia).toBe(0);
    expect(Array.from(result.centroids).every(Number.isFinite)).toBe(true);
  });

  it("rejects impossible requests", async () => {
    const vectors = Float32Array.from([0, 1, 2, 3]);
    await expect(kMeans({ vectors, dims: 1, k: 0, metric: "euclidean", seed: 1 })).rejects.toThrow(ProjectionInputError);
    await expect(kMeans({ vectors, dims: 1, k: 5, metric: "euclidean", seed: 1 })).rejects.toThrow(/at most 4/);
    await expect(kMeans({ vectors, dims: 1, k: 1.5, metric: "euclidean", seed: 1 })).rejects.toThrow(ProjectionInputError);
    await expect(kMeans({ vectors, dims: 3, k: 1, metric: "euclidean", seed: 1 })).rejects.toThrow(ProjectionInputError);
    await expect(kMeans({ vectors, dims: 1, k: 2, metric: "euclidean", seed: 1, maxIterations: 0 })).rejects.toThrow(ProjectionInputError);
  });

  it("stops with ProjectionCancelledError when its signal has fired", async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(kMeans({ vectors: Float32Array.from([0, 1]), dims: 1, k: 1, metric: "euclidean", seed: 1, signal: controller.signal })).rejects.toThrow(
      ProjectionCancelledError,
    );
  });
});
