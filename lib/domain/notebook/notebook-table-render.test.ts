import { describe, expect, it } from "vitest";
import type { NotebookTableOutput } from "./notebook-cell";
import { tableCaption, tableToHtml, tableToPlainText } from "./notebook-table-render";

const table = (rows: NotebookTableOutput["rows"], truncated = false): NotebookTableOutput => ({
  kind: "table",
  columns: [
    { name: "code", type: "text" },
    { name: "n", type: "integer" },
  ],
  rows,
  rowCount: rows.length,
  truncated,
  elapsedMs: 3,
});

describe("tableCaption", () => {
  it("counts rows and says when rows were left out by the export or by the query's limit", () => {
    expect(tableCaption(table([["a", 1]]), 1)).toBe("1 row");
    expect(tableCaption(table([["a", 1], ["b", 2]]), 2)).toBe("2 rows");
    expect(tableCaption(table([["a", 1], ["b", 2]]), 1)).toBe("Showing the first 1 of 2 rows");
    expect(tableCaption(table(Array.from({ length: 1500 }, () => ["a", 1]), true), 1000)).toBe(
      "Showing the first 1,000 of 1,500 rows; the query matched more rows than its row limit of 1,500, so the result is truncated",
    );
    expect(tableCaption({ ...table([[], []]), columns: [] }, 2)).toBe("2 rows, no columns");
  });
});

describe("tableToHtml", () => {
  it("escapes names, types and values and marks numbers and NULLs", () => {
    const html = tableToHtml({ ...table([["<b>&</b>", 1], [null, null]]), columns: [{ name: 'a"<', type: "text" }, { name: "n", type: "integer" }] });
    expect(html).toBe(
      '<table class="notebook-table"><caption>2 rows</caption>\n' +
        '<thead><tr><th scope="col" title="text">a&quot;&lt;</th><th scope="col" title="integer">n</th></tr></thead>\n' +
        "<tbody>\n" +
        '<tr><td>&lt;b&gt;&amp;&lt;/b&gt;</td><td class="num">1</td></tr>\n' +
        '<tr><td class="null">NULL</td><td class="null">NULL</td></tr>\n' +
        "</tbody>\n</table>",
    );
  });

  it("shows at most maxRows rows", () => {
    expect(tableToHtml(table([["a", 1], ["b", 2], ["c", 3]]), 2).match(/<tr>/g)).toHaveLength(3);
  });
});

describe("tableToPlainText", () => {
  it("pads columns, keeps one line per row and shortens long values", () => {
    const long = "x".repeat(50);
    expect(tableToPlainText(table([["a\nb", 1], [long, 22], [true, null]])).split("\n")).toEqual([
      `code${" ".repeat(36)} | n`,
      `${"-".repeat(40)}-+-----`,
      `a\\nb${" ".repeat(36)} | 1`,
      `${"x".repeat(39)}… | 22`,
      `true${" ".repeat(36)} | NULL`,
      "(3 rows)",
    ]);
  });

  it("shows at most 50 rows", () => {
    const text = tableToPlainText(table(Array.from({ length: 80 }, (_, index) => ["a", index])));
    expect(text.split("\n")).toHaveLength(53);
    expect(text.endsWith("(Showing the first 50 of 80 rows)")).toBe(true);
  });
});
