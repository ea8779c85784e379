import type { CellProvenance, NotebookCell, NotebookCellKind, NotebookCellOutput, NotebookDocument } from "./notebook-cell";
import { describeChart, describeView } from "./notebook-cell-description";
import { DEFAULT_EXPORT_TABLE_ROWS, tableToHtml, tableToPlainText } from "./notebook-table-render";
import { pngBase64 } from "./png-base64";

/**
 * Writes a notebook as Jupyter's nbformat 4.5 (.ipynb), so it opens in
 * Jupyter, VS Code and nbviewer with its results. Markdown cells stay
 * markdown; SQL cells become code cells with their last result; chart and
 * view cells become code cells whose text is a one-line SQL comment
 * describing them, with the browser's PNG as output. Every cell keeps its
 * kind, id, settings, provenance (and, for charts and views, its own source)
 * under metadata.resonance, which ipynbToNotebookCells reads back.
 *
 * Errors are written as nbformat "error" outputs rather than stderr streams:
 * they keep the error code apart from the message, and viewers show them as
 * failures rather than as log text.
 */

export interface NotebookExportOptions {
  /** ISO 8601 time of the export; passed in so output is reproducible. */
  exportedAt: string;
  appVersion: string;
  /** Rows shown of each result table; 1,000 unless given. The caption says when rows are left out. */
  maxTableRows?: number;
}

/** What the exporter writes under each cell's metadata.resonance. */
export interface ResonanceCellMetadata {
  kind: NotebookCellKind;
  cellId: string;
  settings: object;
  provenance: CellProvenance | null;
  /** Chart and view cells only: their own source, since the code cell's text is a description. */
  source?: string;
}

type JsonObject = { [key: string]: unknown };

const NBFORMAT_ID = /^[a-zA-Z0-9-_]{1,64}$/;

/** Jupyter's multiline string: lines keeping their "\n", the last without one. */
export function sourceLines(text: string): string[] {
  return text === "" ? [] : text.split(/(?<=\n)/);
}

/** nbformat ids for the cells: the cell id when it is a valid nbformat id, else a cleaned one, unique either way. */
function nbformatIds(cells: readonly NotebookCell[]): string[] {
  const used = new Set<string>();
  return cells.map((cell, index) => {
    let id = NBFORMAT_ID.test(cell.id) ? cell.id : cell.id.replace(/[^a-zA-Z0-9-_]/g, "-").slice(0, 56) || `cell-${index + 1}`;
    for (let suffix = 2; used.has(id); suffix += 1) id = `${id.slice(0, 56)}-${suffix}`;
    used.add(id);
    return id;
  });
}

function codeText(cell: NotebookCell, numberById: ReadonlyMap<string, number>): string {
  switch (cell.kind) {
    case "chart": {
      const sourceId = cell.settings.sourceCellId;
      const title = cell.settings.spec.title ? ` "${cell.settings.spec.title}"` : "";
      return `-- chart${title}: ${describeChart(cell.settings.spec, sourceId === null ? null : (numberById.get(sourceId) ?? null))}`;
    }
    case "view":
      return `-- view: ${describeView(cell.settings.view)}`;
    default:
      return cell.source;
  }
}

function storedOutput(output: NotebookCellOutput, executionCount: number, maxRows: number): JsonObject {
  switch (output.kind) {
    case "table":
      return {
        data: { "text/html": sourceLines(tableToHtml(output, maxRows)), "text/plain": sourceLines(tableToPlainText(output, maxRows)) },
        execution_count: executionCount,
        metadata: {},
        output_type: "execute_result",
      };
    case "error":
      return { ename: output.code, evalue: output.message, output_type: "error", traceback: [output.message] };
    case "view":
      return { data: { "text/plain": sourceLines([output.title, ...output.summary].join("\n")) }, metadata: {}, output_type: "display_data" };
  }
}

function outputsOf(cell: NotebookCell, image: string | undefined, description: string, executionCount: number, maxRows: number): JsonObject[] {
  const outputs: JsonObject[] = [];
  if (image !== undefined && (cell.kind === "chart" || cell.kind === "view")) {
    outputs.push({
      data: { "image/png": pngBase64(image, cell.id), "text/plain": [description] },
      metadata: {},
      output_type: "display_data",
    });
  }
  if (cell.output !== null) outputs.push(storedOutput(cell.output, executionCount, maxRows));
  return outputs;
}

function cellMetadata(cell: NotebookCell): { resonance: ResonanceCellMetadata } {
  const resonance: ResonanceCellMetadata = { kind: cell.kind, cellId: cell.id, settings: cell.settings, provenance: cell.provenance };
  if (cell.kind === "chart" || cell.kind === "view") resonance.source = cell.source;
  return { resonance };
}

/** Objects with keys in sorted order at every depth, as Jupyter writes them, so diffs of exports stay small. */
function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value === null || typeof value !== "object") return value;
  const record = value as JsonObject;
  return Object.fromEntries(
    Object.keys(record)
      .filter((key) => record[key] !== undefined)
      .sort()
      .map((key) => [key, sortKeys(record[key])]),
  );
}

/**
 * The notebook as .ipynb text. `images` holds the PNG (base64, no data:
 * prefix) captured in the browser for chart and view cells, by cell id.
 * Execution counts number the cells that have output, in order.
 */
export function notebookToIpynb(notebook: NotebookDocument, images: ReadonlyMap<string, string>, options: NotebookExportOptions): string {
  const maxRows = options.maxTableRows ?? DEFAULT_EXPORT_TABLE_ROWS;
  const cells = [...notebook.cells].sort((a, b) => a.position - b.position);
  const numberById = new Map(cells.map((cell, index) => [cell.id, index + 1]));
  const ids = nbformatIds(cells);
  let executed = 0;
  const written = cells.map((cell, index): JsonObject => {
    const metadata = cellMetadata(cell);
    if (cell.kind === "markdown") return { cell_type: "markdown", id: ids[index], metadata, source: sourceLines(cell.source) };
    const text = codeText(cell, numberById);
    const image = images.get(cell.id);
    const hasOutput = cell.output !== null || (image !== undefined && cell.kind !== "sql");
    const executionCount = hasOutput ? (executed += 1) : null;
    const description = text.replace(/^-- /, "");
    return {
      cell_type: "code",
      execution_count: executionCount,
      id: ids[index],
      metadata,
      outputs: executionCount === null ? [] : outputsOf(cell, image, description, executionCount, maxRows),
      source: sourceLines(text),
    };
  });
  const document = {
    cells: written,
    metadata: {
      language_info: { name: "sql" },
      resonance: {
        appVersion: options.appVersion,
        createdAt: notebook.createdAt,
        exportedAt: options.exportedAt,
        notebookId: notebook.id,
        title: notebook.title,
        updatedAt: notebook.updatedAt,
      },
      title: notebook.title,
    },
    nbformat: 4,
    nbformat_minor: 5,
  };
  return `${JSON.stringify(sortKeys(document), null, 1)}\n`;
}
