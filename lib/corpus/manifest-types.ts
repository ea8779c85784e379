/** What a manifest column means to the importer; every unrecognised column is "metadata". */
export type ManifestColumnRole =
  | "path"
  | "patient"
  | "cohorts"
  | "session"
  | "session_date"
  | "channel_mode"
  | "channel_roles"
  | "metadata";

/** Inferred type of a metadata column. Dates are kept as ISO `YYYY-MM-DD` strings. */
export type ManifestValueType = "integer" | "number" | "boolean" | "date" | "string";

export type ManifestMetadataValue = string | number | boolean;

export interface ManifestColumn {
  /** Normalised name: trimmed, lower-case, spaces and dashes as underscores. Metadata keys use it. */
  name: string;
  /** The header as written in the file, for messages and display. */
  header: string;
  role: ManifestColumnRole;
  /** Only for metadata columns. */
  type?: ManifestValueType;
}

export interface ManifestRow {
  /** 1-based line in the file where the row starts. */
  line: number;
  /** As written in the manifest (trimmed); matchManifest normalises it. */
  path: string;
  patientCode?: string;
  cohorts: string[];
  sessionCode?: string;
  /** YYYY-MM-DD. */
  sessionDate?: string;
  /** "split" keeps a multichannel file's channels as separate tracks. */
  channelMode?: "mix" | "split";
  /** One role per channel, in channel order; only with channelMode "split". */
  channelRoles?: string[];
  /** Other columns by normalised name; empty cells are absent. */
  metadata: Record<string, ManifestMetadataValue>;
}

export interface ManifestProblem {
  /** null for a problem with the file as a whole (e.g. a column without a header). */
  line: number | null;
  column?: string;
  /** Complete sentence for the researcher, starting with the line and column where there is one. */
  message: string;
}

export interface ParsedManifest {
  fileName: string;
  format: "csv" | "jsonl";
  /** Rows without problems, in file order. A row with any problem is left out and reported. */
  rows: ManifestRow[];
  columns: ManifestColumn[];
  problems: ManifestProblem[];
}
