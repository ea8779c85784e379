import { describe, expect, it } from "vitest";
import { toNotebookCellValue } from "./notebook-cell-value";

describe("toNotebookCellValue", () => {
  it("keeps NULL as null whatever the type", () => {
    expect(toNotebookCellValue(null, "integer")).toBeNull();
    expect(toNotebookCellValue(null, "text")).toBeNull();
  });

  it("reads booleans and exact numbers", () => {
    expect(toNotebookCellValue("true", "boolean")).toBe(true);
    expect(toNotebookCellValue("false", "boolean")).toBe(false);
    expect(toNotebookCellValue("-42", "integer")).toBe(-42);
    expect(toNotebookCellValue("7", "smallint")).toBe(7);
  });

  it("keeps a bigint a number while it is exact, and its digits as text beyond 2^53 - 1", () => {
    expect(toNotebookCellValue("9007199254740991", "bigint")).toBe(9007199254740991);
    expect(toNotebookCellValue("-9007199254740991", "bigint")).toBe(-9007199254740991);
    expect(toNotebookCellValue("9007199254740993", "bigint")).toBe("9007199254740993");
  });

  it("reads floats and numerics as numbers, and spells out the values JSON cannot hold", () => {
    expect(toNotebookCellValue("0.1", "double precision")).toBe(0.1);
    expect(toNotebookCellValue("1.50", "numeric")).toBe(1.5);
    expect(toNotebookCellValue("-1e-05", "real")).toBe(-0.00001);
    expect(toNotebookCellValue("NaN", "double precision")).toBe("NaN");
    expect(toNotebookCellValue("-Infinity", "numeric")).toBe("-Infinity");
  });

  it("writes instants as ISO 8601 in UTC; a timestamp without zone is taken as UTC, as Prisma stores it", () => {
    expect(toNotebookCellValue("2024-03-01 09:15:00.5+00", "timestamp with time zone")).toBe("2024-03-01T09:15:00.500Z");
    expect(toNotebookCellValue("2024-03-01 09:15:00.123456+00", "timestamp with time zone")).toBe("2024-03-01T09:15:00.123Z");
    expect(toNotebookCellValue("2024-03-01 23:00:00-02", "timestamp with time zone")).toBe("2024-03-02T01:00:00.000Z");
    expect(toNotebookCellValue("2024-03-01 09:15:00", "timestamp without time zone")).toBe("2024-03-01T09:15:00.000Z");
  });

  it("keeps what has no ISO form as PostgreSQL writes it", () => {
    expect(toNotebookCellValue("infinity", "timestamp with time zone")).toBe("infinity");
    expect(toNotebookCellValue("0044-03-15 12:00:00+00 BC", "timestamp with time zone")).toBe("0044-03-15 12:00:00+00 BC");
  });

  it("passes dates, text and everything else through as text", () => {
    expect(toNotebookCellValue("2024-03-01", "date")).toBe("2024-03-01");
    expect(toNotebookCellValue("{clipped,silent}", "text[]")).toBe("{clipped,silent}");
    expect(toNotebookCellValue('{"a": 1}', "jsonb")).toBe('{"a": 1}');
    expect(toNotebookCellValue("1 day 02:00:00", "interval")).toBe("1 day 02:00:00");
  });
});
