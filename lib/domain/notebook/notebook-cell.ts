/**
 * The shapes of a notebook and its cells, shared by the database edge, the
 * routes, the editor and the .ipynb and HTML writers. Cells are stored with
 * their kind, source text, kind-specific settings, last output and the
 * provenance of that output.
 */

export type NotebookCellKind = "markdown" | "sql" | "chart" | "view";

export const NOTEBOOK_CELL_KINDS: readonly NotebookCellKind[] = ["markdown", "sql", "chart", "view"];

/** A value of a SQL result cell: results cross HTTP as JSON. */
export type NotebookTableValue = string | number | boolean | null;

export interface NotebookTableColumn {
  name: string;
  /** PostgreSQL's name for the type, e.g. "text", "bigint", "double precision". */
  type: string;
}

export type ChartType = "bar" | "line" | "scatter" | "box";
export type ChartAggregate = "none" | "count" | "sum" | "mean";

/** A chart drawn from the result table of one SQL cell of the same notebook. Field values are column names. */
export interface ChartSpec {
  type: ChartType;
  x: string;
  /** Absent only for aggregate "count". */
  y?: string;
  colour?: string;
  facet?: string;
  /** How rows sharing x (and colour, facet) combine; bar and line only. "none" draws each row. */
  aggregate: ChartAggregate;
  title?: string;
}

/** The live view a view cell embeds, pinned to these parameters. */
export type NotebookViewSpec =
  | { kind: "recording"; recordingId: string; startSeconds: number; endSeconds: number }
  | { kind: "projection"; projectionId: string }
  | { kind: "comparison"; cohortIds: string[] }
  | { kind: "trajectory"; patientId: string };

export type NotebookViewKind = NotebookViewSpec["kind"];

export interface SqlCellSettings {
  /** Rows to return at most; the runner's default when absent. */
  limit?: number;
}
export interface ChartCellSettings {
  /** The SQL cell whose result the chart draws. */
  sourceCellId: string | null;
  spec: ChartSpec;
}
export interface ViewCellSettings {
  view: NotebookViewSpec | null;
}
export type MarkdownCellSettings = Record<string, never>;

export interface NotebookTableOutput {
  kind: "table";
  columns: NotebookTableColumn[];
  rows: NotebookTableValue[][];
  /** Rows returned (at most the limit). */
  rowCount: number;
  /** More rows matched than the limit. */
  truncated: boolean;
  elapsedMs: number;
}

export interface NotebookErrorOutput {
  kind: "error";
  code: string;
  message: string;
}

/** What a view cell showed when it ran: a line per fact (e.g. "412 points, model emotion2vec-plus-base 1.0"). */
export interface NotebookViewOutput {
  kind: "view";
  title: string;
  summary: string[];
}

export type NotebookCellOutput = NotebookTableOutput | NotebookErrorOutput | NotebookViewOutput;

/** One source of data a cell read, and its state when read; compared with the state now to tell staleness. */
export interface DataFingerprint {
  /** e.g. "labels", "analyses", "projection:<id>". */
  source: string;
  /** Opaque state token, e.g. "1203@2026-11-21T10:00:00.000Z"; equal tokens mean unchanged data. */
  token: string;
}

export interface ModelIdentity {
  key: string;
  version: string;
}

/** Where an output came from, recorded when the cell ran. */
export interface CellProvenance {
  /** ISO 8601 time of the run. */
  ranAt: string;
  /** Hash of the cell's kind, source and settings as run. */
  sourceHash: string;
  /** Hash of sourceHash and every fingerprint: equal hashes mean the same inputs. */
  inputHash: string;
  models: ModelIdentity[];
  /** Counts of what the output rests on, e.g. { rows: 9, recordings: 120, labels: 340 }. */
  counts: Record<string, number>;
  fingerprints: DataFingerprint[];
}

interface CellBase {
  id: string;
  position: number;
  source: string;
  output: NotebookCellOutput | null;
  provenance: CellProvenance | null;
}

export type NotebookCell =
  | (CellBase & { kind: "markdown"; settings: MarkdownCellSettings })
  | (CellBase & { kind: "sql"; settings: SqlCellSettings })
  | (CellBase & { kind: "chart"; settings: ChartCellSettings })
  | (CellBase & { kind: "view"; settings: ViewCellSettings });

export interface NotebookDocument {
  id: string;
  title: string;
  createdAt: string;
  updatedAt: string;
  cells: NotebookCell[];
}

/** A notebook as the Notebooks view lists it. */
export interface NotebookListing {
  id: string;
  title: string;
  cellCount: number;
  createdAt: string;
  updatedAt: string;
  /** When it went to the trash; null while it is open. */
  deletedAt: string | null;
}
