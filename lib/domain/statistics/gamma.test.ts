import { describe, expect, it } from "vitest";
import { logGamma, regularizedGammaP, regularizedGammaQ } from "./gamma";
import { StatisticsInputError } from "./statistics-input-error";
import { expectClose } from "./testing/expect-close";
import reference from "./testing/reference.json";

// Relative tolerances, measured worst cases in brackets: 1e-12 up to a = 250
// [4e-14]; 1e-11 at a = 1000 [4e-13], where a·ln x ≈ 7,000 in the shared
// prefactor costs its rounding. Values below 1e-300 are compared absolutely.
const toleranceFor = (a: number) => (a > 250 ? 1e-11 : 1e-12);

describe("logGamma", () => {
  it("gives ln Γ at points known in closed form", () => {
    expectClose(logGamma(5), Math.log(24), 1e-15, "ln Γ(5) = ln 4!");
    expectClose(logGamma(0.5), 0.5 * Math.log(Math.PI), 1e-15, "ln Γ(½) = ln √π");
    expect(Math.abs(logGamma(1))).toBeLessThan(1e-14);
    expect(Math.abs(logGamma(2))).toBeLessThan(1e-14);
  });

  it.each(reference.logGamma)("matches scipy.special.gammaln at x = $x", ({ x, value }) => {
    // Absolute near the zeros at 1 and 2, relative elsewhere.
    expectClose(logGamma(x), value, 1e-14, `gammaln(${x})`, 1e-14);
  });

  it("refuses x ≤ 0", () => {
    expect(() => logGamma(0)).toThrow(StatisticsInputError);
    expect(() => logGamma(-1)).toThrow("x > 0");
  });
});

describe("regularised incomplete gamma", () => {
  it("reduces to closed forms for integer a (by hand)", () => {
    // Q(1, x) = e^(−x); Q(3, x) = e^(−x)(1 + x + x²/2).
    expectClose(regularizedGammaQ(1, 0.7), Math.exp(-0.7), 1e-14, "Q(1, 0.7)");
    expectClose(regularizedGammaQ(3, 2), Math.exp(-2) * (1 + 2 + 2), 1e-14, "Q(3, 2)");
    expectClose(regularizedGammaP(3, 2), 1 - 5 * Math.exp(-2), 1e-14, "P(3, 2)");
    // Far tail through the continued fraction: Q(1, 700) = e^(−700) ≈ 9.86e-305.
    expectClose(regularizedGammaQ(1, 700), Math.exp(-700), 1e-13, "Q(1, 700)");
  });

  it.each(reference.gamma)("matches scipy.special.gammainc/gammaincc at a = $a, x = $x", ({ a, x, p, q }) => {
    const tolerance = toleranceFor(a);
    expectClose(regularizedGammaQ(a, x), q, tolerance, `gammaincc(${a}, ${x})`, 1e-300);
    expectClose(regularizedGammaP(a, x), p, tolerance, `gammainc(${a}, ${x})`, 1e-300);
  });

  it("has P + Q = 1 and the limits at 0 and ∞", () => {
    for (const [a, x] of [[0.5, 0.2], [4, 4], [40, 35], [2.5, 90]] as const) {
      expect(regularizedGammaP(a, x) + regularizedGammaQ(a, x)).toBeCloseTo(1, 14);
    }
    expect(regularizedGammaQ(2, 0)).toBe(1);
    expect(regularizedGammaP(2, 0)).toBe(0);
    expect(regularizedGammaQ(2, Infinity)).toBe(0);
  });

  it("refuses a ≤ 0 and negative x", () => {
    expect(() => regularizedGammaQ(0, 1)).toThrow(StatisticsInputError);
    expect(() => regularizedGammaP(1, -0.1)).toThrow("x ≥ 0");
    expect(() => regularizedGammaQ(1, NaN)).toThrow(StatisticsInputError);
  });
});
