import { describe, expect, it } from "vitest";
import { retryDelaySeconds } from "./retry-backoff";

describe("retryDelaySeconds", () => {
  const policy = { baseSeconds: 5, maxSeconds: 60 };

  it("doubles the ceiling with each attempt", () => {
    expect(retryDelaySeconds(1, 0.999999, policy)).toBeCloseTo(5, 3);
    expect(retryDelaySeconds(2, 0.999999, policy)).toBeCloseTo(10, 3);
    expect(retryDelaySeconds(3, 0.999999, policy)).toBeCloseTo(20, 3);
  });

  it("keeps at least half the ceiling so retries never fire at once", () => {
    expect(retryDelaySeconds(1, 0, policy)).toBe(2.5);
    expect(retryDelaySeconds(4, 0, policy)).toBe(20);
  });

  it("caps the delay at maxSeconds", () => {
    expect(retryDelaySeconds(20, 0.999999, policy)).toBeLessThanOrEqual(60);
    expect(retryDelaySeconds(20, 0, policy)).toBe(30);
  });

  it("rejects nonsense input", () => {
    expect(() => retryDelaySeconds(0, 0.5, policy)).toThrow(RangeError);
    expect(() => retryDelaySeconds(1, 1, policy)).toThrow(RangeError);
  });
});
