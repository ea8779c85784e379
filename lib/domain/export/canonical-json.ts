import { ExportInputError } from "./export-input-error";

/**
 * JSON with object keys sorted (by UTF-16 code units, so independent of
 * locale) at every depth and no whitespace: two values that mean the same
 * thing give the same string, whatever order their keys were built in. Array
 * order is kept, because it carries meaning. Properties holding undefined are
 * left out, as JSON.stringify does; anything JSON cannot carry faithfully
 * (NaN, Infinity, bigint, functions, Dates, Maps, class instances) is refused
 * rather than silently turned into null or "{}".
 */
export function canonicalJson(value: unknown): string {
  return write(value, "$");
}

function write(value: unknown, path: string): string {
  if (value === null) return "null";
  switch (typeof value) {
    case "string":
    case "boolean":
      return JSON.stringify(value);
    case "number":
      if (!Number.isFinite(value)) throw new ExportInputError("EXPORT_NOT_JSON", `${path} is ${value}, which JSON cannot hold`);
      return JSON.stringify(value);
    case "object":
      break;
    default:
      throw new ExportInputError("EXPORT_NOT_JSON", `${path} is a ${typeof value}, which JSON cannot hold`);
  }
  if (Array.isArray(value)) {
    return `[${value.map((element, index) => (element === undefined ? "null" : write(element, `${path}[${index}]`))).join(",")}]`;
  }
  const prototype = Object.getPrototypeOf(value) as unknown;
  if (prototype !== Object.prototype && prototype !== null) {
    throw new ExportInputError("EXPORT_NOT_JSON", `${path} is not a plain object, so its JSON form would not be stable`);
  }
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record)
    .filter((key) => record[key] !== undefined)
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${keys.map((key) => `${JSON.stringify(key)}:${write(record[key], `${path}.${key}`)}`).join(",")}}`;
}
