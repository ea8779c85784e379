import { gaussian, mulberry32 } from "./seeded-random";

export interface SyntheticEmbeddings {
  readonly vectors: Float32Array;
  readonly labels: Int32Array;
}

/**
 * `n` points in `dims` dimensions around `clusters` random centres (spread
 * `centreScale`), each with unit-variance Gaussian noise; point i belongs to
 * cluster i % clusters. For tests and the benchmark: seeded, so reproducible.
 */
export function syntheticEmbeddings(n: number, dims: number, clusters: number, seed: number, centreScale = 4): SyntheticEmbeddings {
  const normal = gaussian(mulberry32(seed));
  const centres = Float64Array.from({ length: clusters * dims }, () => normal() * centreScale);
  const vectors = new Float32Array(n * dims);
  const labels = new Int32Array(n);
  for (let i = 0; i < n; i += 1) {
    const c = i % clusters;
    labels[i] = c;
    for (let d = 0; d < dims; d += 1) vectors[i * dims + d] = centres[c * dims + d]! + normal();
  }
  return { vectors, labels };
}
