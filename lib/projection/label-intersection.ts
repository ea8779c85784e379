import { fuzzyUnion, type SparseGraph, toSparseGraph } from "./fuzzy-graph";

// umap-js's categorical supervision (setSupervisedProjection with its default
// target weight 0.5): edges between different labels are weakened by
// exp(-FAR_DISTANCE), edges touching an unlabelled point by exp(-UNKNOWN_DISTANCE).
const TARGET_WEIGHT = 0.5;
const FAR_DISTANCE = 2.5 * (1 / (1 - TARGET_WEIGHT));
const UNKNOWN_DISTANCE = 1;

/**
 * The fuzzy graph intersected with the label classes, then each row scaled
 * to a maximum of 1 and united with its transpose again (umap-js's
 * categoricalSimplicialSetIntersection and resetLocalConnectivity). A label
 * of -1 marks a point without one.
 */
export function intersectWithLabels(graph: SparseGraph, labels: ArrayLike<number>): SparseGraph {
  const { n, rowStart, cols, weights } = graph;
  const rows = new Int32Array(cols.length);
  const scaled = new Float64Array(cols.length);
  for (let i = 0; i < n; i += 1) {
    let rowMax = 0;
    for (let e = rowStart[i]!; e < rowStart[i + 1]!; e += 1) {
      const j = cols[e]!;
      const factor =
        labels[i] === -1 || labels[j] === -1 ? Math.exp(-UNKNOWN_DISTANCE) : labels[i] !== labels[j] ? Math.exp(-FAR_DISTANCE) : 1;
      scaled[e] = weights[e]! * factor;
      rows[e] = i;
      rowMax = Math.max(rowMax, scaled[e]!);
    }
    for (let e = rowStart[i]!; e < rowStart[i + 1]!; e += 1) scaled[e] = rowMax > 0 ? scaled[e]! / rowMax : 0;
  }
  return fuzzyUnion(toSparseGraph(n, rows, cols, scaled));
}
