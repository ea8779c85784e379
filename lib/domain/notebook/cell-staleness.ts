import type { NotebookCell } from "./notebook-cell";

/**
 * Whether a cell's stored output still shows what running it now would show.
 * The server records, when a cell runs, the hash of its source and a
 * fingerprint of every data source it read; the client later asks the server
 * for the current hash and fingerprints and compares them here.
 */

export type CellStalenessState = "never-run" | "fresh" | "stale";

export interface CellStaleness {
  state: CellStalenessState;
  /** Why the cell is stale (or why a chart cannot be drawn), one sentence each; empty when fresh. */
  reasons: string[];
}

/** The state now of what a cell's provenance recorded: the hash of its current source and the current token of each data source. */
export interface CellInputsNow {
  sourceHash: string;
  /** Token by data source ("labels", "projection:<id>", ...). A source the server no longer knows is absent. */
  fingerprints: ReadonlyMap<string, string>;
}

type ChartCell = Extract<NotebookCell, { kind: "chart" }>;

const FRESH: CellStaleness = { state: "fresh", reasons: [] };

/** "projection:5f0c" → "projection 5f0c"; "labels" → "labels". */
function sourceName(source: string): { noun: string; hasId: boolean } {
  const colon = source.indexOf(":");
  if (colon === -1) return { noun: source, hasId: false };
  return { noun: `${source.slice(0, colon)} ${source.slice(colon + 1)}`, hasId: true };
}

function changedReason(source: string): string {
  const { noun } = sourceName(source);
  // A projection changes only by being computed again; other sources change by edits.
  return source.startsWith("projection:") ? `${noun} was recomputed` : `${noun} changed since the run`;
}

function missingReason(source: string): string {
  const { noun, hasId } = sourceName(source);
  return hasId ? `${noun} no longer exists` : `the current state of ${noun} is unknown`;
}

/**
 * The staleness of a markdown, SQL or view cell. Markdown has no output, so
 * it is always fresh. A cell with no provenance never ran. Otherwise it is
 * stale when its source changed or any data source it read changed or
 * disappeared; the reasons list each, source change first. Chart cells have
 * no provenance of their own: use chartStaleness for them.
 */
export function cellStaleness(cell: NotebookCell, now: CellInputsNow): CellStaleness {
  if (cell.kind === "markdown") return FRESH;
  const provenance = cell.provenance;
  if (provenance === null) return { state: "never-run", reasons: [] };
  const reasons: string[] = [];
  if (provenance.sourceHash !== now.sourceHash) reasons.push("the cell changed since it ran");
  for (const fingerprint of provenance.fingerprints) {
    const current = now.fingerprints.get(fingerprint.source);
    const reason = current === undefined ? missingReason(fingerprint.source) : current !== fingerprint.token ? changedReason(fingerprint.source) : null;
    if (reason !== null && !reasons.includes(reason)) reasons.push(reason);
  }
  return reasons.length === 0 ? FRESH : { state: "stale", reasons };
}

/**
 * A chart is drawn in the browser from its source SQL cell's stored table, so
 * it records no provenance of its own and is stale exactly when that cell is:
 * never-run when the source is missing, not a SQL cell or never ran; stale,
 * with the source's reasons, when the source is stale; fresh otherwise.
 * `sourceCell` is the cell named by chart.settings.sourceCellId (undefined
 * when no cell has that id) and `sourceStaleness` its cellStaleness.
 */
export function chartStaleness(chart: ChartCell, sourceCell: NotebookCell | undefined, sourceStaleness: CellStaleness | undefined): CellStaleness {
  if (chart.settings.sourceCellId === null) return { state: "never-run", reasons: ["the chart has no source cell"] };
  if (sourceCell === undefined) return { state: "never-run", reasons: ["the chart's source cell no longer exists"] };
  if (sourceCell.kind !== "sql") return { state: "never-run", reasons: ["the chart's source cell is not a SQL cell"] };
  if (sourceStaleness === undefined || sourceStaleness.state === "never-run") {
    return { state: "never-run", reasons: ["the chart's SQL cell has not run"] };
  }
  if (sourceStaleness.state === "fresh") return FRESH;
  return { state: "stale", reasons: sourceStaleness.reasons.map((reason) => `its SQL cell is stale: ${reason}`) };
}

/**
 * The staleness of every cell of a notebook, charts included. Cells other
 * than markdown and charts that have no entry in `nowByCell` are not judged
 * and get no entry (the caller did not ask the server about them); charts
 * follow their source cell.
 */
export function notebookStaleness(cells: readonly NotebookCell[], nowByCell: ReadonlyMap<string, CellInputsNow>): Map<string, CellStaleness> {
  const byId = new Map(cells.map((cell) => [cell.id, cell]));
  const result = new Map<string, CellStaleness>();
  const judge = (cell: NotebookCell): CellStaleness | undefined => {
    if (cell.kind === "markdown") return FRESH;
    const now = nowByCell.get(cell.id);
    return now === undefined ? undefined : cellStaleness(cell, now);
  };
  for (const cell of cells) {
    if (cell.kind !== "chart") {
      const staleness = judge(cell);
      if (staleness !== undefined) result.set(cell.id, staleness);
    }
  }
  for (const cell of cells) {
    if (cell.kind !== "chart") continue;
    const source = cell.settings.sourceCellId === null ? undefined : byId.get(cell.settings.sourceCellId);
    result.set(cell.id, chartStaleness(cell, source, source === undefined ? undefined : result.get(source.id)));
  }
  return result;
}

/**
 * The cells "re-run stale cells" runs, each once, in document order: every
 * stale SQL or view cell, and the source SQL cell of every stale chart.
 * Charts themselves are not listed: they redraw when their source reruns.
 */
export function staleCellIds(cells: readonly NotebookCell[], nowByCell: ReadonlyMap<string, CellInputsNow>): string[] {
  const staleness = notebookStaleness(cells, nowByCell);
  const wanted = new Set<string>();
  for (const cell of cells) {
    if (staleness.get(cell.id)?.state !== "stale") continue;
    if (cell.kind === "chart") {
      if (cell.settings.sourceCellId !== null) wanted.add(cell.settings.sourceCellId);
    } else {
      wanted.add(cell.id);
    }
  }
  return [...cells]
    .sort((a, b) => a.position - b.position)
    .filter((cell) => wanted.has(cell.id))
    .map((cell) => cell.id);
}
