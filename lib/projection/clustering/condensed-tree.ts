import type { SingleLinkage } from "./single-linkage";

/**
 * The hdbscan library's condensed tree: rows (parent cluster, child,
 * lambda = 1 / distance, child size); a child below n is a point falling out
 * of its cluster at that lambda, one of n or above a cluster born there.
 * Clusters are numbered n (the root) to n + clusters - 1, parents before
 * children.
 */
export interface CondensedTree {
  readonly n: number;
  readonly clusters: number;
  readonly parent: Int32Array;
  readonly child: Int32Array;
  readonly lambda: Float64Array;
  readonly childSize: Int32Array;
}

/**
 * Walks the single-linkage merges from the root as the library's
 * `condense_tree` does: a split where both sides hold at least
 * `minClusterSize` points gives two new clusters; otherwise the smaller
 * sides' points fall out of the cluster and the larger side (if large
 * enough) carries it on. Distance 0 gives lambda Infinity, as there.
 */
export function condenseTree(linkage: SingleLinkage, minClusterSize: number): CondensedTree {
  const { n, left, right, distance, size } = linkage;
  const parent: number[] = [];
  const child: number[] = [];
  const lambda: number[] = [];
  const childSize: number[] = [];
  if (n < 2) return freeze(n, 1, parent, child, lambda, childSize);
  const root = 2 * n - 2;
  const relabel = new Int32Array(2 * n - 1);
  const ignore = new Uint8Array(2 * n - 1);
  relabel[root] = n;
  let nextLabel = n + 1;
  const countOf = (node: number): number => (node < n ? 1 : size[node - n]!);
  const fallOut = (subtree: number, cluster: number, at: number): void => {
    for (const node of breadthFirst(linkage, subtree)) {
      if (node < n) {
        parent.push(cluster);
        child.push(node);
        lambda.push(at);
        childSize.push(1);
      }
      ignore[node] = 1;
    }
  };

  for (const node of breadthFirst(linkage, root)) {
    if (node < n || ignore[node]) continue;
    const m = node - n;
    const a = left[m]!;
    const b = right[m]!;
    const at = distance[m]! > 0 ? 1 / distance[m]! : Infinity;
    const cluster = relabel[node]!;
    const bigA = countOf(a) >= minClusterSize;
    const bigB = countOf(b) >= minClusterSize;
    if (bigA && bigB) {
      for (const side of [a, b]) {
        relabel[side] = nextLabel;
        parent.push(cluster);
        child.push(nextLabel);
        lambda.push(at);
        childSize.push(countOf(side));
        nextLabel += 1;
      }
    } else if (!bigA && !bigB) {
      fallOut(a, cluster, at);
      fallOut(b, cluster, at);
    } else if (!bigA) {
      relabel[b] = cluster;
      fallOut(a, cluster, at);
    } else {
      relabel[a] = cluster;
      fallOut(b, cluster, at);
    }
  }
  return freeze(n, nextLabel - n, parent, child, lambda, childSize);
}

function freeze(n: number, clusters: number, parent: number[], child: number[], lambda: number[], childSize: number[]): CondensedTree {
  return {
    n,
    clusters,
    parent: Int32Array.from(parent),
    child: Int32Array.from(child),
    lambda: Float64Array.from(lambda),
    childSize: Int32Array.from(childSize),
  };
}

/** Nodes of the subtree under `top` in the library's breadth-first order (each node's left, then right child). */
function breadthFirst(linkage: SingleLinkage, top: number): Int32Array {
  const { n, left, right } = linkage;
  const count = top < n ? 1 : 2 * linkage.size[top - n]! - 1;
  const queue = new Int32Array(count);
  queue[0] = top;
  let tail = 1;
  for (let head = 0; head < tail; head += 1) {
    const node = queue[head]!;
    if (node < n) continue;
    queue[tail++] = left[node - n]!;
    queue[tail++] = right[node - n]!;
  }
  return queue;
}

/**
 * Stability of each cluster (index = cluster - n), as the library's
 * `compute_stability`: the sum over its rows of (lambda - its birth lambda)
 * times the child's size. A row at lambda Infinity under a cluster born at
 * Infinity adds 0 (the library would give NaN).
 */
export function clusterStabilities(tree: CondensedTree): Float64Array {
  const { n, clusters, parent, child, lambda, childSize } = tree;
  const birth = new Float64Array(clusters);
  for (let row = 0; row < child.length; row += 1) if (child[row]! >= n) birth[child[row]! - n] = lambda[row]!;
  const stability = new Float64Array(clusters);
  for (let row = 0; row < parent.length; row += 1) {
    const c = parent[row]! - n;
    const persisted = lambda[row] === birth[c] ? 0 : lambda[row]! - birth[c]!;
    stability[c] = stability[c]! + persisted * childSize[row]!;
  }
  return stability;
}
