import { describe, expect, it } from "vitest";
import { exactKnn } from "./exact-knn";
import { ProjectionCancelledError } from "./projection-cancelled-error";
import type { ProjectionMetric } from "./projection-metric";
import { gaussian, mulberry32 } from "./seeded-random";

function randomVectors(n: number, dims: number, seed: number): Float32Array {
  const normal = gaussian(mulberry32(seed));
  return Float32Array.from({ length: n * dims }, () => normal());
}

/** Plain float64 reference: every pair, full sort. */
function naiveKnn(vectors: Float32Array, dims: number, k: number, metric: ProjectionMetric): { indices: number[][]; distances: number[][] } {
  const n = vectors.length / dims;
  const distance = (i: number, j: number): number => {
    let dot = 0;
    let na = 0;
    let nb = 0;
    let sq = 0;
    for (let d = 0; d < dims; d += 1) {
      const a = vectors[i * dims + d]!;
      const b = vectors[j * dims + d]!;
      dot += a * b;
      na += a * a;
      nb += b * b;
      sq += (a - b) * (a - b);
    }
    return metric === "cosine" ? 1 - dot / Math.sqrt(na * nb) : Math.sqrt(sq);
  };
  const indices: number[][] = [];
  const distances: number[][] = [];
  for (let i = 0; i < n; i += 1) {
    const row = Array.from({ length: n }, (_, j) => ({ j, d: j === i ? -1 : distance(i, j) }));
    row.sort((x, y) => x.d - y.d || x.j - y.j);
    indices.push(row.slice(0, k).map((e) => e.j));
    distances.push(row.slice(0, k).map((e) => Math.max(0, e.d)));
  }
  return { indices, distances };
}

describe("exactKnn", () => {
  for (const metric of ["cosine", "euclidean"] as const) {
    // 1,101 points (three query blocks of 512, the last partial) in 37
    // dimensions: neither a multiple of the kernel's tile, so both the padding
    // and the reuse of each product for the later block are exercised.
    it(`matches a naive float64 search (${metric})`, async () => {
      const dims = 37;
      const vectors = randomVectors(1101, dims, 11);
      const graph = await exactKnn({ vectors, dims, k: 10, metric, threads: 1 });
      const reference = naiveKnn(vectors, dims, 10, metric);
      expect(graph.n).toBe(1101);
      for (let i = 0; i < graph.n; i += 1) {
        expect(Array.from(graph.indices.subarray(i * 10, i * 10 + 10))).toEqual(reference.indices[i]);
        const distances = Array.from(graph.distances.subarray(i * 10, i * 10 + 10));
        distances.forEach((d, c) => expect(d).toBeCloseTo(reference.distances[i]![c]!, 6));
      }
    });
  }

  it("gives the same graph on worker threads as on the calling thread", async () => {
    const dims = 64;
    const vectors = randomVectors(1302, dims, 5);
    const inline = await exactKnn({ vectors, dims, k: 15, metric: "cosine", threads: 1 });
    const threaded = await exactKnn({ vectors, dims, k: 15, metric: "cosine", threads: 2 });
    expect(threaded.indices).toEqual(inline.indices);
    expect(threaded.distances).toEqual(inline.distances);
  });

  it("reports progress up to the total, on the calling thread and on workers", async () => {
    for (const threads of [1, 2]) {
      const seen: [number, number][] = [];
      await exactKnn({ vectors: randomVectors(1200, 16, 2), dims: 16, k: 5, metric: "euclidean", threads, onProgress: (done, total) => seen.push([done, total]) });
      // Three query blocks of 512 rows: (512 x 1200) + (512 x 688) + (176 x 176) dot products.
      expect(seen).toHaveLength(3);
      const total = 512 * 1200 + 512 * 688 + 176 * 176;
      expect(seen.at(-1)).toEqual([total, total]);
      expect(seen.every(([done], i) => i === 0 || done > seen[i - 1]![0])).toBe(true);
    }
  });

  it("puts each point first in its own row even when it has duplicates", async () => {
    const dims = 8;
    const vectors = new Float32Array(20 * dims);
    for (let i = 0; i < 20; i += 1) vectors.fill(i < 10 ? 1 : -1, i * dims, (i + 1) * dims);
    const graph = await exactKnn({ vectors, dims, k: 5, metric: "euclidean", threads: 1 });
    for (let i = 0; i < 20; i += 1) {
      expect(graph.indices[i * 5]).toBe(i);
      expect(Array.from(graph.distances.subarray(i * 5, i * 5 + 5))).toEqual([0, 0, 0, 0, 0]);
    }
  });

  it("stops when cancelled", async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(exactKnn({ vectors: randomVectors(50, 4, 1), dims: 4, k: 3, metric: "cosine", signal: controller.signal })).rejects.toBeInstanceOf(
      ProjectionCancelledError,
    );
  });

  it("rejects vectors that are not whole rows", async () => {
    await expect(exactKnn({ vectors: new Float32Array(10), dims: 3, k: 2, metric: "cosine" })).rejects.toThrow(/not a whole number of 3-dimensional/);
  });
});
