import type { NotebookTableColumn, NotebookTableValue } from "../notebook-cell";

/** How a result column's values read on a chart: numbers, or keys (text, dates, true/false). */

// PostgreSQL type names as pg_typeof writes them, plus the short aliases other drivers report.
const NUMERIC_TYPES = new Set([
  "smallint",
  "integer",
  "bigint",
  "real",
  "double precision",
  "numeric",
  "oid",
  "int2",
  "int4",
  "int8",
  "float4",
  "float8",
  "decimal",
]);

/** Whether a column of PostgreSQL type `type` holds numbers. */
export function isNumericColumnType(type: string): boolean {
  return NUMERIC_TYPES.has(type.toLowerCase()) || /^numeric\(/i.test(type);
}

/**
 * Whether column `index` can be read as numbers: its type is numeric, or
 * (for types we do not know, such as a driver's "unknown") every non-null
 * value is a number.
 */
export function isNumericColumn(column: NotebookTableColumn, rows: readonly NotebookTableValue[][], index: number): boolean {
  if (isNumericColumnType(column.type)) return true;
  let seen = false;
  for (const row of rows) {
    const value = row[index];
    if (value === null || value === undefined) continue;
    if (typeof value !== "number") return false;
    seen = true;
  }
  return seen;
}

/** What a non-numeric column holds, for problems like `"cohort" holds text`. */
export function describeColumnContent(column: NotebookTableColumn): string {
  const type = column.type.toLowerCase();
  if (type === "boolean") return "true/false values";
  if (type === "date" || type.startsWith("timestamp")) return "dates";
  if (type === "json" || type === "jsonb") return "JSON";
  return "text";
}

/**
 * The finite number a cell holds, or null. Numeric columns carry strings for
 * bigints past 2^53 (read approximately, which is fine for a chart) and for
 * NaN and ±Infinity (not drawable).
 */
export function numberOf(value: NotebookTableValue | undefined): number | null {
  if (typeof value === "number") return Number.isFinite(value) ? value : null;
  if (typeof value === "string" && value.trim() !== "") {
    const parsed = Number(value);
    return Number.isFinite(parsed) ? parsed : null;
  }
  return null;
}

/** The key a cell gives a category (x, colour or facet), or null for an empty cell. */
export function keyOf(value: NotebookTableValue | undefined): string | null {
  if (value === null || value === undefined) return null;
  return String(value);
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}(?::?\d{2})?)?)?$/;

/** Milliseconds since the epoch for an ISO 8601 date or date-time, or null. */
export function isoDateValue(text: string): number | null {
  if (!ISO_DATE.test(text)) return null;
  const parsed = Date.parse(text.replace(" ", "T"));
  return Number.isNaN(parsed) ? null : parsed;
}

/**
 * `keys` in ascending order when every one reads as an ISO date, or every one
 * as a number; otherwise unchanged (first-appearance order).
 */
export function sortTemporalOrNumericKeys(keys: readonly string[]): string[] {
  for (const read of [isoDateValue, (key: string) => numberOf(key)]) {
    const values = keys.map(read);
    if (values.every((value) => value !== null)) {
      return keys
        .map((key, index) => ({ key, value: values[index]! }))
        .sort((a, b) => a.value - b.value)
        .map((entry) => entry.key);
    }
  }
  return [...keys];
}
