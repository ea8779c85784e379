/** Disjoint sets over 0..size-1 with path halving and union by size; `sizeOf` is valid for roots. */
export interface UnionFind {
  find(x: number): number;
  /** Joins the sets of two roots (the caller has found them) and returns the new root. */
  unionRoots(a: number, b: number): number;
  sizeOf(root: number): number;
}

export function createUnionFind(size: number): UnionFind {
  const parent = Int32Array.from({ length: size }, (_, i) => i);
  const sizes = new Int32Array(size).fill(1);
  return {
    find(x) {
      let node = x;
      while (parent[node] !== node) {
        parent[node] = parent[parent[node]!]!;
        node = parent[node]!;
      }
      return node;
    },
    unionRoots(a, b) {
      if (a === b) return a;
      const [big, small] = sizes[a]! >= sizes[b]! ? [a, b] : [b, a];
      parent[small] = big;
      sizes[big] = sizes[big]! + sizes[small]!;
      return big;
    },
    sizeOf(root) {
      return sizes[root]!;
    },
  };
}
