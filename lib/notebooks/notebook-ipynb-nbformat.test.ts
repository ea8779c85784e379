import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { NotebookCell, NotebookDocument } from "../domain/notebook/notebook-cell";
import { bindImportedCells, ipynbToNotebookCells } from "../domain/notebook/notebook-ipynb-import";
import { notebookToIpynb } from "../domain/notebook/notebook-ipynb";
import { EXPORT_OPTIONS, IMAGES, NOTEBOOK } from "../domain/notebook/testing/notebook-fixture";

/**
 * Checks our .ipynb against Jupyter's own validator (the nbformat package,
 * Debian's python3-nbformat), which holds the JSON schema of nbformat 4.5.
 * The first Python that can import nbformat is used: a pyenv or venv python3
 * earlier on PATH often lacks it while /usr/bin/python3 has it.
 */

const PYTHONS = ["python3", "/usr/bin/python3"];
const python = PYTHONS.find((candidate) => spawnSync(candidate, ["-c", "import nbformat"], { stdio: "ignore" }).status === 0);

// Checks the file as written against the 4.5 schema, with ids unique (nbformat's
// validate would repair duplicates silently), then again after nbformat.read,
// as Jupyter opens it.
const VALIDATE = [
  "import json, sys, nbformat",
  "from nbformat.validator import get_validator",
  "raw = json.load(open(sys.argv[1], encoding='utf-8'))",
  "get_validator(version=4, version_minor=5).validate(raw)",
  "ids = [cell['id'] for cell in raw['cells']]",
  "assert len(set(ids)) == len(ids), 'Non-unique cell id'",
  "nb = nbformat.read(sys.argv[1], as_version=4)",
  "nbformat.validate(nb)",
  "print(len(nb.cells))",
].join("\n");

const folder = mkdtempSync(path.join(tmpdir(), "resonance-ipynb-"));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

function validate(name: string, text: string): { status: number | null; stdout: string; stderr: string } {
  const file = path.join(folder, name);
  writeFileSync(file, text, "utf8");
  const result = spawnSync(python ?? "python3", ["-c", VALIDATE, file], { encoding: "utf8" });
  return { status: result.status, stdout: result.stdout.trim(), stderr: result.stderr };
}

/** The notebook made from an imported file, as the server would create it (fresh ids, no outputs yet). */
function reimported(text: string): NotebookDocument {
  const imported = ipynbToNotebookCells(text, "exported.ipynb");
  const bound = bindImportedCells(
    imported.cells,
    imported.cells.map((_, index) => `00000000-0000-4000-8000-${String(index + 1).padStart(12, "0")}`),
  );
  const cells = bound.map((cell, position): NotebookCell => {
    const common = { id: cell.id, source: cell.source, position, output: null, provenance: null };
    switch (cell.kind) {
      case "markdown":
        return { ...common, kind: cell.kind, settings: cell.settings };
      case "sql":
        return { ...common, kind: cell.kind, settings: cell.settings };
      case "chart":
        return { ...common, kind: cell.kind, settings: cell.settings };
      case "view":
        return { ...common, kind: cell.kind, settings: cell.settings };
    }
  });
  return { id: "nb-2", title: imported.title, createdAt: EXPORT_OPTIONS.exportedAt, updatedAt: EXPORT_OPTIONS.exportedAt, cells };
}

describe.skipIf(python === undefined)("exported .ipynb against nbformat's validator (needs python3-nbformat)", () => {
  const exported = notebookToIpynb(NOTEBOOK, IMAGES, EXPORT_OPTIONS);

  it("validates a notebook with markdown, a table, an error, a chart PNG and a view", () => {
    const result = validate("full.ipynb", exported);
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    expect(result.stdout).toBe(String(NOTEBOOK.cells.length));
  });

  it("validates the notebook exported again after importing it", () => {
    const again = notebookToIpynb(reimported(exported), new Map(), EXPORT_OPTIONS);
    const result = validate("again.ipynb", again);
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
  });

  it("imports a notebook that nbformat itself wrote", () => {
    const file = path.join(folder, "python.ipynb");
    const write = [
      "import sys, nbformat",
      "from nbformat.v4 import new_notebook, new_markdown_cell, new_code_cell, new_output",
      "nb = new_notebook(metadata={'language_info': {'name': 'python'}})",
      "nb.cells = [new_markdown_cell('# Pilot\\nNotes'), new_code_cell('print(1)', outputs=[new_output('stream', name='stdout', text='1\\n')])]",
      "nbformat.write(nb, sys.argv[1])",
    ].join("\n");
    expect(spawnSync(python ?? "python3", ["-c", write, file], { encoding: "utf8" }).status).toBe(0);
    const imported = ipynbToNotebookCells(readFileSync(file, "utf8"), "python.ipynb");
    expect(imported.cells.map(({ kind, source }) => ({ kind, source }))).toEqual([
      { kind: "markdown", source: "# Pilot\nNotes" },
      { kind: "markdown", source: "```python\nprint(1)\n```" },
    ]);
    expect(imported.skipped).toEqual(["cell 2: 1 output of python code (not imported; the code is kept as text)"]);
  });

  it("is strict enough to refuse a broken notebook", () => {
    const duplicate = JSON.parse(exported) as { cells: Array<Record<string, unknown>> };
    duplicate.cells[1]!.id = duplicate.cells[0]!.id;
    const duplicated = validate("duplicate.ipynb", JSON.stringify(duplicate));
    expect(duplicated.status).not.toBe(0);
    expect(duplicated.stderr).toContain("Non-unique cell id");

    const noOutputs = JSON.parse(exported) as { cells: Array<Record<string, unknown>> };
    delete noOutputs.cells[1]!.outputs;
    const missing = validate("no-outputs.ipynb", JSON.stringify(noOutputs));
    expect(missing.status).not.toBe(0);
    expect(missing.stderr).toMatch(/ValidationError: .*cells\[1\]/);
  });
});
