import { regularizedGammaP, regularizedGammaQ } from "./gamma";

/**
 * Complementary error function. erfc(x) = Q(½, x²) for x ≥ 0, and Q comes
 * from a continued fraction there, so the tail keeps full relative accuracy
 * (erfc(26) ≈ 5.7e-296) instead of vanishing into 1 − erf(x).
 */
export function erfc(x: number): number {
  if (Number.isNaN(x)) return NaN;
  const square = x * x;
  return x >= 0 ? regularizedGammaQ(0.5, square) : 1 + regularizedGammaP(0.5, square);
}

/** Standard normal survival function P(Z > z) (scipy.stats.norm.sf), accurate in the upper tail. */
export function normalSurvival(z: number): number {
  if (Number.isNaN(z)) return NaN;
  // ½ erfc(z/√2), with the square formed directly so no √2 rounding enters.
  const half = (z * z) / 2;
  return z >= 0 ? 0.5 * regularizedGammaQ(0.5, half) : 0.5 * (1 + regularizedGammaP(0.5, half));
}

/** Standard normal CDF P(Z ≤ z) (scipy.stats.norm.cdf), accurate in the lower tail. */
export function normalCdf(z: number): number {
  return normalSurvival(-z);
}
