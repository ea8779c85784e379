/**
 * Notebook results cross HTTP as JSON, so every value is a string, a number,
 * a boolean or null. The runner reads each column as PostgreSQL's text form
 * (with TimeZone UTC and DateStyle ISO) and this turns it into the JSON value
 * its type calls for: numbers stay numbers unless they would lose digits or
 * are not finite, and instants become ISO 8601 in UTC.
 */

export type NotebookCellValue = string | number | boolean | null;

const EXACT_NUMBER_TYPES = new Set(["smallint", "integer", "oid"]);
const FLOAT_TYPES = new Set(["real", "double precision", "numeric"]);
const DIGITS = /^-?\d+$/;
const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);

function bigintCell(text: string): NotebookCellValue {
  if (!DIGITS.test(text)) return text;
  const value = BigInt(text);
  return value <= MAX_SAFE && value >= -MAX_SAFE ? Number(value) : text;
}

function floatCell(text: string): NotebookCellValue {
  const value = Number(text);
  // NaN and ±Infinity have no JSON form; PostgreSQL's spelling says what they are.
  return Number.isFinite(value) ? value : text;
}

/** "2024-03-01 09:15:00.5+00" or, for a timestamp without zone (stored as UTC), "2024-03-01 09:15:00.5". */
function instantCell(text: string, withZone: boolean): NotebookCellValue {
  const iso = text.replace(" ", "T").replace(/([+-]\d\d)$/, "$1:00");
  const parsed = Date.parse(withZone ? iso : `${iso}Z`);
  // infinity, -infinity and dates BC stay as PostgreSQL writes them.
  return Number.isNaN(parsed) || /[a-zA-Z]{2}/.test(text) ? text : new Date(parsed).toISOString();
}

/** The JSON value of one column value in PostgreSQL's text form; `type` is the type's name as pg_typeof writes it. */
export function toNotebookCellValue(text: string | null, type: string): NotebookCellValue {
  if (text === null) return null;
  if (type === "boolean") return text === "true" || text === "t";
  if (EXACT_NUMBER_TYPES.has(type)) return Number(text);
  if (type === "bigint") return bigintCell(text);
  if (FLOAT_TYPES.has(type)) return floatCell(text);
  if (type === "timestamp with time zone") return instantCell(text, true);
  if (type === "timestamp without time zone") return instantCell(text, false);
  return text;
}
