import { describe, expect, it } from "vitest";
import { exactCsvCell } from "./exact-csv-cell";
import { ExportFormatError } from "./export-format-error";
import { formatFixed, requireFixed } from "./fixed-number";

describe("formatFixed", () => {
  it("writes exactly the asked decimals, rounding half away from zero on exact halves", () => {
    expect(formatFixed(12.5, 3)).toBe("12.500");
    expect(formatFixed(1.0625, 3)).toBe("1.063");
    expect(formatFixed(0.61234567, 6)).toBe("0.612346");
    expect(formatFixed(32000, 0)).toBe("32000");
    expect(formatFixed(-0.25, 1)).toBe("-0.3");
  });

  it("drops the sign of a value that rounds to zero, and gives null for values that are not finite", () => {
    expect(formatFixed(-1e-9, 6)).toBe("0.000000");
    expect(formatFixed(-0, 3)).toBe("0.000");
    expect(formatFixed(-0.0004, 3)).toBe("0.000");
    expect(formatFixed(Number.NaN, 3)).toBeNull();
    expect(formatFixed(-Infinity, 3)).toBeNull();
  });

  it("requireFixed names the field when the value is not a number", () => {
    expect(requireFixed(2, 1, "x")).toBe("2.0");
    expect(() => requireFixed(Number.NaN, 3, "duration of item r1")).toThrow(ExportFormatError);
    expect(() => requireFixed(Number.NaN, 3, "duration of item r1")).toThrow("cannot write duration of item r1: it is NaN");
  });
});

describe("exactCsvCell", () => {
  it("quotes like csvCell but refuses what the formula guard would alter", () => {
    expect(exactCsvCell("a,b", "label")).toBe('"a,b"');
    expect(exactCsvCell(null, "region id")).toBe("");
    for (const value of ["=1", "+1", "-1", "@x", "\tx", "\rx"]) expect(() => exactCsvCell(value, "label")).toThrow(ExportFormatError);
  });
});
