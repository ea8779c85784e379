import { clusterStabilities, type CondensedTree } from "./condensed-tree";

export interface FlatClustering {
  /** -1 for noise, clusters 0..C-1 by size, largest first (ties: the earlier cluster in the tree). */
  readonly labels: Int32Array;
  /** Membership strength 0..1 (0 for noise), as the library's `probabilities_`. */
  readonly probabilities: Float32Array;
  /** By id. Stability is Infinity when points of the cluster coincide (they part at lambda = 1 / 0), as in the library; JSON writes it as null. */
  readonly clusters: { readonly id: number; readonly size: number; readonly stability: number }[];
}

/**
 * The library's excess-of-mass selection (`get_clusters` with
 * cluster_selection_method="eom", allow_single_cluster=False, no epsilon,
 * no maximum size): leaves upward, a cluster is kept when its own stability
 * is at least the summed stability of the clusters selected below it, which
 * are then dropped; the root is never a cluster. A point belongs to the
 * selected cluster it fell out of or that holds the cluster it fell out of;
 * otherwise it is noise. Its probability is its lambda, capped at the
 * largest lambda among the selected cluster's own rows, over that largest
 * lambda (1 where that is 0 or the point's lambda is infinite).
 */
export function excessOfMass(tree: CondensedTree): FlatClustering {
  const { n, clusters, parent, child, lambda, childSize } = tree;
  const stability = clusterStabilities(tree);
  const own = Float64Array.from(stability);
  const parentOf = new Int32Array(clusters).fill(-1);
  const children: number[][] = Array.from({ length: clusters }, () => []);
  const deathLambda = new Float64Array(clusters);
  const pointLambda = new Float64Array(n);
  const pointParent = new Int32Array(n);
  for (let row = 0; row < parent.length; row += 1) {
    const p = parent[row]! - n;
    deathLambda[p] = Math.max(deathLambda[p]!, lambda[row]!);
    if (childSize[row]! > 1) {
      parentOf[child[row]! - n] = p;
      children[p]!.push(child[row]! - n);
    } else {
      pointLambda[child[row]!] = lambda[row]!;
      pointParent[child[row]!] = p;
    }
  }

  const selected = new Uint8Array(clusters).fill(1);
  selected[0] = 0;
  // Children are numbered after their parents: descending order visits leaves first.
  for (let c = clusters - 1; c >= 1; c -= 1) {
    const below = children[c]!.reduce((sum, d) => sum + stability[d]!, 0);
    if (below > stability[c]!) {
      selected[c] = 0;
      stability[c] = below;
    } else {
      const stack = [...children[c]!];
      while (stack.length > 0) {
        const d = stack.pop()!;
        selected[d] = 0;
        stack.push(...children[d]!);
      }
    }
  }

  // The selected cluster that holds each cluster (parents first), or -1.
  const holder = new Int32Array(clusters).fill(-1);
  for (let c = 1; c < clusters; c += 1) holder[c] = selected[c] ? c : holder[parentOf[c]!]!;
  const sizes = new Int32Array(clusters);
  for (let i = 0; i < n; i += 1) {
    const h = holder[pointParent[i]!]!;
    if (h >= 0) sizes[h] = sizes[h]! + 1;
  }
  const chosen = Array.from({ length: clusters }, (_, c) => c)
    .filter((c) => selected[c])
    .sort((a, b) => sizes[b]! - sizes[a]! || a - b);
  const labelOf = new Int32Array(clusters).fill(-1);
  chosen.forEach((c, label) => (labelOf[c] = label));

  const labels = new Int32Array(n);
  const probabilities = new Float32Array(n);
  for (let i = 0; i < n; i += 1) {
    const h = holder[pointParent[i]!]!;
    labels[i] = h >= 0 ? labelOf[h]! : -1;
    if (h < 0) continue;
    const maxLambda = deathLambda[h]!;
    const at = pointLambda[i]!;
    probabilities[i] = maxLambda === 0 || !Number.isFinite(at) ? 1 : Math.min(at, maxLambda) / maxLambda;
  }
  return {
    labels,
    probabilities,
    clusters: chosen.map((c, id) => ({ id, size: sizes[c]!, stability: own[c]! })),
  };
}
