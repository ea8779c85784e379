import { describe, expect, it } from "vitest";
import { mannWhitneyU, type MannWhitneyMethod } from "./mann-whitney";
import { normalSurvival } from "./normal";
import { StatisticsInputError } from "./statistics-input-error";
import { expectClose } from "./testing/expect-close";
import reference from "./testing/reference.json";

// p and z agree with SciPy to 1e-12 relative (worst measured below 1e-13,
// including p ≈ 1.4e-197 for 600 vs 600 separated values); U is exact.
const TOLERANCE = 1e-12;

describe("mannWhitneyU", () => {
  it("follows the textbook computation on a tiny sample (by hand)", () => {
    // Pooled ranks: x = 1, 2, 4 → 1, 2, 4; y = 3, 5 → 3, 5. R₁ = 7, U₁ = 7 − 3·4/2 = 1, U₂ = 2·3 − 1 = 5.
    const asymptotic = mannWhitneyU([1, 2, 4], [3, 5], { method: "asymptotic" });
    expect(asymptotic.u1).toBe(1);
    expect(asymptotic.u2).toBe(5);
    // μ = 3, σ² = 2·3·6/12 = 3, z = (5 − 3 − ½)/√3.
    expectClose(asymptotic.z, 1.5 / Math.sqrt(3), 1e-15, "z");
    expectClose(asymptotic.p, 2 * normalSurvival(1.5 / Math.sqrt(3)), 1e-15, "asymptotic p");
    // Exact: of the C(5, 2) = 10 ways to place y's two ranks, U ≥ 5 happens for {4, 5} and {3, 5}: p = 2 · 2/10.
    const exact = mannWhitneyU([1, 2, 4], [3, 5], { method: "exact" });
    expect(exact.method).toBe("exact");
    expectClose(exact.p, 0.4, 1e-15, "exact p");
  });

  it("gives p = 2/C(16, 8) for two completely separated groups of 8 (by hand)", () => {
    const x = [8, 9, 10, 11, 12, 13, 14, 15];
    const y = [0, 1, 2, 3, 4, 5, 6, 7];
    expectClose(mannWhitneyU(x, y, { method: "exact" }).p, 2 / 12870, 1e-15, "exact p");
  });

  it.each(reference.mannWhitney)("matches scipy.stats.mannwhitneyu: $name ($method)", (entry) => {
    const result = mannWhitneyU(entry.x, entry.y, { method: entry.method as MannWhitneyMethod, continuity: entry.continuity });
    expect(result.method).toBe(entry.method);
    expect(result.u1).toBe(entry.u1);
    expect(result.u2).toBe(entry.u2);
    expectClose(result.p, entry.p, TOLERANCE, "p");
    // SciPy's z is −∞ when every value is tied (zero variance); ours is 0 there.
    if (entry.z === null) expect(result.z).toBe(0);
    else expectClose(result.z, entry.z, TOLERANCE, "z", 1e-15);
  });

  it.each(reference.mannWhitney)("chooses the method as SciPy's method='auto' does: $name", (entry) => {
    const result = mannWhitneyU(entry.x, entry.y);
    expect(result.method).toBe(entry.autoMethod);
    expectClose(result.p, entry.autoP, TOLERANCE, "auto p");
  });

  it("is symmetric in its samples", () => {
    const x = [0.12, 0.5, 0.33, 0.9, 0.05, 0.41];
    const y = [0.2, 0.7, 0.65, 0.8, 0.95, 0.6, 0.77];
    for (const method of ["asymptotic", "exact"] as const) {
      const forward = mannWhitneyU(x, y, { method });
      const backward = mannWhitneyU(y, x, { method });
      expect(backward.u1).toBe(forward.u2);
      expect(backward.p).toBe(forward.p);
    }
  });

  it("agrees between exact and asymptotic p once samples are moderate", () => {
    // 8 vs 60 interleaved without ties, x shifted up: p is a few per cent, and the normal approximation is within 15 % of it (SciPy: 0.0208 exact, 0.0229 asymptotic).
    const x = Array.from({ length: 8 }, (_, i) => 4 * i + 30.2);
    const y = Array.from({ length: 60 }, (_, j) => j);
    const exact = mannWhitneyU(x, y, { method: "exact" }).p;
    const asymptotic = mannWhitneyU(x, y, { method: "asymptotic" }).p;
    expect(exact).toBeGreaterThan(0.005);
    expect(exact).toBeLessThan(0.2);
    expect(Math.abs(exact - asymptotic) / exact).toBeLessThan(0.15);
  });

  it("refuses an empty group, NaN, and an exact test on tied data", () => {
    expect(() => mannWhitneyU([], [1, 2])).toThrow(StatisticsInputError);
    expect(() => mannWhitneyU([1, NaN], [1, 2])).toThrow("is NaN");
    expect(() => mannWhitneyU([1, 2, 2], [3, 4], { method: "exact" })).toThrow("assumes no ties");
    expect(() => mannWhitneyU(new Array(400).fill(0).map((_, i) => i), new Array(400).fill(0).map((_, i) => i + 0.5), { method: "exact" })).toThrow(
      "too costly",
    );
  });
});
