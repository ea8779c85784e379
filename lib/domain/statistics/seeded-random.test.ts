import { describe, expect, it } from "vitest";
import { createSeededRandom } from "./seeded-random";

describe("createSeededRandom", () => {
  it("repeats its sequence for a seed and differs between seeds", () => {
    const first = createSeededRandom(2024);
    const second = createSeededRandom(2024);
    const a = Array.from({ length: 5 }, first);
    expect(Array.from({ length: 5 }, second)).toEqual(a);
    expect(Array.from({ length: 5 }, createSeededRandom(2025))).not.toEqual(a);
  });

  it("stays in [0, 1) and is roughly uniform", () => {
    const random = createSeededRandom(9);
    const bins = new Array<number>(10).fill(0);
    let outside = 0;
    for (let i = 0; i < 100_000; i++) {
      const value = random();
      if (!(value >= 0 && value < 1)) outside++;
      else bins[Math.floor(value * 10)]!++;
    }
    expect(outside).toBe(0);
    // Each bin expects 10,000 with standard deviation 95; 5 % is over 5σ.
    for (const count of bins) expect(Math.abs(count - 10_000)).toBeLessThan(500);
  });
});
