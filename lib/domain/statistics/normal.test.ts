import { describe, expect, it } from "vitest";
import { erfc, normalCdf, normalSurvival } from "./normal";
import { expectClose } from "./testing/expect-close";
import reference from "./testing/reference.json";

// Relative tolerance 1e-13 for |z| ≤ 10 (worst measured 8e-15 to z = 8), 1e-12
// out to z = 37 (measured 1.1e-13 at sf ≈ 5.7e-300, from rounding z²/2).
describe("normal distribution", () => {
  it("has the textbook values (by hand)", () => {
    expect(normalSurvival(0)).toBe(0.5);
    expectClose(normalSurvival(1.959963984540054), 0.025, 1e-14, "sf(1.96)");
    expectClose(normalCdf(-1.959963984540054), 0.025, 1e-14, "cdf(−1.96)");
    // Mills ratio bound: φ(z)/z · (1 − 1/z²) < sf(z) < φ(z)/z, so at z = 8 sf lies within 1.6 % of 5.05e-16.
    const density = Math.exp(-32) / Math.sqrt(2 * Math.PI);
    expect(normalSurvival(8)).toBeLessThan(density / 8);
    expect(normalSurvival(8)).toBeGreaterThan((density / 8) * (1 - 1 / 64));
  });

  it.each(reference.normal)("matches scipy.stats.norm.sf and cdf at z = $z", ({ z, sf, cdf }) => {
    const tolerance = Math.abs(z) <= 10 ? 1e-13 : 1e-12;
    expectClose(normalSurvival(z), sf, tolerance, `norm.sf(${z})`);
    expectClose(normalCdf(z), cdf, tolerance, `norm.cdf(${z})`);
  });

  it.each(reference.erfc)("matches scipy.special.erfc at x = $x", ({ x, value }) => {
    expectClose(erfc(x), value, 1e-12, `erfc(${x})`);
  });

  it("handles infinities and NaN", () => {
    expect(normalSurvival(Infinity)).toBe(0);
    expect(normalSurvival(-Infinity)).toBe(1);
    expect(normalSurvival(NaN)).toBeNaN();
    expect(erfc(NaN)).toBeNaN();
  });
});
