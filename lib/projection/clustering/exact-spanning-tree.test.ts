import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { exactKnn } from "../exact-knn";
import type { ProjectionMetric } from "../projection-metric";
import { createPacer } from "./cancellation-pacer";
import { coreDistances } from "./core-distances";
import { exactSpanningTree } from "./exact-spanning-tree";
import { joinComponents } from "./join-components";
import { knnSpanningForest } from "./knn-spanning-forest";
import { createRowDistances } from "./row-distances";
import type { SpanningTree } from "./spanning-tree";

interface ReferenceSet {
  readonly name: string;
  readonly metric: ProjectionMetric;
  readonly dims: number;
  readonly minSamples: number;
  readonly vectors: number[];
  readonly coreDistances: number[];
  readonly mergeHeights: number[];
}

// Written by testing/make_reference.py (numpy + scipy.cluster.hierarchy.linkage, method="single").
const reference = JSON.parse(readFileSync(new URL("./testing/reference-trees.json", import.meta.url), "utf8")) as { sets: ReferenceSet[] };

function expectClose(actual: ArrayLike<number>, expected: readonly number[], what: string): void {
  expect(actual.length, what).toBe(expected.length);
  let worst = 0;
  for (let i = 0; i < expected.length; i += 1) {
    const error = Math.abs(actual[i]! - expected[i]!);
    // Relative 1e-9; zeros (duplicates) must come out as zeros, up to rounding of a cancelled cosine.
    worst = Math.max(worst, error / Math.max(Math.abs(expected[i]!), 1e-6));
  }
  expect(worst, what).toBeLessThan(1e-9);
}

function sortedWeights(tree: SpanningTree): Float64Array {
  return Float64Array.from(tree.weight).sort();
}

describe("exact mutual-reachability spanning tree", () => {
  it("has the reference data sets", () => {
    expect(reference.sets.map((set) => set.name)).toEqual(["blobs-euclidean", "blobs-cosine", "blobs-cosine-far", "chain", "duplicates", "duplicates-min-samples-1"]);
  });

  for (const set of reference.sets) {
    it(`gives scipy's single-linkage merge heights on ${set.name}`, async () => {
      const vectors = Float32Array.from(set.vectors);
      const n = vectors.length / set.dims;
      const knn = await exactKnn({ vectors, dims: set.dims, k: set.minSamples, metric: set.metric, threads: 1 });
      const distances = createRowDistances(vectors, n, set.dims, set.metric);
      const core = coreDistances(knn, set.minSamples, distances.between);
      expectClose(core, set.coreDistances, "core distances");
      const tree = await exactSpanningTree(distances, core, createPacer(undefined, "test"));
      expect(tree.weight.length).toBe(n - 1);
      expectClose(sortedWeights(tree), set.mergeHeights, "merge heights");
      // A spanning tree: n - 1 edges that connect every point.
      const reached = new Set([0]);
      for (let round = 0; round < n && reached.size < n; round += 1) {
        for (let e = 0; e < tree.from.length; e += 1) {
          if (reached.has(tree.from[e]!) || reached.has(tree.to[e]!)) reached.add(tree.from[e]!).add(tree.to[e]!);
        }
      }
      expect(reached.size).toBe(n);
    });
  }

  it("is matched by the approximate tree when the kNN graph is complete", async () => {
    for (const set of reference.sets.filter((s) => s.metric === "euclidean")) {
      const vectors = Float32Array.from(set.vectors);
      const n = vectors.length / set.dims;
      const knn = await exactKnn({ vectors, dims: set.dims, k: n, metric: set.metric, threads: 1 });
      const core = coreDistances(knn, set.minSamples);
      const forest = knnSpanningForest(knn, core);
      expect(forest.componentSizes).toEqual(Int32Array.from([n]));
      const tree = await joinComponents({ vectors, dims: set.dims, metric: set.metric, core, forest, pacer: createPacer(undefined, "test") });
      expectClose(sortedWeights(tree), set.mergeHeights, `${set.name} merge heights`);
    }
  });
});
