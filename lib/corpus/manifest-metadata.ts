import { parseManifestDate } from "./manifest-dates";
import type { ClinicalScale } from "./manifest-scales";
import type { ManifestMetadataValue, ManifestValueType } from "./manifest-types";

/**
 * Type inference and conversion for metadata columns. A column takes a type
 * when at least TYPED_SHARE of its values parse as that type; the rest are then
 * reported as mistakes rather than silently turning the column into text.
 */
const TYPED_SHARE = 0.8;

/**
 * Spreadsheet and R/pandas spellings of "no value". In a typed column they mean
 * absent; in a text column they are kept, because "none" may be an answer
 * (e.g. medication: none).
 */
const MISSING_MARKERS = new Set(["na", "n/a", "nan", "null", "none", "missing", "-", "."]);

const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
const DECIMAL_COMMA = /^[+-]?\d+,\d+$/;
const BOOLEAN: Readonly<Record<string, boolean>> = { true: true, false: false, yes: true, no: false };

export interface MetadataParseOptions {
  /** Accept `12,5` as 12.5: only safe when the delimiter is not a comma. */
  decimalComma: boolean;
}

export type CellConversion =
  | { kind: "value"; value: ManifestMetadataValue }
  | { kind: "absent" }
  | { kind: "problem"; message: string };

export function isMissingMarker(value: string): boolean {
  return MISSING_MARKERS.has(value.toLowerCase());
}

export function parseNumberCell(value: string, options: MetadataParseOptions): number | null {
  if (NUMBER.test(value)) return Number(value);
  if (options.decimalComma && DECIMAL_COMMA.test(value)) return Number(value.replace(",", "."));
  return null;
}

/** `values` are the column's trimmed, non-empty cells. */
export function inferMetadataType(
  values: readonly string[],
  scale: ClinicalScale | undefined,
  options: MetadataParseOptions,
): ManifestValueType {
  const present = values.filter((value) => !isMissingMarker(value));
  const numbers = present.map((value) => parseNumberCell(value, options)).filter((n): n is number => n !== null);
  const numericType: ManifestValueType = numbers.every(Number.isInteger) ? "integer" : "number";
  if (scale) return scale.integer ? "integer" : numericType;
  if (present.length === 0) return "string";

  const booleans = present.filter((value) => Object.hasOwn(BOOLEAN, value.toLowerCase())).length;
  const dates = present.filter((value) => parseManifestDate(value) !== null).length;
  const [type, count] = (
    [
      [numericType, numbers.length],
      ["boolean", booleans],
      ["date", dates],
    ] as const
  ).reduce((best, candidate) => (candidate[1] > best[1] ? candidate : best));
  return count >= TYPED_SHARE * present.length ? type : "string";
}

const TYPE_NOUN: Readonly<Record<ManifestValueType, string>> = {
  integer: "whole numbers",
  number: "numbers",
  boolean: "yes/no or true/false values",
  date: "dates",
  string: "text",
};

/** Converts one trimmed, non-empty cell of a metadata column whose type has been inferred. */
export function convertMetadataCell(
  value: string,
  type: ManifestValueType,
  scale: ClinicalScale | undefined,
  options: MetadataParseOptions,
): CellConversion {
  if (type === "string") return { kind: "value", value };
  if (isMissingMarker(value)) return { kind: "absent" };
  const others = `the other values in this column are ${TYPE_NOUN[type]}`;

  if (type === "integer" || type === "number") {
    const number = parseNumberCell(value, options);
    if (number === null || !Number.isFinite(number)) {
      return { kind: "problem", message: `'${value}' is not a number; ${scale ? `${scale.label} scores are numbers` : others}` };
    }
    if (type === "integer" && !Number.isInteger(number)) {
      const why = scale ? `${scale.label} scores are whole numbers` : others;
      return { kind: "problem", message: `'${value}' is not a whole number; ${why}` };
    }
    if (scale && (number < scale.min || number > scale.max)) {
      return { kind: "problem", message: `${value} is outside the ${scale.label} range ${scale.min}–${scale.max}` };
    }
    return { kind: "value", value: number };
  }

  if (type === "boolean") {
    const key = value.toLowerCase();
    if (Object.hasOwn(BOOLEAN, key)) return { kind: "value", value: BOOLEAN[key] === true };
    return { kind: "problem", message: `'${value}' is not yes/no or true/false; ${others}` };
  }

  const date = parseManifestDate(value);
  if (date === null) return { kind: "problem", message: `'${value}' is not a date; ${others}` };
  if (!date.ok) return { kind: "problem", message: date.reason };
  return { kind: "value", value: date.iso };
}
