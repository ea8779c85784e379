/**
 * A minimum spanning tree of the mutual-reachability graph: n - 1 edges
 * (`from[e]`, `to[e]`) with float64 weights, in no particular order.
 */
export interface SpanningTree {
  readonly n: number;
  readonly from: Int32Array;
  readonly to: Int32Array;
  readonly weight: Float64Array;
}

/** Edge numbers by ascending weight; ties by the lower, then the higher end, so that the hierarchy does not depend on how the tree was found. */
export function edgesByWeight(tree: SpanningTree): Uint32Array {
  const { from, to, weight } = tree;
  const order = Uint32Array.from({ length: weight.length }, (_, e) => e);
  return order.sort((x, y) => {
    const byWeight = weight[x]! - weight[y]!;
    if (byWeight !== 0) return byWeight;
    const lowX = Math.min(from[x]!, to[x]!);
    const lowY = Math.min(from[y]!, to[y]!);
    return lowX - lowY || Math.max(from[x]!, to[x]!) - Math.max(from[y]!, to[y]!);
  });
}
