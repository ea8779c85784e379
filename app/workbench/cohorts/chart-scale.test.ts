import { describe, expect, it } from "vitest";
import { axisTicks, niceCeiling, tickLabels } from "./chart-scale";

describe("niceCeiling", () => {
  it("rounds up to 1, 2, 2.5 or 5 times a power of ten", () => {
    expect([0.013, 0.2, 0.21, 3.7, 4.2, 6, 10, 12].map(niceCeiling)).toEqual([0.02, 0.2, 0.25, 5, 5, 10, 10, 20]);
  });

  it("answers 1 for nothing to show", () => {
    expect([0, -1, Number.NaN, Number.POSITIVE_INFINITY].map(niceCeiling)).toEqual([1, 1, 1, 1]);
  });
});

describe("axis ticks", () => {
  it("spaces ticks evenly from 0 and writes them all with the decimals the finest one needs", () => {
    expect(axisTicks(0.5)).toEqual([0, 0.125, 0.25, 0.375, 0.5]);
    expect(tickLabels(axisTicks(0.5))).toEqual(["0.000", "0.125", "0.250", "0.375", "0.500"]);
    expect(tickLabels(axisTicks(20))).toEqual(["0", "5", "10", "15", "20"]);
    expect(tickLabels(axisTicks(1))).toEqual(["0.00", "0.25", "0.50", "0.75", "1.00"]);
    expect(tickLabels(axisTicks(0.02))).toEqual(["0.000", "0.005", "0.010", "0.015", "0.020"]);
  });
});
