import { describe, expect, it } from "vitest";
import type { NotebookDocument } from "./notebook-cell";
import { notebookToIpynb, sourceLines } from "./notebook-ipynb";
import { EXPORT_OPTIONS, IDS, IMAGES, NOTEBOOK, PNG_BASE64, PROVENANCE } from "./testing/notebook-fixture";

type Json = Record<string, unknown>;

function exported(notebook: NotebookDocument = NOTEBOOK, images: ReadonlyMap<string, string> = IMAGES, maxTableRows?: number) {
  const text = notebookToIpynb(notebook, images, { ...EXPORT_OPTIONS, maxTableRows });
  const parsed = JSON.parse(text) as { cells: Json[]; metadata: Json; nbformat: number; nbformat_minor: number };
  return { text, parsed, cells: parsed.cells };
}

const joined = (value: unknown) => (value as string[]).join("");

describe("sourceLines", () => {
  it("keeps each line's newline except on the last line, as Jupyter writes", () => {
    expect(sourceLines("a\nb")).toEqual(["a\n", "b"]);
    expect(sourceLines("a\n\nb\n")).toEqual(["a\n", "\n", "b\n"]);
    expect(sourceLines("")).toEqual([]);
  });
});

describe("notebookToIpynb", () => {
  it("writes an nbformat 4.5 document with SQL as its language and Resonance's metadata", () => {
    const { text, parsed } = exported();
    expect(Object.keys(parsed)).toEqual(["cells", "metadata", "nbformat", "nbformat_minor"]);
    expect(parsed.nbformat).toBe(4);
    expect(parsed.nbformat_minor).toBe(5);
    expect(parsed.metadata.language_info).toEqual({ name: "sql" });
    expect(parsed.metadata.kernelspec).toBeUndefined();
    expect(parsed.metadata.title).toBe(NOTEBOOK.title);
    expect(parsed.metadata.resonance).toEqual({
      appVersion: "0.9.0",
      createdAt: NOTEBOOK.createdAt,
      exportedAt: "2026-11-21T15:00:00.000Z",
      notebookId: "nb-1",
      title: NOTEBOOK.title,
      updatedAt: NOTEBOOK.updatedAt,
    });
    // Jupyter's layout: one-space indent, trailing newline.
    expect(text.startsWith('{\n "cells": [\n')).toBe(true);
    expect(text.endsWith("}\n")).toBe(true);
  });

  it("writes cells in position order with their ids and every key nbformat requires", () => {
    const { cells } = exported();
    expect(cells.map((cell) => cell.id)).toEqual([IDS.intro, IDS.query, IDS.chart, IDS.failing, IDS.view, IDS.draft]);
    expect(cells.map((cell) => cell.cell_type)).toEqual(["markdown", "code", "code", "code", "code", "code"]);
    for (const cell of cells) {
      expect(cell.id).toMatch(/^[a-zA-Z0-9-_]{1,64}$/);
      expect(Array.isArray(cell.source)).toBe(true);
      expect(typeof cell.metadata).toBe("object");
      const keys = cell.cell_type === "code" ? ["cell_type", "execution_count", "id", "metadata", "outputs", "source"] : ["cell_type", "id", "metadata", "source"];
      expect(Object.keys(cell)).toEqual(keys);
    }
  });

  it("writes markdown as lines and records the kind of every cell", () => {
    const [markdown] = exported().cells;
    expect(markdown?.source).toEqual(["# Valence by cohort\n", "\n", "Compare *means*; note <script>alert(1)</script> & `x`.\n"]);
    expect(markdown?.metadata).toEqual({ resonance: { cellId: IDS.intro, kind: "markdown", provenance: null, settings: {} } });
  });

  it("writes a SQL result as an execute_result with an escaped HTML table and a plain-text table", () => {
    const query = exported().cells[1]!;
    expect(joined(query.source)).toBe(NOTEBOOK.cells[0]!.source);
    expect(query.execution_count).toBe(1);
    expect(query.metadata).toEqual({ resonance: { cellId: IDS.query, kind: "sql", provenance: PROVENANCE, settings: { limit: 3 } } });
    const outputs = query.outputs as Json[];
    expect(outputs).toHaveLength(1);
    const result = outputs[0]!;
    expect(Object.keys(result).sort()).toEqual(["data", "execution_count", "metadata", "output_type"]);
    expect(result.output_type).toBe("execute_result");
    expect(result.execution_count).toBe(1);
    const data = result.data as Json;
    const html = joined(data["text/html"]);
    expect(html).toContain("<caption>3 rows; the query matched more rows than its row limit of 3, so the result is truncated</caption>");
    expect(html).toContain("<td>&lt;/table&gt;&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;</td>");
    expect(html).not.toContain("<script");
    expect(html.match(/<\/table>/g)).toHaveLength(1);
    expect(joined(data["text/plain"]).split("\n").slice(0, 3)).toEqual([
      "cohort                              | n    | mean_valence",
      "------------------------------------+------+-------------",
      "control                             | 12   | 0.25",
    ]);
  });

  it("writes a chart as a described code cell with its PNG, keeping its own source and settings in metadata", () => {
    const chart = exported().cells[2]!;
    expect(chart.source).toEqual(['-- chart "Regions per cohort": bar of count by cohort, from cell 2']);
    expect(chart.execution_count).toBe(2);
    expect(chart.outputs).toEqual([
      {
        data: { "image/png": PNG_BASE64, "text/plain": ['chart "Regions per cohort": bar of count by cohort, from cell 2'] },
        metadata: {},
        output_type: "display_data",
      },
    ]);
    expect((chart.metadata as Json).resonance).toEqual({
      cellId: IDS.chart,
      kind: "chart",
      provenance: null,
      settings: NOTEBOOK.cells[2]!.settings,
      source: "Counts per cohort",
    });
  });

  it("writes an error as an nbformat error output naming the code", () => {
    const failing = exported().cells[3]!;
    expect(failing.execution_count).toBe(3);
    expect(failing.outputs).toEqual([
      { ename: "NOTEBOOK_QUERY_FAILED", evalue: 'column "nope" does not exist <b>', output_type: "error", traceback: ['column "nope" does not exist <b>'] },
    ]);
  });

  it("writes a view as its PNG and its summary lines", () => {
    const view = exported().cells[4]!;
    expect(view.source).toEqual(["-- view: projection 7f3e9c2a-0000-4000-8000-00000000000a"]);
    expect(view.execution_count).toBe(4);
    const outputs = view.outputs as Json[];
    expect(outputs.map((output) => output.output_type)).toEqual(["display_data", "display_data"]);
    expect((outputs[0]!.data as Json)["image/png"]).toBe(PNG_BASE64);
    expect(joined((outputs[1]!.data as Json)["text/plain"])).toBe("Projection of 412 regions\n412 points, model emotion2vec-plus-base 1.0\nUMAP, 15 neighbours");
  });

  it("leaves cells without output unnumbered and empty, and a chart without an image without output", () => {
    const { cells } = exported(NOTEBOOK, new Map());
    expect(cells[5]).toMatchObject({ execution_count: null, outputs: [] });
    expect(cells[2]).toMatchObject({ execution_count: null, outputs: [] });
    expect(cells[3]!.execution_count).toBe(2);
  });

  it("shows only maxTableRows rows and says so", () => {
    const data = (exported(NOTEBOOK, IMAGES, 1).cells[1]!.outputs as Json[])[0]!.data as Json;
    const html = joined(data["text/html"]);
    expect(html).toContain("<caption>Showing the first 1 of 3 rows;");
    expect(html.match(/<tr>/g)).toHaveLength(2);
  });

  it("turns ids that nbformat would refuse into valid, unique ones", () => {
    const base = NOTEBOOK.cells[1]!;
    const notebook = {
      ...NOTEBOOK,
      cells: [
        { ...base, id: "a b", position: 0 },
        { ...base, id: "a_b", position: 1 },
        { ...base, id: "a-b", position: 2 },
        { ...base, id: "x".repeat(80), position: 3 },
      ],
    };
    const ids = exported(notebook, new Map()).cells.map((cell) => cell.id as string);
    expect(ids.slice(0, 3)).toEqual(["a-b", "a_b", "a-b-2"]);
    expect(ids[3]).toMatch(/^x{56}$/);
    expect(exported(notebook, new Map()).cells.map((cell) => ((cell.metadata as Json).resonance as Json).cellId)).toEqual(notebook.cells.map((cell) => cell.id));
  });

  it("refuses an image that is not base64", () => {
    expect(() => notebookToIpynb(NOTEBOOK, new Map([[IDS.chart, '"><script>']]), EXPORT_OPTIONS)).toThrow(`the image captured for cell ${IDS.chart} is not base64-encoded PNG data`);
  });
});
