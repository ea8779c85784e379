import { UMAP } from "umap-js";
import { describe, expect, it } from "vitest";
import { exactKnn } from "./exact-knn";
import { fuzzySimplicialSet, type SparseGraph } from "./fuzzy-graph";
import type { KnnGraph } from "./knn-graph";
import { intersectWithLabels } from "./label-intersection";
import { syntheticEmbeddings } from "./synthetic-embeddings";

interface UmapJsGraph {
  getAll(): { row: number; col: number; value: number }[];
}

/** The graph umap-js builds from the same neighbours: its private `graph` after initializeFit, read as the reference for our port. */
function umapJsGraph(knn: KnnGraph, labels?: number[]): Map<string, number> {
  const umap = new UMAP({ nNeighbors: knn.k });
  const rows = (values: ArrayLike<number>) => Array.from({ length: knn.n }, (_, i) => Array.from({ length: knn.k }, (_, c) => values[i * knn.k + c]!));
  umap.setPrecomputedKNN(rows(knn.indices), rows(knn.distances));
  if (labels) umap.setSupervisedProjection(labels);
  umap.initializeFit(Array.from({ length: knn.n }, () => []));
  const graph = (umap as unknown as { graph: UmapJsGraph }).graph;
  return new Map(graph.getAll().filter((e) => e.value !== 0).map((e) => [`${e.row}:${e.col}`, e.value]));
}

function entries(graph: SparseGraph): Map<string, number> {
  const result = new Map<string, number>();
  for (let i = 0; i < graph.n; i += 1) {
    for (let e = graph.rowStart[i]!; e < graph.rowStart[i + 1]!; e += 1) result.set(`${i}:${graph.cols[e]}`, graph.weights[e]!);
  }
  return result;
}

function expectSameGraph(ours: Map<string, number>, reference: Map<string, number>): void {
  expect([...ours.keys()].sort()).toEqual([...reference.keys()].sort());
  for (const [key, value] of reference) expect(ours.get(key)).toBeCloseTo(value, 12);
}

describe("fuzzySimplicialSet", async () => {
  const { vectors, labels } = syntheticEmbeddings(200, 16, 4, 8, 1);
  const knn = await exactKnn({ vectors, dims: 16, k: 8, metric: "euclidean" });

  it("is the graph umap-js builds from the same neighbours", () => {
    expectSameGraph(entries(fuzzySimplicialSet(knn)), umapJsGraph(knn));
  });

  it("is symmetric with weights in (0, 1]", () => {
    const graph = entries(fuzzySimplicialSet(knn));
    for (const [key, value] of graph) {
      const [i, j] = key.split(":");
      expect(graph.get(`${j}:${i}`)).toBe(value);
      expect(value).toBeGreaterThan(0);
      expect(value).toBeLessThanOrEqual(1);
    }
  });

  it("intersected with labels is umap-js's supervised graph", () => {
    // Some points unlabelled (-1) so that both weakening factors are exercised.
    const partial = Array.from(labels, (label, i) => (i % 7 === 0 ? -1 : label));
    expectSameGraph(entries(intersectWithLabels(fuzzySimplicialSet(knn), partial)), umapJsGraph(knn, partial));
  });
});
