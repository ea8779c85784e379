import { csvCell } from "../domain/csv-table";

/**
 * What an import did with every input, kept as the job's result and shown in
 * the workbench and the CLI, and downloadable as CSV. Pure.
 */

export type ImportOutcome =
  /** New recording stored. */
  | "imported"
  /** Same content already in the corpus: nothing stored twice, metadata merged. */
  | "duplicate"
  /** Stored, with something the researcher should know (truncated, clipped, manifest row ignored). */
  | "imported-with-warnings"
  /** Not stored; `reason` says why. */
  | "failed"
  /** Manifest problems and files outside the import (refused paths, rows naming missing files). */
  | "problem"
  /** A file without an audio extension whose content is not audio either (a script, a spreadsheet). */
  | "skipped";

export interface ImportReportEntry {
  path: string;
  outcome: ImportOutcome;
  /** Stable machine-readable reason, e.g. AUDIO_NOT_AUDIO or MANIFEST_ROW_INVALID. */
  code?: string;
  reason?: string;
  recordingIds?: string[];
  durationSeconds?: number;
}

export interface ImportCounts {
  imported: number;
  duplicates: number;
  warnings: number;
  failed: number;
  problems: number;
  skipped: number;
}

export interface ImportReport {
  corpusName: string;
  counts: ImportCounts;
  entries: ImportReportEntry[];
  /** Manifest columns with their roles and inferred types, when a manifest was read. */
  manifest?: { fileName: string; columns: { name: string; role: string; type?: string }[] };
}

export function countOutcomes(entries: readonly ImportReportEntry[]): ImportCounts {
  const counts: ImportCounts = { imported: 0, duplicates: 0, warnings: 0, failed: 0, problems: 0, skipped: 0 };
  for (const entry of entries) {
    if (entry.outcome === "imported") counts.imported++;
    else if (entry.outcome === "duplicate") counts.duplicates++;
    else if (entry.outcome === "imported-with-warnings") counts.warnings++;
    else if (entry.outcome === "failed") counts.failed++;
    else if (entry.outcome === "skipped") counts.skipped++;
    else counts.problems++;
  }
  return counts;
}

export function summariseImport(report: Pick<ImportReport, "counts">): string {
  const { imported, duplicates, warnings, failed, problems } = report.counts;
  const parts = [`${imported + warnings} imported${warnings > 0 ? ` (${warnings} with warnings)` : ""}`];
  parts.push(`${duplicates} duplicate${duplicates === 1 ? "" : "s"}`, `${failed} failed`);
  if (problems > 0) parts.push(`${problems} other problem${problems === 1 ? "" : "s"}`);
  if (report.counts.skipped > 0) parts.push(`${report.counts.skipped} skipped (not audio)`);
  return parts.join(", ");
}

const CSV_COLUMNS = ["path", "outcome", "code", "reason", "recording_ids", "duration_seconds"] as const;

/** RFC 4180 CSV; cells a spreadsheet would run as a formula are prefixed with an apostrophe. */
export function importReportToCsv(report: Pick<ImportReport, "entries">): string {
  const lines = [CSV_COLUMNS.join(",")];
  for (const entry of report.entries) {
    const cells = [
      entry.path,
      entry.outcome,
      entry.code ?? "",
      entry.reason ?? "",
      (entry.recordingIds ?? []).join(" "),
      entry.durationSeconds === undefined ? "" : entry.durationSeconds.toFixed(3),
    ];
    lines.push(cells.map(csvCell).join(","));
  }
  return `${lines.join("\r\n")}\r\n`;
}
