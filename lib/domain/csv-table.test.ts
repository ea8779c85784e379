import { describe, expect, it } from "vitest";
import { csvCell, toCsv } from "./csv-table";

describe("csvCell", () => {
  it("quotes separators, quotes and line breaks", () => {
    expect(csvCell('say "hi", then\nleave')).toBe('"say ""hi"", then\nleave"');
  });

  it("defuses text a spreadsheet would run as a formula but keeps negative numbers numeric", () => {
    expect(csvCell("=HYPERLINK(1)")).toBe("'=HYPERLINK(1)");
    expect(csvCell("-1+2")).toBe("'-1+2");
    expect(csvCell(-0.25)).toBe("-0.25");
  });

  it("writes missing and non-finite values as empty cells", () => {
    expect([csvCell(null), csvCell(undefined), csvCell(Number.NaN), csvCell(true)]).toEqual(["", "", "", "true"]);
  });
});

describe("toCsv", () => {
  it("writes a header and CRLF-terminated rows", () => {
    expect(toCsv(["a", "b"], [[1, "x"], [2, null]])).toBe("a,b\r\n1,x\r\n2,\r\n");
  });
});
