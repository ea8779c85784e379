import type { Pacer } from "./cancellation-pacer";
import type { RowDistances } from "./row-distances";
import type { SpanningTree } from "./spanning-tree";

/**
 * Prim's minimum spanning tree over the complete mutual-reachability graph,
 * d_mr(a, b) = max(core[a], core[b], d(a, b)), with the float64 distances of
 * `distances` computed one row at a time as each point joins the tree (float32
 * first, float64 where float32 rounding could change the outcome), so memory
 * stays O(n). Starts from point 0; the next point is the one with the
 * lowest weight, ties to the lower index; a point's link changes only on a
 * strictly lower weight. Pairs whose weight cannot beat the point's current
 * link (max(core[a], core[b]) >= it) are not measured at all.
 */
export async function exactSpanningTree(
  distances: RowDistances,
  core: Float64Array,
  pacer: Pacer,
  onProgress: (done: number, total: number) => void = () => {},
): Promise<SpanningTree> {
  const { n, rows, exactRows } = distances;
  const edges = Math.max(0, n - 1);
  const from = new Int32Array(edges);
  const to = new Int32Array(edges);
  const weight = new Float64Array(edges);
  const best = new Float64Array(n).fill(Infinity);
  const link = new Int32Array(n).fill(-1);
  const remaining = Int32Array.from({ length: edges }, (_, i) => i + 1);
  let count = edges;
  let current = 0;
  for (let step = 0; step < edges; step += 1) {
    if (step % 64 === 0) {
      await pacer.tick();
      onProgress(step, edges);
    }
    const coreCurrent = core[current]!;
    let measured = 0;
    for (let t = 0; t < count; t += 1) {
      const v = remaining[t]!;
      if (Math.max(coreCurrent, core[v]!) < best[v]!) rows[measured++] = v;
    }
    // The float32 distance settles most pairs: when it is certainly below both
    // core distances the weight is the larger core distance, when certainly not
    // below the current link the pair cannot win; the rest are measured again
    // in float64, so the tree is the one float64 distances give.
    const approximate = distances.approximate(current, measured);
    let doubtful = 0;
    for (let t = 0; t < measured; t += 1) {
      const v = rows[t]!;
      const lower = Math.max(coreCurrent, core[v]!);
      const d = approximate[t]!;
      const error = distances.errorBound(d);
      if (d + error <= lower) {
        best[v] = lower;
        link[v] = current;
      } else if (d - error < best[v]!) {
        exactRows[doubtful++] = v;
      }
    }
    const exact = distances.exact(current, doubtful);
    for (let t = 0; t < doubtful; t += 1) {
      const v = exactRows[t]!;
      const w = Math.max(coreCurrent, core[v]!, exact[t]!);
      if (w < best[v]!) {
        best[v] = w;
        link[v] = current;
      }
    }
    let chosen = 0;
    for (let t = 1; t < count; t += 1) {
      const v = remaining[t]!;
      const c = remaining[chosen]!;
      if (best[v]! < best[c]! || (best[v] === best[c] && v < c)) chosen = t;
    }
    const next = remaining[chosen]!;
    from[step] = link[next]!;
    to[step] = next;
    weight[step] = best[next]!;
    // Kept in index order (not swapped with the last) so that the kernel reads rows in memory order.
    remaining.copyWithin(chosen, chosen + 1, count);
    count -= 1;
    current = next;
  }
  onProgress(edges, edges);
  return { n, from, to, weight };
}
