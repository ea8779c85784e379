import { describe, expect, it } from "vitest";
import { parseManifestDate } from "./manifest-dates";

describe("parseManifestDate", () => {
  it.each([
    ["2024-03-01", "2024-03-01"],
    ["2024-03-01 09:15:00", "2024-03-01"],
    ["2024-03-01T09:15", "2024-03-01"],
    ["1.3.2024", "2024-03-01"],
    ["29.02.2024", "2024-02-29"],
    ["2024/3/1", "2024-03-01"],
  ])("reads %s as %s", (input, iso) => {
    expect(parseManifestDate(input)).toEqual({ ok: true, iso });
  });

  it.each(["01/02/2024", "13/02/2024", "1-2-24"])("refuses the ambiguous %s", (input) => {
    expect(parseManifestDate(input)).toMatchObject({ ok: false, reason: expect.stringContaining("ambiguous") });
  });

  it.each(["2023-02-29", "31.04.2024", "2024/13/01"])("refuses the impossible %s", (input) => {
    expect(parseManifestDate(input)).toEqual({ ok: false, reason: `'${input}' is not a calendar date` });
  });

  it.each(["", "soon", "2024", "12", "2024-03-01Z"])("says %j is not a date at all", (input) => {
    expect(parseManifestDate(input)).toBeNull();
  });
});
