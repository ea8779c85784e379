// The per-pair gradient coefficients of UMAP's layout optimisation as umap-js
// computes them (optimizeLayoutStep), shared by the fit and by placement.
// x^b is written exp(b ln x): V8's Math.pow with a fractional exponent took
// 55-70 ns here against 30-40 ns, and it is the inner loop's largest cost.

/** umap-js's gradient clip. */
export const GRADIENT_CLIP = 4;

/** Coefficient of (y_i - y_j) pulling a sampled edge together; `dist2` > 0. */
export function attraction(dist2: number, a: number, b: number): number {
  const powB = Math.exp(b * Math.log(dist2));
  return (-2 * a * b * (powB / dist2)) / (a * powB + 1);
}

/** Coefficient of (y_i - y_j) pushing a negative sample away; `dist2` > 0, repulsion strength 1. */
export function repulsion(dist2: number, a: number, b: number): number {
  return (2 * b) / ((0.001 + dist2) * (a * Math.exp(b * Math.log(dist2)) + 1));
}

export function clipGradient(x: number): number {
  return x > GRADIENT_CLIP ? GRADIENT_CLIP : x < -GRADIENT_CLIP ? -GRADIENT_CLIP : x;
}
