import { setImmediate } from "node:timers/promises";
import { findABParams } from "umap-js/dist/umap.js";
import { smoothKnnDistances } from "./fuzzy-graph";
import { nearestReferenceRows } from "./knn-queries";
import { prepareVectors } from "./knn-prepared";
import { LEARNING_RATE, NEGATIVE_SAMPLE_RATE } from "./layout-optimizer";
import { throwIfProjectionCancelled } from "./projection-cancelled-error";
import { ProjectionInputError } from "./projection-input-error";
import type { ProjectionMetric } from "./projection-metric";
import { mulberry32 } from "./seeded-random";
import { attraction, clipGradient, GRADIENT_CLIP, repulsion } from "./umap-gradient";

export interface PlaceIntoProjectionOptions {
  /** The projection's points: embeddings (n x dims) and their 2-D coordinates (n x 2), as stored. */
  readonly reference: { readonly vectors: Float32Array; readonly coordinates: Float32Array };
  /** The new points, m x dims. */
  readonly vectors: Float32Array;
  readonly dims: number;
  /** The projection's own parameters. */
  readonly metric: ProjectionMetric;
  readonly nNeighbors: number;
  readonly minDist: number;
  readonly seed: number;
  readonly signal?: AbortSignal;
}

/**
 * Places new points into an existing projection without moving it: umap-js's
 * transform (membership of each new point's k nearest projection points, a
 * start at their weighted mean, then 100 epochs, 30 above 10,000 new points,
 * pulling only the new points), from the stored embeddings and coordinates
 * rather than from a live umap-js instance, and with exact neighbours.
 * Returns m x 2 coordinates.
 *
 * umap-js's own transform would need the fitted UMAP object still in memory
 * (it keeps the graph and layout in private fields), searches neighbours
 * approximately from random starts when the fit was given a precomputed
 * graph, and moves the old layout too when exactly n points are transformed.
 */
export async function placeIntoProjection(options: PlaceIntoProjectionOptions): Promise<Float32Array> {
  const { reference, vectors, dims, metric, nNeighbors, minDist, seed, signal } = options;
  const n = reference.coordinates.length / 2;
  const m = vectors.length / dims;
  if (!Number.isInteger(n) || reference.vectors.length !== n * dims) {
    throw new ProjectionInputError(`the projection has ${reference.coordinates.length / 2} coordinate pairs but ${reference.vectors.length / dims} ${dims}-dimensional embeddings`);
  }
  if (!Number.isInteger(m)) {
    throw new ProjectionInputError(`the new points hold ${vectors.length} values, which is not a whole number of ${dims}-dimensional embeddings`);
  }
  if (nNeighbors < 1 || nNeighbors > n) {
    throw new ProjectionInputError(`cannot place points by ${nNeighbors} neighbours into a projection of ${n} points`);
  }
  if (m === 0) return new Float32Array(0);
  throwIfProjectionCancelled(signal, "placing new points");

  const k = nNeighbors;
  const { indices, distances } = nearestReferenceRows(
    prepareVectors(reference.vectors, n, dims, metric),
    prepareVectors(vectors, m, dims, metric),
    k,
    () => throwIfProjectionCancelled(signal, "placing new points"),
  );
  // Local connectivity 0 as in umap-js's transform: no point is assumed to touch its nearest neighbour.
  const { sigmas } = smoothKnnDistances(distances, m, k, 0);
  const memberships = new Float64Array(m * k);
  let maxMembership = 0;
  for (let e = 0; e < m * k; e += 1) {
    const d = distances[e]!;
    memberships[e] = d <= 0 ? 1 : Math.exp(-(d / sigmas[Math.floor(e / k)]!));
    maxMembership = Math.max(maxMembership, memberships[e]!);
  }

  const y = new Float64Array(m * 2);
  const old = reference.coordinates;
  for (let q = 0; q < m; q += 1) {
    let total = 0;
    for (let c = 0; c < k; c += 1) total += memberships[q * k + c]!;
    for (let c = 0; c < k; c += 1) {
      const share = total > 0 ? memberships[q * k + c]! / total : 1 / k;
      const j = indices[q * k + c]!;
      y[2 * q] = y[2 * q]! + share * old[2 * j]!;
      y[2 * q + 1] = y[2 * q + 1]! + share * old[2 * j + 1]!;
    }
  }

  const nEpochs = m <= 10_000 ? 100 : 30;
  const { a, b } = findABParams(1, minDist);
  const random = mulberry32(seed);
  const edges: number[] = [];
  for (let e = 0; e < m * k; e += 1) if (memberships[e]! >= maxMembership / nEpochs) edges.push(e);
  const epochsPerSample = Float64Array.from(edges, (e) => maxMembership / memberships[e]!);
  const epochsPerNegativeSample = epochsPerSample.map((value) => value / NEGATIVE_SAMPLE_RATE);
  const nextSample = epochsPerSample.slice();
  const nextNegativeSample = epochsPerNegativeSample.slice();
  let alpha = LEARNING_RATE;
  for (let epoch = 0; epoch < nEpochs; epoch += 1) {
    throwIfProjectionCancelled(signal, "placing new points");
    for (let s = 0; s < edges.length; s += 1) {
      if (nextSample[s]! > epoch) continue;
      const q = Math.floor(edges[s]! / k);
      const j = indices[edges[s]!]!;
      let dx = y[2 * q]! - old[2 * j]!;
      let dy = y[2 * q + 1]! - old[2 * j + 1]!;
      let dist2 = dx * dx + dy * dy;
      if (dist2 > 0) {
        const coeff = attraction(dist2, a, b);
        y[2 * q] = y[2 * q]! + clipGradient(coeff * dx) * alpha;
        y[2 * q + 1] = y[2 * q + 1]! + clipGradient(coeff * dy) * alpha;
      }
      nextSample[s] = nextSample[s]! + epochsPerSample[s]!;
      const negatives = Math.floor((epoch - nextNegativeSample[s]!) / epochsPerNegativeSample[s]!);
      for (let p = 0; p < negatives; p += 1) {
        const other = Math.floor(random() * n);
        dx = y[2 * q]! - old[2 * other]!;
        dy = y[2 * q + 1]! - old[2 * other + 1]!;
        dist2 = dx * dx + dy * dy;
        if (dist2 > 0) {
          const coeff = repulsion(dist2, a, b);
          y[2 * q] = y[2 * q]! + clipGradient(coeff * dx) * alpha;
          y[2 * q + 1] = y[2 * q + 1]! + clipGradient(coeff * dy) * alpha;
        } else {
          y[2 * q] = y[2 * q]! + GRADIENT_CLIP * alpha;
          y[2 * q + 1] = y[2 * q + 1]! + GRADIENT_CLIP * alpha;
        }
      }
      nextNegativeSample[s] = nextNegativeSample[s]! + negatives * epochsPerNegativeSample[s]!;
    }
    alpha = LEARNING_RATE * (1 - epoch / nEpochs);
    await setImmediate();
  }
  return Float32Array.from(y);
}
