import { describe, expect, it } from "vitest";
import { bindImportedCells, ipynbToNotebookCells } from "./notebook-ipynb-import";
import { notebookToIpynb } from "./notebook-ipynb";
import { NotebookImportError } from "./notebook-import-error";
import { EXPORT_OPTIONS, IMAGES, NOTEBOOK } from "./testing/notebook-fixture";

function notebook(cells: unknown[], metadata: object = {}, extra: object = {}): string {
  return JSON.stringify({ cells, metadata, nbformat: 4, nbformat_minor: 5, ...extra });
}

function importError(text: string, fileName = "study.ipynb"): NotebookImportError {
  try {
    ipynbToNotebookCells(text, fileName);
  } catch (error) {
    if (error instanceof NotebookImportError) return error;
    throw error;
  }
  throw new Error("expected a NotebookImportError");
}

const PYTHON = { kernelspec: { name: "python3", display_name: "Python 3", language: "python" }, language_info: { name: "python" } };

describe("ipynbToNotebookCells on a notebook Resonance exported", () => {
  const imported = ipynbToNotebookCells(notebookToIpynb(NOTEBOOK, IMAGES, EXPORT_OPTIONS), "whatever.ipynb");
  const original = [...NOTEBOOK.cells].sort((a, b) => a.position - b.position);

  it("restores every cell's kind, source and settings in order, with nothing skipped", () => {
    expect(imported.title).toBe(NOTEBOOK.title);
    expect(imported.skipped).toEqual([]);
    expect(imported.cells.map(({ kind, source, settings }) => ({ kind, source, settings }))).toEqual(
      original.map(({ kind, source, settings }) => ({ kind, source, settings })),
    );
    expect(imported.cells.map((cell) => cell.importId)).toEqual(original.map((cell) => cell.id));
  });

  it("points the chart at its SQL cell's new id once the cells are created", () => {
    const newIds = imported.cells.map((_, index) => `new-${index}`);
    const bound = bindImportedCells(imported.cells, newIds);
    expect(bound.map((cell) => cell.id)).toEqual(newIds);
    const chart = bound.find((cell) => cell.kind === "chart");
    expect(chart?.kind === "chart" && chart.settings.sourceCellId).toBe("new-1");
    expect(() => bindImportedCells(imported.cells, ["one"])).toThrow(RangeError);
  });
});

describe("ipynbToNotebookCells on other notebooks", () => {
  it("keeps Python code as fenced markdown and lists the outputs it drops", () => {
    const result = ipynbToNotebookCells(
      notebook(
        [
          { cell_type: "markdown", id: "m1", metadata: {}, source: ["# Analysis\n", "Text"] },
          { cell_type: "code", id: "c1", metadata: {}, execution_count: 1, source: "import pandas as pd\ndf.head()", outputs: [{ output_type: "stream", name: "stdout", text: "x" }] },
          { cell_type: "code", id: "c2", metadata: {}, execution_count: null, source: "", outputs: [] },
          { cell_type: "raw", id: "r1", metadata: {}, source: "\\begin{table}" },
        ],
        PYTHON,
      ),
      "analysis.ipynb",
    );
    expect(result.cells).toEqual([
      { importId: "m1", kind: "markdown", source: "# Analysis\nText", settings: {} },
      { importId: "c1", kind: "markdown", source: "```python\nimport pandas as pd\ndf.head()\n```", settings: {} },
      { importId: "r1", kind: "markdown", source: "```text\n\\begin{table}\n```", settings: {} },
    ]);
    expect(result.skipped).toEqual(["cell 2: 1 output of python code (not imported; the code is kept as text)"]);
    expect(result.title).toBe("analysis");
  });

  it("uses a fence longer than any backtick run in the code", () => {
    const result = ipynbToNotebookCells(notebook([{ cell_type: "code", metadata: {}, source: "s = '````'", outputs: [], execution_count: null }], PYTHON), "a.ipynb");
    expect(result.cells[0]?.source).toBe("`````python\ns = '````'\n`````");
  });

  it("makes code cells of a SQL notebook SQL cells even without Resonance's metadata", () => {
    const result = ipynbToNotebookCells(
      notebook([{ cell_type: "code", id: "q", metadata: {}, source: ["SELECT 1\n", "FROM t"], outputs: [], execution_count: null }], { language_info: { name: "SQL" } }),
      "q.ipynb",
    );
    expect(result.cells).toEqual([{ importId: "q", kind: "sql", source: "SELECT 1\nFROM t", settings: {} }]);
  });

  it("takes the title from metadata.title, else the file name without folder and extension", () => {
    expect(ipynbToNotebookCells(notebook([], { title: " Pilot " }), "x.ipynb").title).toBe("Pilot");
    expect(ipynbToNotebookCells(notebook([]), "C:\\data\\pilot.v2.ipynb").title).toBe("pilot.v2");
    expect(ipynbToNotebookCells(notebook([]), "exports/pilot.ipynb").title).toBe("pilot");
  });

  it("numbers cells of nbformat 4.0-4.4, which have no ids", () => {
    const cells = [{ cell_type: "markdown", metadata: {}, source: "a" }, { cell_type: "markdown", metadata: {}, source: "b" }];
    const result = ipynbToNotebookCells(JSON.stringify({ cells, metadata: {}, nbformat: 4, nbformat_minor: 2 }), "old.ipynb");
    expect(result.cells.map((cell) => cell.importId)).toEqual(["cell-1", "cell-2"]);
  });

  it("reports attachments, unknown cell types and broken Resonance settings instead of failing", () => {
    const chartMeta = { resonance: { kind: "chart", cellId: "ch", settings: { sourceCellId: "q", spec: { type: "pie", x: "a", aggregate: "count" } }, source: "" } };
    const sqlMeta = { resonance: { kind: "sql", cellId: "q", settings: { limit: -5 } } };
    const result = ipynbToNotebookCells(
      notebook(
        [
          { cell_type: "markdown", metadata: {}, source: "![x](attachment:x.png)", attachments: { "x.png": { "image/png": "AAAA" } } },
          { cell_type: "widget", metadata: {}, source: "" },
          { cell_type: "code", metadata: sqlMeta, source: "SELECT 2", outputs: [], execution_count: null },
          { cell_type: "code", metadata: chartMeta, source: "-- chart: pie", outputs: [], execution_count: null },
        ],
        { language_info: { name: "sql" } },
      ),
      "n.ipynb",
    );
    expect(result.cells.map((cell) => [cell.kind, cell.source, cell.settings])).toEqual([
      ["markdown", "![x](attachment:x.png)", {}],
      ["sql", "SELECT 2", {}],
      ["markdown", "```sql\n-- chart: pie\n```", {}],
    ]);
    expect(result.skipped).toEqual([
      "cell 1: 1 attachment (x.png) not imported",
      'cell 2: unknown cell type "widget", left out',
      "cell 3: its sql settings are not valid (limit must be at least 1); imported with default settings",
      "cell 4: its chart settings are not valid (spec.type must be bar, line, scatter or box); kept as text",
    ]);
  });

  it("unlinks a chart whose source cell is not in the file", () => {
    const resonance = { kind: "chart", cellId: "ch", settings: { sourceCellId: "gone", spec: { type: "bar", x: "a", aggregate: "count" } }, source: "note" };
    const result = ipynbToNotebookCells(notebook([{ cell_type: "code", metadata: { resonance }, source: "-- chart", outputs: [], execution_count: null }]), "c.ipynb");
    expect(result.cells).toEqual([{ importId: "ch", kind: "chart", source: "note", settings: { sourceCellId: null, spec: { type: "bar", x: "a", aggregate: "count" } } }]);
    expect(result.skipped).toEqual(["chart in imported cell 1: its source SQL cell is not in the file; choose one after import"]);
  });
});

describe("ipynbToNotebookCells refuses what is not an nbformat 4 notebook", () => {
  it("names the line and column of broken JSON", () => {
    const error = importError('{\n "cells": [],\n }', "broken.ipynb");
    expect(error.code).toBe("NOTEBOOK_IMPORT_INVALID");
    expect(error.name).toBe("NotebookImportError");
    expect(error.message).toBe("broken.ipynb is not a notebook: its JSON is broken at line 3, column 2 (Expected double-quoted property name)");
  });

  it("says what is wrong when JSON gives no position", () => {
    expect(importError("", "empty.ipynb").message).toBe("empty.ipynb is not a notebook: it is not valid JSON (Unexpected end of JSON input)");
  });

  it("refuses nbformat 3 with a way to upgrade", () => {
    const message = importError(JSON.stringify({ nbformat: 3, nbformat_minor: 0, worksheets: [{ cells: [] }], metadata: {} }), "old.ipynb").message;
    expect(message).toBe(
      'old.ipynb is an nbformat 3 notebook; only nbformat 4 can be imported. Open and save it in Jupyter (or run "jupyter nbconvert --to notebook old.ipynb") to upgrade it.',
    );
  });

  it("refuses files without a version, without cells, or with a cell without source", () => {
    expect(importError("[]").message).toBe("study.ipynb is not a notebook: its JSON is not an object");
    expect(importError(JSON.stringify({ cells: [] })).message).toBe("study.ipynb is not a Jupyter notebook: it has no nbformat version");
    expect(importError(JSON.stringify({ nbformat: 5, cells: [] })).message).toBe("study.ipynb is an nbformat 5 notebook; only nbformat 4 can be imported");
    expect(importError(JSON.stringify({ nbformat: 4, nbformat_minor: 5, metadata: {} })).message).toBe('study.ipynb is not a notebook: it has no "cells" list');
    expect(importError(notebook([{ cell_type: "markdown", metadata: {}, source: "a" }, { cell_type: "markdown", metadata: {} }])).message).toBe(
      "study.ipynb: cell 2 has no source",
    );
    expect(importError(notebook([{ cell_type: "markdown", metadata: {}, source: ["a", 3] }])).message).toBe(
      "study.ipynb: the source of cell 1 is neither text nor a list of lines",
    );
    expect(importError(notebook(["text"])).message).toBe("study.ipynb: cell 1 is not an object");
  });
});

