import { describe, expect, it } from "vitest";
import { exactKnn } from "../exact-knn";
import { gaussian, mulberry32 } from "../seeded-random";
import { createPacer } from "./cancellation-pacer";
import { coreDistances } from "./core-distances";
import { exactSpanningTree } from "./exact-spanning-tree";
import { joinComponents } from "./join-components";
import { knnSpanningForest } from "./knn-spanning-forest";
import { createRowDistances } from "./row-distances";
import type { SpanningTree } from "./spanning-tree";

/** `blobs` tight groups of `size` points in `dims` dimensions, centres far apart. */
function separatedBlobs(blobs: number, size: number, dims: number, seed: number): Float32Array {
  const normal = gaussian(mulberry32(seed));
  const vectors = new Float32Array(blobs * size * dims);
  for (let b = 0; b < blobs; b += 1) {
    const centre = Array.from({ length: dims }, () => normal() * 30);
    for (let i = 0; i < size; i += 1) for (let d = 0; d < dims; d += 1) vectors[(b * size + i) * dims + d] = centre[d]! + normal();
  }
  return vectors;
}

function edgeList(tree: SpanningTree): string[] {
  return Array.from(tree.weight, (w, e) => `${Math.min(tree.from[e]!, tree.to[e]!)}-${Math.max(tree.from[e]!, tree.to[e]!)}:${w}`).sort();
}

describe("joinComponents", () => {
  it("joins kNN components with the exact tree's lightest cross edges", async () => {
    // k = blob size: each blob's kNN graph is complete and holds no other blob,
    // so the forest is exact inside each blob and only the joins remain.
    const dims = 3;
    const vectors = separatedBlobs(4, 20, dims, 1);
    const n = vectors.length / dims;
    const knn = await exactKnn({ vectors, dims, k: 20, metric: "euclidean", threads: 1 });
    const distances = createRowDistances(vectors, n, dims, "euclidean");
    const core = coreDistances(knn, 4, distances.between);
    const forest = knnSpanningForest(knn, core);
    expect(Array.from(forest.componentSizes)).toEqual([20, 20, 20, 20]);
    const joined = await joinComponents({ vectors, dims, metric: "euclidean", core, forest, pacer: createPacer(undefined, "test") });
    const exact = await exactSpanningTree(distances, core, createPacer(undefined, "test"));
    // Weights tie (many equal core distances), so the edges themselves may differ; their sorted weights may not.
    const expected = Float64Array.from(exact.weight).sort();
    Float64Array.from(joined.weight)
      .sort()
      .forEach((w, e) => expect(w).toBeCloseTo(expected[e]!, 12));
  });

  it("gives the same tree in worker threads as on the calling thread", async () => {
    const dims = 24;
    const vectors = separatedBlobs(9, 130, dims, 2);
    const n = vectors.length / dims;
    for (const metric of ["euclidean", "cosine"] as const) {
      const knn = await exactKnn({ vectors, dims, k: 15, metric, threads: 1 });
      const core = coreDistances(knn, 5);
      const forest = knnSpanningForest(knn, core);
      expect(forest.componentSizes.length).toBeGreaterThan(1);
      const run = (threads: number) => joinComponents({ vectors, dims, metric, core, forest, threads, pacer: createPacer(undefined, "test") });
      const inline = await run(1);
      const threaded = await run(2);
      expect(inline.weight.length).toBe(n - 1);
      expect(edgeList(threaded)).toEqual(edgeList(inline));
    }
  }, 30_000);
});
