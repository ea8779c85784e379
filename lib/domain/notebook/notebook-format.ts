/**
 * How notebook exports and the provenance lines write counts and times, the
 * same in every locale and time zone so an exported file does not depend on
 * the machine that wrote it.
 */

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** 12400 → "12,400"; non-integers keep up to three decimals ("0.125"). */
export function formatCount(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  const [whole = "0", fraction] = String(Math.round(Math.abs(value) * 1000) / 1000).split(".");
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return `${value < 0 ? "-" : ""}${grouped}${fraction === undefined ? "" : `.${fraction}`}`;
}

/** "2026-11-21T14:03:27.120Z" → "21 Nov 2026 14:03 UTC"; text that is not a time comes back unchanged. */
export function formatUtcMinute(iso: string): string {
  const time = Date.parse(iso);
  if (Number.isNaN(time)) return iso;
  const date = new Date(time);
  const pad = (part: number) => String(part).padStart(2, "0");
  return `${date.getUTCDate()} ${MONTHS[date.getUTCMonth()]} ${date.getUTCFullYear()} ${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())} UTC`;
}
