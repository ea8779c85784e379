import { escapeHtml } from "./escape-html";
import type { NotebookTableOutput, NotebookTableValue } from "./notebook-cell";
import { formatCount } from "./notebook-format";

/**
 * A SQL cell's result table written out for exports: HTML for the report and
 * Jupyter's text/html, plain text for Jupyter's text/plain. Results may hold
 * up to 100,000 rows; exports show the first `maxRows` and say so in the
 * caption, so a file stays openable.
 */

/** Rows an export shows of one result unless the caller asks otherwise. */
export const DEFAULT_EXPORT_TABLE_ROWS = 1000;
/** Rows of the plain-text form, which is only a fallback for viewers without HTML. */
const PLAIN_TEXT_ROWS = 50;
const PLAIN_TEXT_WIDTH = 40;

/** e.g. "9 rows", "Showing the first 1,000 of 10,000 rows; the query matched more rows than its row limit". */
export function tableCaption(output: NotebookTableOutput, shownRows: number): string {
  const returned = output.rows.length;
  const noun = returned === 1 ? "row" : "rows";
  const head = shownRows < returned ? `Showing the first ${formatCount(shownRows)} of ${formatCount(returned)} ${noun}` : `${formatCount(returned)} ${noun}`;
  const columns = output.columns.length === 0 ? ", no columns" : "";
  const truncated = output.truncated ? `; the query matched more rows than its row limit of ${formatCount(output.rowCount)}, so the result is truncated` : "";
  return `${head}${columns}${truncated}`;
}

function valueText(value: NotebookTableValue): string {
  return value === null ? "NULL" : String(value);
}

/** An HTML <table> with every value escaped; numbers carry class "num" and NULLs class "null" for styling. */
export function tableToHtml(output: NotebookTableOutput, maxRows: number = DEFAULT_EXPORT_TABLE_ROWS): string {
  const shown = output.rows.slice(0, Math.max(0, maxRows));
  const caption = `<caption>${escapeHtml(tableCaption(output, shown.length))}</caption>`;
  if (output.columns.length === 0) return `<table class="notebook-table">${caption}</table>`;
  const header = output.columns.map((column) => `<th scope="col" title="${escapeHtml(column.type)}">${escapeHtml(column.name)}</th>`).join("");
  const body = shown
    .map((row) => {
      const cells = output.columns.map((_, index) => {
        const value = row[index] ?? null;
        const className = value === null ? ' class="null"' : typeof value === "number" ? ' class="num"' : "";
        return `<td${className}>${escapeHtml(valueText(value))}</td>`;
      });
      return `<tr>${cells.join("")}</tr>`;
    })
    .join("\n");
  return `<table class="notebook-table">${caption}\n<thead><tr>${header}</tr></thead>\n<tbody>\n${body}\n</tbody>\n</table>`;
}

function plainCell(value: NotebookTableValue): string {
  // One line per row: line breaks and tabs inside values would break the columns.
  const text = valueText(value).replace(/\r?\n/g, "\\n").replace(/\t/g, " ");
  return text.length > PLAIN_TEXT_WIDTH ? `${text.slice(0, PLAIN_TEXT_WIDTH - 1)}…` : text;
}

/** A psql-like table (header, rule, padded columns) followed by the caption. */
export function tableToPlainText(output: NotebookTableOutput, maxRows: number = DEFAULT_EXPORT_TABLE_ROWS): string {
  const shown = output.rows.slice(0, Math.max(0, Math.min(maxRows, PLAIN_TEXT_ROWS)));
  const caption = `(${tableCaption(output, shown.length)})`;
  if (output.columns.length === 0) return caption;
  const header = output.columns.map((column) => plainCell(column.name));
  const rows = shown.map((row) => output.columns.map((_, index) => plainCell(row[index] ?? null)));
  const widths = header.map((name, index) => Math.max(name.length, ...rows.map((row) => (row[index] ?? "").length)));
  const line = (cells: string[]) => cells.map((cell, index) => cell.padEnd(widths[index] ?? 0)).join(" | ").trimEnd();
  const rule = widths.map((width) => "-".repeat(width)).join("-+-");
  return [line(header), rule, ...rows.map(line), caption].join("\n");
}
