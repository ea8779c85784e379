import type { KnnGraph } from "../knn-graph";
import { createUnionFind } from "./union-find";

/** Kruskal's forest over the kNN edges, and the component of every point in it. */
export interface KnnSpanningForest {
  readonly from: Int32Array;
  readonly to: Int32Array;
  readonly weight: Float64Array;
  /** Component of each point, numbered by size (largest 0), ties by lowest point. */
  readonly component: Int32Array;
  readonly componentSizes: Int32Array;
}

/**
 * Minimum spanning forest of the mutual-reachability graph restricted to the
 * kNN edges (each undirected pair once, weight max(core[a], core[b], d(a, b))
 * with d from the graph). Edges in ascending weight, ties by lower then higher
 * end, so the forest is the same however the graph rows were ordered.
 */
export function knnSpanningForest(knn: KnnGraph, core: Float64Array): KnnSpanningForest {
  const { n, k, indices, distances } = knn;
  const pairs: number[] = [];
  const low: number[] = [];
  const high: number[] = [];
  const weights: number[] = [];
  for (let i = 0; i < n; i += 1) {
    for (let c = 0; c < k; c += 1) {
      const j = indices[i * k + c]!;
      // Each pair once: from its lower end, or from the higher end when the lower does not list it.
      if (j === i || (j < i && listsNeighbour(knn, j, i))) continue;
      pairs.push(pairs.length);
      low.push(Math.min(i, j));
      high.push(Math.max(i, j));
      weights.push(Math.max(core[i]!, core[j]!, distances[i * k + c]!));
    }
  }
  const order = Uint32Array.from(pairs).sort((x, y) => weights[x]! - weights[y]! || low[x]! - low[y]! || high[x]! - high[y]!);
  const sets = createUnionFind(n);
  const from: number[] = [];
  const to: number[] = [];
  const weight: number[] = [];
  for (const e of order) {
    const a = sets.find(low[e]!);
    const b = sets.find(high[e]!);
    if (a === b) continue;
    sets.unionRoots(a, b);
    from.push(low[e]!);
    to.push(high[e]!);
    weight.push(weights[e]!);
    if (from.length === n - 1) break;
  }
  const { component, componentSizes } = numberComponents(n, (i) => sets.find(i), (root) => sets.sizeOf(root));
  return { from: Int32Array.from(from), to: Int32Array.from(to), weight: Float64Array.from(weight), component, componentSizes };
}

function listsNeighbour(knn: KnnGraph, row: number, neighbour: number): boolean {
  for (let c = 0; c < knn.k; c += 1) if (knn.indices[row * knn.k + c] === neighbour) return true;
  return false;
}

function numberComponents(
  n: number,
  rootOf: (i: number) => number,
  sizeOf: (root: number) => number,
): { component: Int32Array; componentSizes: Int32Array } {
  const firstPoint = new Map<number, number>();
  for (let i = 0; i < n; i += 1) {
    const root = rootOf(i);
    if (!firstPoint.has(root)) firstPoint.set(root, i);
  }
  const roots = [...firstPoint.keys()].sort((a, b) => sizeOf(b) - sizeOf(a) || firstPoint.get(a)! - firstPoint.get(b)!);
  const number = new Map(roots.map((root, index) => [root, index]));
  const component = new Int32Array(n);
  for (let i = 0; i < n; i += 1) component[i] = number.get(rootOf(i))!;
  return { component, componentSizes: Int32Array.from(roots, sizeOf) };
}
