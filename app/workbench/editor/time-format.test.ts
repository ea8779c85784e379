import { describe, expect, it } from "vitest";
import { formatClock, rangeText, tickDecimals, tickStep, ticksBetween } from "./time-format";

describe("formatClock", () => {
  it("prints m:ss, h:mm:ss and decimals", () => {
    expect(formatClock(0)).toBe("0:00");
    expect(formatClock(75.4)).toBe("1:15");
    expect(formatClock(12.3, 2)).toBe("0:12.30");
    expect(formatClock(3600)).toBe("1:00:00");
    expect(formatClock(3725.5, 1)).toBe("1:02:05.5");
  });

  it("carries rounding into the minute instead of printing 60 seconds", () => {
    expect(formatClock(59.999, 2)).toBe("1:00.00");
    expect(formatClock(59.6)).toBe("1:00");
  });

  it("reads negative and non-finite times as zero", () => {
    expect(formatClock(-3, 1)).toBe("0:00.0");
    expect(formatClock(Number.NaN)).toBe("0:00");
  });
});

describe("rangeText", () => {
  it("says start, end and length, in order whichever end came first", () => {
    expect(rangeText(12.3, 15)).toBe("0:12.30–0:15.00 · 2.70 s");
    expect(rangeText(15, 12.3)).toBe("0:12.30–0:15.00 · 2.70 s");
  });
});

describe("timeline ticks", () => {
  it("picks steps from frames to hours by zoom", () => {
    expect(tickStep(2000)).toBe(0.05);
    expect(tickStep(100)).toBe(1);
    expect(tickStep(1 / 3)).toBe(300);
    expect(tickStep(0.001)).toBe(7200);
  });

  it("lists ticks on multiples of the step inside the window, without floating drift", () => {
    expect(ticksBetween(0.95, 1.3, 0.1)).toEqual([1, 1.1, 1.2, 1.3]);
    expect(ticksBetween(0, 10, 5)).toEqual([0, 5, 10]);
    expect(ticksBetween(3.01, 3.02, 1)).toEqual([]);
  });

  it("gives labels the decimals the step needs", () => {
    expect(tickDecimals(5)).toBe(0);
    expect(tickDecimals(0.2)).toBe(1);
    expect(tickDecimals(0.02)).toBe(2);
  });
});
