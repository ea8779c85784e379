import { describe, expect, it } from "vitest";
import { cliffsDelta, cliffsDeltaMagnitude } from "./cliffs-delta";
import { mannWhitneyU } from "./mann-whitney";
import { createSeededRandom } from "./seeded-random";
import { StatisticsInputError } from "./statistics-input-error";
import reference from "./testing/reference.json";

/** The definition: every pair compared, O(n·m). */
function pairwiseDelta(x: readonly number[], y: readonly number[]): number {
  let sum = 0;
  for (const a of x) for (const b of y) sum += Math.sign(a - b);
  return sum / (x.length * y.length);
}

describe("cliffsDelta", () => {
  it("counts pairs on a tiny sample (by hand)", () => {
    // x = 1, 3 against y = 2, 3: pairs (1,2) <, (1,3) <, (3,2) >, (3,3) tie → (1 − 2)/4.
    expect(cliffsDelta([1, 3], [2, 3])).toEqual({ delta: -0.25, magnitude: "small" });
  });

  it.each(reference.cliffsDelta)("matches the pairwise definition computed in NumPy: $name", ({ x, y, delta }) => {
    expect(cliffsDelta(x, y).delta).toBeCloseTo(delta, 14);
  });

  it("equals the pairwise definition on random data with and without ties", () => {
    const random = createSeededRandom(11);
    for (let trial = 0; trial < 40; trial++) {
      const n = 1 + Math.floor(random() * 60);
      const m = 1 + Math.floor(random() * 60);
      // Half the trials draw from 6 levels, so ties are frequent.
      const draw = trial % 2 === 0 ? () => Math.floor(random() * 6) : () => random() - 0.5;
      const x = Array.from({ length: n }, draw);
      const y = Array.from({ length: m }, draw);
      expect(cliffsDelta(x, y).delta).toBeCloseTo(pairwiseDelta(x, y), 12);
    }
  });

  it("is 2·U₁/(n·m) − 1, the Mann–Whitney statistic rescaled", () => {
    const x = [0.1, 0.4, 0.4, 0.9, 0.0, 0.0];
    const y = [0.2, 0.4, 0.0, 0.5, 0.7];
    const { u1 } = mannWhitneyU(x, y);
    expect(cliffsDelta(x, y).delta).toBeCloseTo((2 * u1) / (x.length * y.length) - 1, 14);
  });

  it("flips sign when the samples swap and reaches ±1 for separated samples", () => {
    expect(cliffsDelta([5, 6, 7], [1, 2]).delta).toBe(1);
    expect(cliffsDelta([1, 2], [5, 6, 7]).delta).toBe(-1);
  });

  it("labels magnitudes at Romano's thresholds", () => {
    expect(cliffsDeltaMagnitude(0.146)).toBe("negligible");
    expect(cliffsDeltaMagnitude(-0.147)).toBe("small");
    expect(cliffsDeltaMagnitude(0.329)).toBe("small");
    expect(cliffsDeltaMagnitude(0.33)).toBe("medium");
    expect(cliffsDeltaMagnitude(-0.473)).toBe("medium");
    expect(cliffsDeltaMagnitude(0.474)).toBe("large");
    expect(cliffsDeltaMagnitude(-1)).toBe("large");
  });

  it("is fast on large samples where the pairwise loop is not", () => {
    const random = createSeededRandom(5);
    const x = Float64Array.from({ length: 200_000 }, () => random());
    const y = Float64Array.from({ length: 200_000 }, () => random() + 0.01);
    const started = performance.now();
    const { delta } = cliffsDelta(x, y);
    // 4·10¹⁰ pairs would take a minute; sorting takes tens of milliseconds.
    expect(performance.now() - started).toBeLessThan(1000);
    expect(delta).toBeGreaterThan(-0.04);
    expect(delta).toBeLessThan(0);
  });

  it("refuses empty samples and NaN", () => {
    expect(() => cliffsDelta([], [1])).toThrow(StatisticsInputError);
    expect(() => cliffsDelta([1], [NaN])).toThrow("y[0] is NaN");
  });
});
