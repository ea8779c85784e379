import { describe, expect, it } from "vitest";
import { formatTick, formatValue, niceTicks } from "./nice-ticks";

describe("niceTicks", () => {
  it("steps by 1, 2 or 5 × 10ᵏ and widens the extent to whole steps", () => {
    expect(niceTicks(17, 93, 5)).toEqual({ domain: [0, 100], step: 20, ticks: [0, 20, 40, 60, 80, 100] });
    expect(niceTicks(0.25, 2, 5)).toEqual({ domain: [0, 2], step: 0.5, ticks: [0, 0.5, 1, 1.5, 2] });
    expect(niceTicks(0, 0.3, 3).ticks).toEqual([0, 0.1, 0.2, 0.3]);
    expect(niceTicks(-3, 0, 3)).toEqual({ domain: [-3, 0], step: 1, ticks: [-3, -2, -1, 0] });
  });

  it("widens an empty extent around its value, keeping zero at zero", () => {
    expect(niceTicks(0, 0).domain).toEqual([0, 1]);
    expect(niceTicks(3, 3).domain).toEqual([1.5, 4.5]);
    expect(niceTicks(-2, -2).domain).toEqual([-3, -1]);
  });
});

describe("formatTick and formatValue", () => {
  it("writes ticks with the step's decimals and grouped thousands", () => {
    expect([0, 0.5, 1].map((tick) => formatTick(tick, 0.5))).toEqual(["0", "0.5", "1.0"]);
    expect(formatTick(1_200_000, 200_000)).toBe("1,200,000");
    expect(formatTick(-2.5, 0.5)).toBe("-2.5");
    expect(formatTick(1.5e-9, 5e-10)).toBe("1.5e-9");
  });

  it("writes values for tooltips to four significant digits", () => {
    expect([1234567, 0.123456, -2.5, 3, 1e-7].map(formatValue)).toEqual(["1,234,567", "0.1235", "-2.5", "3", "1.000e-7"]);
  });
});
