import type { ChartSpec, NotebookCell, NotebookCellKind } from "./notebook-cell";

/**
 * Edits of a notebook's cell list as pure functions, shared by the editor's
 * keyboard, its toolbar and the palette, so that "insert below" or "change
 * to markdown" mean one thing wherever they come from.
 */

export const EMPTY_CHART_SPEC: ChartSpec = { type: "bar", x: "", aggregate: "count" };

export function newCell(kind: NotebookCellKind, id: string, source = ""): NotebookCell {
  const base = { id, position: 0, source, output: null, provenance: null };
  switch (kind) {
    case "markdown":
      return { ...base, kind, settings: {} };
    case "sql":
      return { ...base, kind, settings: {} };
    case "chart":
      return { ...base, kind, settings: { sourceCellId: null, spec: EMPTY_CHART_SPEC } };
    case "view":
      return { ...base, kind, settings: { view: null } };
  }
}

/** Cells with positions renumbered 0…n-1 in list order. */
function renumbered(cells: readonly NotebookCell[]): NotebookCell[] {
  return cells.map((cell, position) => (cell.position === position ? cell : { ...cell, position }));
}

/** Inserts `cell` at `index` (clamped to the list). */
export function insertCell(cells: readonly NotebookCell[], index: number, cell: NotebookCell): NotebookCell[] {
  const at = Math.max(0, Math.min(index, cells.length));
  return renumbered([...cells.slice(0, at), cell, ...cells.slice(at)]);
}

export function deleteCell(cells: readonly NotebookCell[], id: string): NotebookCell[] {
  return renumbered(cells.filter((cell) => cell.id !== id));
}

/** Moves a cell up (delta -1) or down (+1); unchanged at either end. */
export function moveCell(cells: readonly NotebookCell[], id: string, delta: -1 | 1): NotebookCell[] {
  const from = cells.findIndex((cell) => cell.id === id);
  const to = from + delta;
  if (from === -1 || to < 0 || to >= cells.length) return [...cells];
  const next = [...cells];
  [next[from], next[to]] = [next[to]!, next[from]!];
  return renumbered(next);
}

/** Jupyter's M and Y: the text stays, the output goes (it belonged to the other kind). */
export function changeCellKind(cells: readonly NotebookCell[], id: string, kind: NotebookCellKind): NotebookCell[] {
  return cells.map((cell) => (cell.id === id && cell.kind !== kind ? { ...newCell(kind, cell.id, cell.source), position: cell.position } : cell));
}

export function updateCell(cells: readonly NotebookCell[], id: string, change: (cell: NotebookCell) => NotebookCell): NotebookCell[] {
  return cells.map((cell) => (cell.id === id ? change(cell) : cell));
}

/** The cell to select after `id` is deleted: the next one, else the previous one. */
export function neighbourAfterDelete(cells: readonly NotebookCell[], id: string): string | null {
  const index = cells.findIndex((cell) => cell.id === id);
  if (index === -1) return cells[0]?.id ?? null;
  return cells[index + 1]?.id ?? cells[index - 1]?.id ?? null;
}

/** SQL cells above `id`, nearest first: the sources a new chart there may draw. */
export function sqlCellsAbove(cells: readonly NotebookCell[], id: string): NotebookCell[] {
  const index = cells.findIndex((cell) => cell.id === id);
  return cells
    .slice(0, index === -1 ? cells.length : index)
    .filter((cell) => cell.kind === "sql")
    .reverse();
}
