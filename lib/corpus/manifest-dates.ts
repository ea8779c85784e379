/**
 * Calendar dates as researchers write them in spreadsheets. Only unambiguous
 * forms are accepted: `01/02/2024` could be 1 February or 2 January, and
 * guessing would silently misdate sessions, so it is refused with a hint.
 */
export type ManifestDateResult = { ok: true; iso: string } | { ok: false; reason: string };

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?$/;
const DOTTED = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/;
const YEAR_FIRST_SLASH = /^(\d{4})\/(\d{1,2})\/(\d{1,2})$/;
const AMBIGUOUS = /^(\d{1,2})[/-](\d{1,2})[/-](\d{2}|\d{4})$/;

/** Returns null when the value does not look like a date at all. */
export function parseManifestDate(value: string): ManifestDateResult | null {
  const text = value.trim();
  let match = ISO.exec(text);
  if (match) return calendarDate(text, match[1], match[2], match[3]);
  match = DOTTED.exec(text);
  if (match) return calendarDate(text, match[3], match[2], match[1]);
  match = YEAR_FIRST_SLASH.exec(text);
  if (match) return calendarDate(text, match[1], match[2], match[3]);
  if (AMBIGUOUS.test(text)) {
    return {
      ok: false,
      reason: `'${text}' is ambiguous (day/month or month/day); write it as YYYY-MM-DD or DD.MM.YYYY`,
    };
  }
  return null;
}

function calendarDate(text: string, year = "", month = "", day = ""): ManifestDateResult {
  const y = Number(year);
  const m = Number(month);
  const d = Number(day);
  // Date.UTC rolls 2023-02-30 over to March; comparing back catches it.
  const date = new Date(Date.UTC(y, m - 1, d));
  if (m < 1 || m > 12 || date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) {
    return { ok: false, reason: `'${text}' is not a calendar date` };
  }
  return { ok: true, iso: `${year.padStart(4, "0")}-${month.padStart(2, "0")}-${day.padStart(2, "0")}` };
}
