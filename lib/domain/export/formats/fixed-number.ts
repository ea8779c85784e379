import { ExportFormatError } from "./export-format-error";

/**
 * `value` with exactly `decimals` digits after the point, the same bytes on
 * every run and engine (toFixed is specified to the digit); null when the value
 * is not finite. A rounding result of "-0.000" loses its sign, so a score of
 * -1e-9 and one of 0 write the same text.
 */
export function formatFixed(value: number, decimals: number): string | null {
  if (!Number.isFinite(value)) return null;
  const text = value.toFixed(decimals);
  return /^-0(\.0*)?$/.test(text) ? text.slice(1) : text;
}

/** formatFixed for a field that must hold a number; `where` names the item and field for the researcher. */
export function requireFixed(value: number, decimals: number, where: string): string {
  const text = formatFixed(value, decimals);
  if (text === null) throw new ExportFormatError(`cannot write ${where}: it is ${String(value)}, not a finite number`);
  return text;
}
