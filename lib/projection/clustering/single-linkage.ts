import { edgesByWeight, type SpanningTree } from "./spanning-tree";
import { createUnionFind } from "./union-find";

/**
 * Single-linkage merges from a spanning tree, as scipy's linkage matrix and
 * the hdbscan library's `label()`: merge m joins nodes `left[m]` and
 * `right[m]` (points are 0..n-1, merge m is node n + m) at `distance[m]`
 * into a node of `size[m]` points. Merges in ascending distance.
 */
export interface SingleLinkage {
  readonly n: number;
  readonly left: Int32Array;
  readonly right: Int32Array;
  readonly distance: Float64Array;
  readonly size: Int32Array;
}

export function singleLinkage(tree: SpanningTree): SingleLinkage {
  const { n } = tree;
  const merges = Math.max(0, n - 1);
  const left = new Int32Array(merges);
  const right = new Int32Array(merges);
  const distance = new Float64Array(merges);
  const size = new Int32Array(merges);
  const sets = createUnionFind(n);
  // Node number of each set, looked up by its union-find root.
  const nodeOfRoot = Int32Array.from({ length: n }, (_, i) => i);
  let m = 0;
  for (const e of edgesByWeight(tree)) {
    const a = sets.find(tree.from[e]!);
    const b = sets.find(tree.to[e]!);
    left[m] = nodeOfRoot[a]!;
    right[m] = nodeOfRoot[b]!;
    distance[m] = tree.weight[e]!;
    size[m] = sets.sizeOf(a) + sets.sizeOf(b);
    nodeOfRoot[sets.unionRoots(a, b)] = n + m;
    m += 1;
  }
  return { n, left, right, distance, size };
}
