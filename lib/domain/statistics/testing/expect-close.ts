import { expect } from "vitest";

/**
 * Asserts |actual − expected| ≤ max(relative·|expected|, absolute), with a
 * message that names the case, so a failing reference value says which one.
 */
export function expectClose(actual: number, expected: number, relative: number, what: string, absolute = 0): void {
  const tolerance = Math.max(relative * Math.abs(expected), absolute);
  const error = Math.abs(actual - expected);
  expect(error <= tolerance, `${what}: got ${actual}, expected ${expected} (error ${error.toExponential(2)}, tolerance ${tolerance.toExponential(2)})`).toBe(true);
}

