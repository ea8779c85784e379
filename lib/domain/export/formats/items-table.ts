import { ArrayShapeError } from "../../array-shape-error";
import { csvCell } from "../../csv-table";
import { CANONICAL_LABELS } from "../../emotion-labels";
import type { ExportItem } from "../export-item";
import { formatFixed } from "./fixed-number";

/** Comma for items.csv (RFC 4180, CRLF), tab for items.tsv (LF). */
export type TableSeparator = "," | "\t";

/**
 * Every column of the items table, for people reading it in a spreadsheet or
 * pandas: identifiers, the clip, the label before and after the mapping, and
 * the nine model scores (empty when the item has none), always present so
 * every export of one definition has the same columns.
 */
export const ITEMS_TABLE_COLUMNS: readonly string[] = Object.freeze([
  "id",
  "recording_id",
  "region_id",
  "recording_name",
  "audio",
  "offset",
  "duration",
  "samples",
  "label",
  "original_label",
  "label_source",
  "confidence",
  "split",
  "patient",
  "cohort",
  "session",
  ...CANONICAL_LABELS.map((label) => `score_${label}`),
]);

const TSV_ESCAPES: Readonly<Record<string, string>> = { "\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r" };

export function itemsTableHeader(separator: TableSeparator): string {
  return line(
    ITEMS_TABLE_COLUMNS.map((name) => textCell(name, separator)),
    separator,
  );
}

/**
 * The item's row. Numbers are written bare with fixed decimals (seconds to the
 * millisecond, scores to six places). CSV text goes through csvCell (quoted
 * when needed, formula guard). TSV has no quoting, so a text cell's backslash,
 * tab, CR and LF are written as \\, \t, \r and \n (the "linear TSV" escapes
 * PostgreSQL's COPY text format uses), after the same formula guard; pandas
 * reads it with sep="\t", quoting=csv.QUOTE_NONE.
 */
export function itemsTableRow(item: ExportItem, separator: TableSeparator): string {
  const scores = item.modelScores;
  if (scores !== null && scores.length !== CANONICAL_LABELS.length) {
    throw new ArrayShapeError(`itemsTableRow: item ${item.id} has ${scores.length} model scores, expected ${CANONICAL_LABELS.length}`);
  }
  const text = (value: string | null) => textCell(value, separator);
  const cells = [
    text(item.id),
    text(item.recordingId),
    text(item.regionId),
    text(item.recordingName),
    text(item.audioPath),
    number(item.offsetSeconds, 3),
    number(item.durationSeconds, 3),
    number(item.sampleCount, 0),
    text(item.label),
    text(item.originalLabel),
    text(item.labelSource),
    item.confidence === null ? "" : number(item.confidence, 6),
    text(item.split),
    text(item.patient),
    text(item.cohort),
    text(item.sessionCode),
    ...CANONICAL_LABELS.map((_, index) => (scores === null ? "" : number(scores[index]!, 6))),
  ];
  return line(cells, separator);
}

function line(cells: readonly string[], separator: TableSeparator): string {
  return `${cells.join(separator)}${separator === "," ? "\r\n" : "\n"}`;
}

function number(value: number, decimals: number): string {
  return formatFixed(value, decimals) ?? "";
}

function textCell(value: string | null, separator: TableSeparator): string {
  if (separator === ",") return csvCell(value);
  if (value === null) return "";
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return safe.replace(/[\\\t\n\r]/g, (char) => TSV_ESCAPES[char]!);
}
