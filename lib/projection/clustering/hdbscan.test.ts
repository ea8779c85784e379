import { describe, expect, it } from "vitest";
import { exactKnn } from "../exact-knn";
import { ProjectionCancelledError } from "../projection-cancelled-error";
import { ProjectionInputError } from "../projection-input-error";
import { gaussian, mulberry32 } from "../seeded-random";
import { syntheticEmbeddings } from "../synthetic-embeddings";
import { adjustedRandIndex } from "./adjusted-rand-index";
import { hdbscan, type HdbscanStage } from "./hdbscan";

/** 2-D Gaussian blobs (one row per blob: centre x, centre y, spread, count), then the given lone points. */
function blobs(spec: readonly [number, number, number, number][], lone: readonly [number, number][], seed: number): Float32Array {
  const normal = gaussian(mulberry32(seed));
  const values: number[] = [];
  for (const [x, y, spread, count] of spec) for (let i = 0; i < count; i += 1) values.push(x + normal() * spread, y + normal() * spread);
  for (const [x, y] of lone) values.push(x, y);
  return Float32Array.from(values);
}

describe("hdbscan", () => {
  // minSamples 1 makes core distances 0, so the tree is plain single linkage
  // on gaps that can be followed by hand (see the comments for the numbers).
  it("selects leaf clusters over a parent by excess of mass, by hand on a line", async () => {
    // Root splits at gap 33 (lambda 1/33) into {0..7} and {40, 41, 42, 45}; {0..7} splits at gap 3
    // (lambda 1/3) into {0, 1, 2} and {5, 6, 7}, whose points all leave at lambda 1.
    // Stabilities: {0,1,2} and {5,6,7}: 3 (1 - 1/3) = 2 each, together 4 > 6 (1/3 - 1/33) = 60/33 of
    // their parent, so both are kept. {40..45}: 45 leaves at 1/3, the rest at 1: (1/3 - 1/33) + 3 (1 - 1/33).
    const vectors = Float32Array.from([0, 1, 2, 5, 6, 7, 40, 41, 42, 45]);
    const result = await hdbscan({ vectors, dims: 1, metric: "euclidean", minClusterSize: 3, minSamples: 1 });
    expect(Array.from(result.labels)).toEqual([1, 1, 1, 2, 2, 2, 0, 0, 0, 0]);
    expect(result.exact).toBe(true);
    expect(result.clusters.map(({ id, size }) => ({ id, size }))).toEqual([
      { id: 0, size: 4 },
      { id: 1, size: 3 },
      { id: 2, size: 3 },
    ]);
    expect(result.clusters[0]!.stability).toBeCloseTo(1 / 3 - 1 / 33 + 3 * (1 - 1 / 33), 12);
    expect(result.clusters[1]!.stability).toBeCloseTo(2, 12);
    // 45 left its cluster at lambda 1/3; the cluster's last points at lambda 1.
    expect(Array.from(result.probabilities).map((p) => Number(p.toFixed(6)))).toEqual([1, 1, 1, 1, 1, 1, 1, 1, 1, Number((1 / 3).toFixed(6))]);
  });

  it("keeps the parent when its children are less stable, by hand on a line", async () => {
    // {0..5.5} splits at gap 1.5 (lambda 2/3) after its birth at gap 34.5 (lambda 2/69):
    // 6 (2/3 - 2/69) against 3 (1 - 2/3) = 1 for each child.
    const vectors = Float32Array.from([0, 1, 2, 3.5, 4.5, 5.5, 40, 41, 42, 45]);
    const result = await hdbscan({ vectors, dims: 1, metric: "euclidean", minClusterSize: 3, minSamples: 1 });
    expect(Array.from(result.labels)).toEqual([0, 0, 0, 0, 0, 0, 1, 1, 1, 1]);
    expect(result.clusters[0]!.stability).toBeCloseTo(6 * (2 / 3 - 2 / 69), 12);
    expect(result.clusters[1]!.stability).toBeCloseTo(1 / 3 - 2 / 69 + 3 * (1 - 2 / 69), 12);
  });

  it("finds two well-separated blobs and leaves lone points as noise", async () => {
    const lone: [number, number][] = [
      [10, 30],
      [-30, 10],
      [40, -40],
    ];
    const vectors = blobs(
      [
        [0, 0, 0.5, 30],
        [20, 0, 0.5, 20],
      ],
      lone,
      3,
    );
    const result = await hdbscan({ vectors, dims: 2, metric: "euclidean", minClusterSize: 5 });
    const labels = Array.from(result.labels);
    expect(labels.slice(0, 30)).toEqual(Array(30).fill(0));
    expect(labels.slice(30, 50)).toEqual(Array(20).fill(1));
    expect(labels.slice(50)).toEqual([-1, -1, -1]);
    expect(result.clusters.map((c) => c.size)).toEqual([30, 20]);
    expect(Array.from(result.probabilities.slice(50))).toEqual([0, 0, 0]);
    for (const p of result.probabilities.slice(0, 50)) {
      expect(p).toBeGreaterThan(0);
      expect(p).toBeLessThanOrEqual(1);
    }
  });

  it("calls a blob smaller than minClusterSize noise", async () => {
    const vectors = blobs(
      [
        [0, 0, 0.5, 30],
        [20, 0, 0.5, 25],
        [10, 25, 0.2, 4],
      ],
      [],
      5,
    );
    const result = await hdbscan({ vectors, dims: 2, metric: "euclidean", minClusterSize: 5 });
    expect(result.clusters.map((c) => c.size)).toEqual([30, 25]);
    expect(Array.from(result.labels.slice(55))).toEqual([-1, -1, -1, -1]);
  });

  it("calls everything noise when there are fewer points than minClusterSize", async () => {
    const result = await hdbscan({ vectors: Float32Array.from([0, 1, 2]), dims: 1, metric: "euclidean", minClusterSize: 5 });
    expect(Array.from(result.labels)).toEqual([-1, -1, -1]);
    expect(result.clusters).toEqual([]);
  });

  it("agrees between the approximate and the exact tree on 3,000 synthetic embeddings", async () => {
    // Touching clusters (centres 1.5 apart per dimension against unit noise): two merge and
    // some points are noise, so the selection is not trivial.
    const dims = 32;
    const { vectors } = syntheticEmbeddings(3000, dims, 6, 5, 1.5);
    for (const metric of ["euclidean", "cosine"] as const) {
      const exact = await hdbscan({ vectors, dims, metric, minClusterSize: 25, exact: true });
      const approximate = await hdbscan({ vectors, dims, metric, minClusterSize: 25, exact: false });
      expect(exact.exact).toBe(true);
      expect(approximate.exact).toBe(false);
      expect(exact.clusters.length).toBeGreaterThanOrEqual(5);
      expect(approximate.clusters.length).toBe(exact.clusters.length);
      expect(adjustedRandIndex(approximate.labels, exact.labels)).toBeGreaterThanOrEqual(0.99);
    }
  }, 30_000);

  it("recovers well-separated synthetic clusters and is deterministic", async () => {
    const dims = 16;
    const { vectors, labels: truth } = syntheticEmbeddings(1200, dims, 4, 9);
    const stages = new Set<HdbscanStage>();
    const first = await hdbscan({ vectors, dims, metric: "cosine", minClusterSize: 20, onProgress: (stage) => stages.add(stage) });
    const second = await hdbscan({ vectors, dims, metric: "cosine", minClusterSize: 20 });
    expect(adjustedRandIndex(first.labels, truth)).toBe(1);
    expect(first.clusters.map((c) => c.size)).toEqual([300, 300, 300, 300]);
    expect(second.labels).toEqual(first.labels);
    expect(second.probabilities).toEqual(first.probabilities);
    expect([...stages]).toEqual(["neighbours", "spanning-tree", "clusters"]);
  });

  it("reuses a neighbour graph with at least minSamples neighbours", async () => {
    const dims = 8;
    const { vectors } = syntheticEmbeddings(600, dims, 3, 2, 1.5);
    const knn = await exactKnn({ vectors, dims, k: 20, metric: "euclidean" });
    const withGraph = await hdbscan({ vectors, dims, metric: "euclidean", minClusterSize: 10, knn, exact: false });
    const without = await hdbscan({ vectors, dims, metric: "euclidean", minClusterSize: 10, exact: false });
    // k = 20 > 15 keeps more edges, so the trees can differ; the clusters should not.
    expect(adjustedRandIndex(withGraph.labels, without.labels)).toBeGreaterThan(0.99);
    await expect(hdbscan({ vectors, dims, metric: "euclidean", minClusterSize: 30, knn })).rejects.toThrow(ProjectionInputError);
  });

  it("rejects malformed input", async () => {
    const vectors = new Float32Array(10);
    await expect(hdbscan({ vectors, dims: 3, metric: "euclidean", minClusterSize: 2 })).rejects.toThrow(ProjectionInputError);
    await expect(hdbscan({ vectors, dims: 2, metric: "euclidean", minClusterSize: 1 })).rejects.toThrow(/at least 2/);
    await expect(hdbscan({ vectors, dims: 2, metric: "euclidean", minClusterSize: 2, minSamples: 0 })).rejects.toThrow(ProjectionInputError);
  });

  it("stops with ProjectionCancelledError when its signal fires", async () => {
    const dims = 16;
    const { vectors } = syntheticEmbeddings(2000, dims, 4, 1);
    const before = new AbortController();
    before.abort();
    await expect(hdbscan({ vectors, dims, metric: "cosine", minClusterSize: 10, signal: before.signal })).rejects.toThrow(ProjectionCancelledError);
    for (const exact of [true, false]) {
      const during = new AbortController();
      const run = hdbscan({
        vectors,
        dims,
        metric: "cosine",
        minClusterSize: 10,
        exact,
        signal: during.signal,
        onProgress: (stage) => stage === "spanning-tree" && during.abort(),
      });
      await expect(run).rejects.toThrow(ProjectionCancelledError);
    }
  });
});
